import {
  DegurbaImportInput,
  DegurbaImportResult,
  DegurbaLookup,
  DegurbaSummary,
  parseDegurbaCsv,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { translate } from '../../http/messages.js';
import { languageOf } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';

/**
 * The DEGURBA table (degree of urbanisation per gmina: 1 cities, 2 towns and suburbs, 3 rural areas),
 * which fills the participants' DEGURBA at enrolment. A system administrator imports a
 * `teryt;degurba` file: first a preview with every wrong line, then the import — all rows or none.
 * Rows of the file are added or replace the gmina's value; gminy not in the file keep theirs.
 * Participants keep the value they were enrolled with (it is data at entry).
 */

const byLevelOf = (levels: number[]) => {
  const out = { '1': 0, '2': 0, '3': 0 };
  for (const l of levels) out[String(l) as '1' | '2' | '3']++;
  return out;
};

async function summary(db: DbOrTx): Promise<z.infer<typeof DegurbaSummary>> {
  const [row] = await queryRows<{
    total: number;
    gminas: number;
    l1: number;
    l2: number;
    l3: number;
    at: Date | null;
  }>(
    db,
    sql`select (select count(*)::int from degurba_units) as total,
          (select count(*)::int from territorial_units where level = 'gmina' and active) as gminas,
          (select count(*)::int from degurba_units where degurba = 1) as l1,
          (select count(*)::int from degurba_units where degurba = 2) as l2,
          (select count(*)::int from degurba_units where degurba = 3) as l3,
          (select max(imported_at) from degurba_units) as at`,
  );
  return {
    total: row?.total ?? 0,
    gminas: row?.gminas ?? 0,
    byLevel: { '1': row?.l1 ?? 0, '2': row?.l2 ?? 0, '3': row?.l3 ?? 0 },
    importedAt: row?.at ? new Date(row.at).toISOString() : null,
  };
}

export const degurbaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['participants'],
        summary: 'How many gminy have a DEGURBA value, by level, and when it was last imported',
        response: { 200: DegurbaSummary },
      },
    },
    async () => summary(db),
  );

  app.get(
    '/:teryt',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary: 'The DEGURBA of one gmina, or null while the table has no row for it',
        params: z.object({ teryt: z.string().regex(/^\d{7}$/) }),
        response: { 200: DegurbaLookup },
      },
    },
    async (request) => {
      const [row] = await queryRows<{ degurba: number }>(
        db,
        sql`select degurba from degurba_units where teryt = ${request.params.teryt}`,
      );
      return { teryt: request.params.teryt, degurba: row?.degurba ?? null };
    },
  );

  app.post(
    '/import',
    {
      config: { access: { permission: 'system.admin' } },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['participants'],
        summary: 'Check (apply=false) or import (apply=true, all rows or none) a teryt;degurba file',
        body: DegurbaImportInput,
        response: { 200: DegurbaImportResult },
      },
    },
    async (request) => {
      const lang = languageOf(request);
      const { rows, issues } = parseDegurbaCsv(request.body.csv);
      const terytCodes = rows.map((r) => r.teryt);
      const known = new Map(
        (
          await queryRows<{ teryt: string; current: number | null }>(
            db,
            sql`select u.teryt, d.degurba as current from territorial_units u
                left join degurba_units d on d.teryt = u.teryt
                where u.level = 'gmina' and u.teryt = any(${sql.param(terytCodes)}::text[])`,
          )
        ).map((r) => [r.teryt, r.current]),
      );
      for (const r of rows)
        if (!known.has(r.teryt))
          issues.push({ line: r.line, code: 'degurba.unknownGmina', params: { teryt: r.teryt } });
      issues.sort((a, b) => a.line - b.line);
      const changes = rows.filter((r) => known.has(r.teryt) && known.get(r.teryt) !== r.degurba).length;
      const errors = issues.map((i) => ({
        line: i.line,
        code: i.code,
        message: translate(i.code, lang, i.params) ?? i.code,
      }));
      const applied = request.body.apply && errors.length === 0;
      if (applied) {
        await db.transaction(async (tx) => {
          await tx.execute(
            sql`insert into degurba_units (teryt, degurba, imported_at)
                select t, d, now() from unnest(${sql.param(terytCodes)}::text[], ${sql.param(rows.map((r) => r.degurba))}::int[]) as x(t, d)
                on conflict (teryt) do update set degurba = excluded.degurba, imported_at = excluded.imported_at`,
          );
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'degurba_table',
            details: { rows: rows.length, changes, byLevel: byLevelOf(rows.map((r) => r.degurba)) },
          });
        });
      }
      return {
        rows: rows.length,
        errors,
        byLevel: byLevelOf(rows.map((r) => r.degurba)),
        changes,
        applied,
      };
    },
  );
};
