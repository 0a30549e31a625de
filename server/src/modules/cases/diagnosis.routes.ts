import { Diagnosis, DiagnosisHistory, DiagnosisInput } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, fieldError } from '../identity/scope.js';
import { addSystemEntry, requireCase, requireWritable, touchCase } from './access.js';

const CaseParams = z.object({ caseId: z.uuid() });
const VersionParams = z.object({ caseId: z.uuid(), versionNo: z.coerce.number().int().min(1) });

const columns = sql`d.id, d.version_no as "versionNo", d.areas, d.interview, d.conclusions, d.created_at as "createdAt",
  json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as author`;

type Row = Omit<Diagnosis, 'createdAt'> & { createdAt: string | Date };
const present = (r: Row): Diagnosis => ({ ...r, createdAt: new Date(r.createdAt).toISOString() });

async function current(db: DbOrTx, caseId: string): Promise<Row | undefined> {
  const [row] = await queryRows<Row>(
    db,
    sql`select ${columns} from diagnoses d join users u on u.id = d.author_id
        where d.case_id = ${caseId} order by d.version_no desc limit 1`,
  );
  return row;
}

/**
 * The multidimensional diagnosis of a case (four areas of the Liderzy kooperacji workshops plus the
 * optional sections of the family community interview). Versioned: an update is a new version and
 * earlier ones stay readable.
 */
export const diagnosisRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/diagnosis',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'The current diagnosis and the list of its versions',
        params: CaseParams,
        response: { 200: DiagnosisHistory },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const [cur, versions] = await Promise.all([
        current(db, c.id),
        queryRows<Row>(
          db,
          sql`select d.id, d.version_no as "versionNo", d.created_at as "createdAt",
                json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as author
              from diagnoses d join users u on u.id = d.author_id where d.case_id = ${c.id} order by d.version_no desc`,
        ),
      ]);
      if (cur)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'diagnosis',
          recordId: cur.id,
          details: { caseId: c.id, versionNo: cur.versionNo },
        });
      return {
        current: cur ? present(cur) : null,
        versions: versions.map((v) => ({
          id: v.id,
          versionNo: v.versionNo,
          author: v.author,
          createdAt: new Date(v.createdAt).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/:caseId/diagnosis/:versionNo',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'One earlier (or the current) version of the diagnosis',
        params: VersionParams,
        response: { 200: Diagnosis },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const [row] = await queryRows<Row>(
        db,
        sql`select ${columns} from diagnoses d join users u on u.id = d.author_id
            where d.case_id = ${c.id} and d.version_no = ${request.params.versionNo}`,
      );
      if (!row) throw new AppError('not_found', 'record.notFound');
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'diagnosis',
        recordId: row.id,
        details: { caseId: c.id, versionNo: row.versionNo },
      });
      return present(row);
    },
  );

  app.post(
    '/:caseId/diagnosis',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Record the diagnosis: a new version based on the one the worker read (else 409)',
        params: CaseParams,
        body: DiagnosisInput,
        response: { 201: Diagnosis },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const input = request.body;
      const filled = [
        ...Object.values(input.areas),
        ...Object.values(input.interview),
        input.conclusions,
      ].some((v) => !!v);
      if (!filled) throw fieldError('areas', 'diagnosis.empty');
      const id = await db.transaction(async (tx) => {
        // Serialise saves of one case's diagnosis; the version the worker started from must still be the latest.
        await tx.execute(sql`select id from cases where id = ${c.id} for update`);
        const cur = await current(tx, c.id);
        if ((cur?.versionNo ?? 0) !== input.basedOn) throw new AppError('conflict', 'diagnosis.stale');
        const versionNo = input.basedOn + 1;
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into diagnoses (case_id, version_no, areas, interview, conclusions, author_id)
              values (${c.id}, ${versionNo}, ${JSON.stringify(input.areas)}::jsonb, ${JSON.stringify(input.interview)}::jsonb,
                ${input.conclusions}, ${a.userId}) returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'diagnoza',
          title: versionNo === 1 ? 'Zapisano diagnozę' : `Zaktualizowano diagnozę (wersja ${versionNo})`,
          authorId: a.userId,
        });
        await touchCase(tx, c.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'diagnosis',
          recordId: row.id,
          // The text is personal and often special-category: the log says which sections changed, not what they say.
          before: cur ? { ...cur.areas, ...cur.interview, conclusions: cur.conclusions } : null,
          after: { ...input.areas, ...input.interview, conclusions: input.conclusions },
          sensitiveFields: [...Object.keys(input.areas), ...Object.keys(input.interview), 'conclusions'],
          details: { caseId: c.id, versionNo },
        });
        return row.id;
      });
      const [row] = await queryRows<Row>(
        db,
        sql`select ${columns} from diagnoses d join users u on u.id = d.author_id where d.id = ${id}`,
      );
      return reply.status(201).send(present(row as Row));
    },
  );
};
