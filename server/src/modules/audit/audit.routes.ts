import {
  AUDIT_RETENTION_MIN_YEARS,
  type AuditEntry,
  AuditPage,
  AuditQuery,
  AuditSettings,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { settings } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from './audit.js';

const RETENTION_KEY = 'audit.retentionYears';
const CSV_MAX_ROWS = 100_000;

export async function retentionYears(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ value: unknown }>(
    db,
    sql`select value from settings where key = ${RETENTION_KEY}`,
  );
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= AUDIT_RETENTION_MIN_YEARS ? n : AUDIT_RETENTION_MIN_YEARS;
}

function filters(q: Omit<AuditQuery, 'limit' | 'before'>): SQL {
  const conds: SQL[] = [sql`true`];
  if (q.userId) conds.push(sql`a.user_id = ${q.userId}`);
  if (q.institutionId) conds.push(sql`a.institution_id = ${q.institutionId}`);
  if (q.action) conds.push(sql`a.action = ${q.action}`);
  if (q.outcome) conds.push(sql`a.outcome = ${q.outcome}`);
  if (q.recordType) conds.push(sql`a.record_type = ${q.recordType}`);
  if (q.recordId) conds.push(sql`a.record_id = ${q.recordId}`);
  // Dates are calendar days in Poland, whatever the server's time zone.
  if (q.from) conds.push(sql`a.at >= (${q.from}::date)::timestamp at time zone 'Europe/Warsaw'`);
  if (q.to) conds.push(sql`a.at < (${q.to}::date + 1)::timestamp at time zone 'Europe/Warsaw'`);
  return sql.join(conds, sql` and `);
}

async function selectEntries(db: DbOrTx, where: SQL, limit: number): Promise<AuditEntry[]> {
  return queryRows<AuditEntry>(
    db,
    sql`select a.id::int as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
          a.action, a.outcome, a.user_id as "userId",
          case when u.id is null then null else u.first_name || ' ' || u.last_name end as "userName",
          a.institution_id as "institutionId", i.name as "institutionName", a.role, host(a.ip) as ip,
          a.user_agent as "userAgent", a.request_id as "requestId", a.record_type as "recordType",
          a.record_id as "recordId", a.changes, a.details
        from audit_log a
        left join users u on u.id::text = a.user_id
        left join institutions i on i.id::text = a.institution_id
        where ${where}
        order by a.id desc
        limit ${limit}`,
  );
}

const FilterQuery = AuditQuery.omit({ limit: true, before: true });

/** One CSV cell: quoted, and neutralised if a spreadsheet would read it as a formula. */
export function csvCell(value: unknown): string {
  let s =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

const warsaw = new Intl.DateTimeFormat('pl-PL', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first (keyset paging with `before`)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { limit, before, ...f } = request.query;
      const where = before ? sql`${filters(f)} and a.id < ${before}` : filters(f);
      const items = await selectEntries(db, where, limit + 1);
      const more = items.length > limit;
      const page = items.slice(0, limit);
      await writeAudit(db, actorFromRequest(request), {
        action: 'audit.read',
        details: { filters: f, before: before ?? null },
      });
      return { items: page, nextBefore: more ? (page.at(-1)?.id ?? null) : null };
    },
  );

  app.get(
    '/export.csv',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV (semicolon-separated, UTF-8); itself logged',
        querystring: FilterQuery,
      },
    },
    async (request, reply) => {
      const rows = await selectEntries(db, filters(request.query), CSV_MAX_ROWS);
      await writeAudit(db, actorFromRequest(request), {
        action: 'audit.export',
        details: { filters: request.query, rows: rows.length },
      });
      const header = [
        'id',
        'czas',
        'użytkownik',
        'id użytkownika',
        'instytucja',
        'rola',
        'akcja',
        'wynik',
        'typ rekordu',
        'id rekordu',
        'IP',
        'id żądania',
        'zmiany',
        'szczegóły',
      ];
      const lines = [header.map(csvCell).join(';')];
      for (const r of rows) {
        lines.push(
          [
            r.id,
            warsaw.format(new Date(r.at)),
            r.userName,
            r.userId,
            r.institutionName,
            r.role,
            r.action,
            r.outcome,
            r.recordType,
            r.recordId,
            r.ip,
            r.requestId,
            r.changes,
            r.details,
          ]
            .map(csvCell)
            .join(';'),
        );
      }
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dziennik-zdarzen-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );

  app.get(
    '/settings',
    {
      // The auditor reads it; the system administrator, who sets it, reads it too (without audit.read).
      config: { access: { authenticated: true } },
      schema: {
        tags: ['audit'],
        summary: 'Retention of the audit log (auditor, system administrator)',
        response: { 200: AuditSettings },
      },
    },
    async (request) => {
      const p = request.actor?.permissions;
      if (!p?.has('audit.read') && !p?.has('system.admin')) throw new AppError('forbidden', 'auth.forbidden');
      return { retentionYears: await retentionYears(db) };
    },
  );

  app.put(
    '/settings',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['audit'],
        summary: 'Change the retention (at least 2 years)',
        body: AuditSettings,
        response: { 200: AuditSettings },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const before = await retentionYears(tx);
        await tx
          .insert(settings)
          .values({
            key: RETENTION_KEY,
            value: request.body.retentionYears,
            updatedBy: request.actor?.userId,
          })
          .onConflictDoUpdate({
            target: settings.key,
            set: {
              value: request.body.retentionYears,
              updatedAt: sql`now()`,
              updatedBy: request.actor?.userId,
            },
          });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'settings.update',
          recordType: 'setting',
          recordId: RETENTION_KEY,
          before: { retentionYears: before },
          after: { retentionYears: request.body.retentionYears },
        });
      });
      return { retentionYears: request.body.retentionYears };
    },
  );

  app.post(
    '/prune',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['audit'],
        summary: 'Delete entries older than the retention period (the only way entries are ever deleted)',
        response: { 200: z.object({ deleted: z.number().int(), retentionYears: z.number().int() }) },
      },
    },
    async (request) => {
      return db.transaction(async (tx) => {
        const years = await retentionYears(tx);
        const [r] = await queryRows<{ n: string | number }>(tx, sql`select prune_audit_log(${years}) as n`);
        const deleted = Number(r?.n ?? 0);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'audit.prune',
          details: { deleted, retentionYears: years },
        });
        return { deleted, retentionYears: years };
      });
    },
  );
};
