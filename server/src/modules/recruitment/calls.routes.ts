import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  Call,
  CallInput,
  CallList,
  CallUpdate,
  Cohort,
  CohortInput,
  CohortUpdate,
  RecruitmentVersionQuery,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from '../cases/attachment-files.js';
import { actorOf, conflict, fieldError, isUniqueViolation } from '../identity/scope.js';
import { requireProjectManager } from '../projects/index.js';
import { recruitmentReader } from './access.js';
import { evaluate } from './applications.js';
import {
  type CallRow,
  type CohortRow,
  findCall,
  loadApplicationRows,
  loadCalls,
  loadCohortRows,
  validationFailed,
} from './queries.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const CallParams = ProjectParams.extend({ callId: z.uuid() });
const CohortParams = CallParams.extend({ cohortId: z.uuid() });
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;

type Issue = { field: string; code: string; params?: Record<string, unknown> };

const callAuditable = (
  c: CallRow | (z.output<typeof CallInput> & { regulationsDocumentId?: string | null }),
) => ({
  code: c.code,
  name: c.name,
  description: c.description,
  opensAt: new Date(c.opensAt).toISOString(),
  closesAt: new Date(c.closesAt).toISOString(),
  placesTotal: c.placesTotal,
  formKinds: c.formKinds,
  questions: c.questions,
  clauses: c.clauses,
  status: c.status,
  regulationsDocumentId: c.regulationsDocumentId ?? null,
});
const cohortAuditable = (c: CohortRow | z.output<typeof CohortInput>) => ({
  name: c.name,
  year: c.year,
  places: c.places,
  reservePlaces: c.reservePlaces,
  eligibilityRules: c.eligibilityRules,
  scoringCriteria: c.scoringCriteria,
  tieBreak: c.tieBreak,
  sortOrder: c.sortOrder,
});

async function applicationCount(db: DbOrTx, where: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications where ${where}`,
  );
  return row?.n ?? 0;
}

/**
 * Calls (nabory) of a project with their cohorts: every reader of the project sees them with the
 * number of applications by status; coordinators create and change them. A call opens only with a
 * cohort; its code (in the address of the public form and in every confirmation number) is fixed
 * once applications came in. Regulations are a PDF stored in `documents`.
 */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function oneCall(
    request: Parameters<typeof recruitmentReader>[0],
    projectId: string,
    callId: string,
  ) {
    const { access, abilities } = await recruitmentReader(request, projectId);
    const [call] = await loadCalls(db, access.id, abilities, callId);
    if (!call) throw notFound();
    return call;
  }

  /** The rules between a call and its cohorts: places, a cohort to open with, a code fixed by numbers. */
  async function callIssues(tx: DbOrTx, input: z.output<typeof CallInput>, before: CallRow | null) {
    const issues: Issue[] = [];
    const f = (name: string) => (before ? `call.${name}` : name);
    const [taken] = await queryRows<{ id: string }>(
      tx,
      sql`select id from recruitment_calls where code = ${input.code} and id is distinct from ${before?.id ?? null}::uuid`,
    );
    if (taken) issues.push({ field: f('code'), code: 'recruitment.call.codeTaken' });
    if (before) {
      if (before.code !== input.code && (await applicationCount(tx, sql`call_id = ${before.id}`)))
        issues.push({ field: f('code'), code: 'recruitment.call.codeLocked' });
      const cohorts = await loadCohortRows(tx, [before.id]);
      const sum = cohorts.reduce((s, c) => s + c.places, 0);
      if (sum > input.placesTotal)
        issues.push({
          field: f('placesTotal'),
          code: 'recruitment.cohort.placesOverCall',
          params: { cohorts: sum, call: input.placesTotal },
        });
      if (input.status !== 'projekt' && cohorts.length === 0)
        issues.push({ field: f('status'), code: 'recruitment.call.noCohorts' });
    } else if (input.status !== 'projekt')
      issues.push({ field: 'status', code: 'recruitment.call.noCohorts' });
    if (issues.length) throw validationFailed(issues);
  }

  app.get(
    '/',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'The calls of a project with their cohorts and the number of applications by status',
        params: ProjectParams,
        response: { 200: CallList },
      },
    },
    async (request) => {
      const { access, abilities } = await recruitmentReader(request, request.params.projectId);
      return { items: await loadCalls(db, access.id, abilities), abilities };
    },
  );

  app.get(
    '/:callId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'One call with its cohorts, rules, scoring criteria, questions and clauses',
        params: CallParams,
        response: { 200: Call },
      },
    },
    (request) => oneCall(request, request.params.projectId, request.params.callId),
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Create a call (as a draft until it has a cohort)',
        params: ProjectParams,
        body: CallInput,
        response: { 201: Call },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const access = await requireProjectManager(request, request.params.projectId);
      const input = request.body;
      const id = await db
        .transaction(async (tx) => {
          await callIssues(tx, input, null);
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into recruitment_calls (project_id, code, name, description, opens_at, closes_at, places_total,
                  form_kinds, questions, clauses, status, created_by)
                values (${access.id}, ${input.code}, ${input.name}, ${input.description}, ${input.opensAt},
                  ${input.closesAt}, ${input.placesTotal}, ${JSON.stringify(input.formKinds)}::jsonb,
                  ${JSON.stringify(input.questions)}::jsonb, ${JSON.stringify(input.clauses)}::jsonb,
                  ${input.status}, ${actor.userId})
                returning id`,
          );
          if (!row) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'recruitment_call',
            recordId: row.id,
            before: null,
            after: callAuditable(input),
            details: { projectId: access.id },
          });
          return row.id;
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'recruitment_calls_code_uq'))
            throw fieldError('code', 'recruitment.call.codeTaken');
          throw e;
        });
      return reply.status(201).send(await oneCall(request, access.id, id));
    },
  );

  app.put(
    '/:callId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Change a call (open, close, mark decided) with the loaded version',
        params: CallParams,
        body: CallUpdate,
        response: { 200: Call },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const { call: input, version } = request.body;
      await db
        .transaction(async (tx) => {
          const before = await findCall(tx, access.id, request.params.callId, { lock: true });
          if (!before) throw notFound();
          if (before.version !== version) throw conflict();
          await callIssues(tx, input, before);
          const updated = await queryRows<{ id: string }>(
            tx,
            sql`update recruitment_calls set code = ${input.code}, name = ${input.name}, description = ${input.description},
                  opens_at = ${input.opensAt}, closes_at = ${input.closesAt}, places_total = ${input.placesTotal},
                  form_kinds = ${JSON.stringify(input.formKinds)}::jsonb, questions = ${JSON.stringify(input.questions)}::jsonb,
                  clauses = ${JSON.stringify(input.clauses)}::jsonb, status = ${input.status}, version = version + 1,
                  updated_at = now()
                where id = ${before.id} and version = ${version} returning id`,
          );
          if (!updated.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'recruitment_call',
            recordId: before.id,
            before: callAuditable(before),
            after: callAuditable({ ...input, regulationsDocumentId: before.regulationsDocumentId }),
            details: { projectId: access.id },
          });
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'recruitment_calls_code_uq'))
            throw fieldError('call.code', 'recruitment.call.codeTaken');
          throw e;
        });
      return oneCall(request, access.id, request.params.callId);
    },
  );

  app.delete(
    '/:callId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Delete a call without applications (with its cohorts and regulations)',
        params: CallParams,
        querystring: RecruitmentVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      await db.transaction(async (tx) => {
        const before = await findCall(tx, access.id, request.params.callId, { lock: true });
        if (!before) throw notFound();
        if (before.version !== request.query.version) throw conflict();
        if (await applicationCount(tx, sql`call_id = ${before.id}`))
          throw new AppError('conflict', 'recruitment.call.hasApplications');
        await tx.execute(sql`delete from recruitment_cohorts where call_id = ${before.id}`);
        await tx.execute(sql`delete from recruitment_calls where id = ${before.id}`);
        if (before.regulationsDocumentId)
          await tx.execute(sql`delete from documents where id = ${before.regulationsDocumentId}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'recruitment_call',
          recordId: before.id,
          before: callAuditable(before),
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/:callId/regulations',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Download the regulations of a call (logged)',
        params: CallParams,
      },
    },
    async (request, reply) => {
      const { access } = await recruitmentReader(request, request.params.projectId);
      const call = await findCall(db, access.id, request.params.callId);
      if (!call?.regulationsDocumentId) throw notFound();
      const [row] = await queryRows<{ data: Uint8Array; filename: string; mimeType: string }>(
        db,
        sql`select data, filename, mime_type as "mimeType" from documents where id = ${call.regulationsDocumentId}`,
      );
      if (!row) throw notFound();
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'recruitment_call',
        recordId: call.id,
        details: { projectId: access.id, documentId: call.regulationsDocumentId, kind: 'regulations' },
      });
      return reply
        .header('content-type', row.mimeType)
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  // The regulations arrive as the raw PDF (its bytes decide its type), in a scope of their own so
  // that no other route accepts 10 MB bodies.
  await registerUploadRoutes(
    app,
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      tooLarge: () =>
        new AppError('payload_too_large', 'attachment.tooLarge', {
          maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
        }),
    },
    async (upload) => {
      upload.put(
        '/:callId/regulations',
        {
          bodyLimit: UPLOAD_BODY_LIMIT,
          config: { access: { permission: 'projects.manage' } },
          schema: {
            tags: ['recruitment'],
            summary:
              'Set the regulations of a call (raw PDF body, at most 10 MB; replaces the previous file)',
            params: CallParams,
            querystring: z.object({ filename: z.string().trim().min(1).max(200).default('regulamin.pdf') }),
            response: { 200: Call },
          },
        },
        async (request) => {
          const actor = actorOf(request);
          const access = await requireProjectManager(request, request.params.projectId);
          const body = request.body;
          if (!Buffer.isBuffer(body) || body.length === 0 || sniffAttachmentType(body) !== 'application/pdf')
            throw fieldError('file', 'recruitment.regulations.type');
          if (body.length > ATTACHMENT_MAX_BYTES)
            throw new AppError('payload_too_large', 'attachment.tooLarge', { maxMb: 10 });
          const filename = sanitizeFilename(request.query.filename, 'application/pdf');
          const sha256 = createHash('sha256').update(body).digest('hex');
          await db.transaction(async (tx) => {
            const before = await findCall(tx, access.id, request.params.callId, { lock: true });
            if (!before) throw notFound();
            const [file] = await queryRows<{ id: string }>(
              tx,
              sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
                values (${access.leaderInstitutionId}, ${filename}, 'application/pdf', ${body.length}, ${sha256},
                  ${body}, ${actor.userId})
                returning id`,
            );
            if (!file) throw new Error('insert returned nothing');
            await tx.execute(
              sql`update recruitment_calls set regulations_document_id = ${file.id}, version = version + 1, updated_at = now()
                where id = ${before.id}`,
            );
            if (before.regulationsDocumentId)
              await tx.execute(sql`delete from documents where id = ${before.regulationsDocumentId}`);
            await writeAudit(tx, actorFromRequest(request), {
              action: 'record.update',
              recordType: 'recruitment_call',
              recordId: before.id,
              before: { regulationsDocumentId: before.regulationsDocumentId },
              after: { regulationsDocumentId: file.id, filename, size: body.length, sha256 },
              details: { projectId: access.id },
            });
          });
          return oneCall(request, access.id, request.params.callId);
        },
      );
    },
  );

  // ————— Cohorts —————

  async function cohortIssues(
    tx: DbOrTx,
    call: CallRow,
    input: z.output<typeof CohortInput>,
    cohortId: string | null,
  ) {
    const field = cohortId ? 'cohort.places' : 'places';
    const others = (await loadCohortRows(tx, [call.id])).filter((c) => c.id !== cohortId);
    const sum = others.reduce((s, c) => s + c.places, 0) + input.places;
    if (sum > call.placesTotal)
      throw validationFailed([
        {
          field,
          code: 'recruitment.cohort.placesOverCall',
          params: { cohorts: sum, call: call.placesTotal },
        },
      ]);
  }

  async function oneCohort(tx: DbOrTx, callId: string, cohortId: string): Promise<CohortRow> {
    const cohort = (await loadCohortRows(tx, [callId])).find((c) => c.id === cohortId);
    if (!cohort) throw notFound();
    return cohort;
  }

  async function cohortOut(projectId: string, callId: string, cohortId: string) {
    const [call] = await loadCalls(db, projectId, { manage: true, team: false }, callId);
    const cohort = call?.cohorts.find((c) => c.id === cohortId);
    if (!cohort) throw notFound();
    return cohort;
  }

  /** After a change of its rules the applications of the cohort are checked again (same transaction). */
  async function recheckCohort(tx: DbOrTx, projectId: string, cohort: CohortRow): Promise<number> {
    const apps = await loadApplicationRows(tx, sql`a.cohort_id = ${cohort.id} and a.status <> 'przyjete'`);
    for (const a of apps) {
      const check = await evaluate(tx, projectId, a, cohort);
      await tx.execute(
        sql`update applications set eligibility = ${JSON.stringify(check)}::jsonb, score = ${check?.scoring.total ?? null},
              version = version + 1, updated_at = now()
            where id = ${a.id}`,
      );
    }
    return apps.length;
  }

  app.post(
    '/:callId/cohorts',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Add a cohort with its places, eligibility rules, scoring criteria and tie-break rule',
        params: CallParams,
        body: CohortInput,
        response: { 201: Cohort },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const input = request.body;
      const id = await db.transaction(async (tx) => {
        const call = await findCall(tx, access.id, request.params.callId, { lock: true });
        if (!call) throw notFound();
        await cohortIssues(tx, call, input, null);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into recruitment_cohorts (call_id, name, year, places, reserve_places, eligibility_rules,
                scoring_criteria, tie_break, sort_order)
              values (${call.id}, ${input.name}, ${input.year}, ${input.places}, ${input.reservePlaces},
                ${JSON.stringify(input.eligibilityRules)}::jsonb, ${JSON.stringify(input.scoringCriteria)}::jsonb,
                ${input.tieBreak}, ${input.sortOrder})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'recruitment_cohort',
          recordId: row.id,
          before: null,
          after: cohortAuditable(input),
          details: { projectId: access.id, callId: call.id },
        });
        return row.id;
      });
      return reply.status(201).send(await cohortOut(access.id, request.params.callId, id));
    },
  );

  app.put(
    '/:callId/cohorts/:cohortId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Change a cohort with the loaded version; its applications are checked again',
        params: CohortParams,
        body: CohortUpdate,
        response: { 200: Cohort },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const { cohort: input, version } = request.body;
      await db.transaction(async (tx) => {
        const call = await findCall(tx, access.id, request.params.callId, { lock: true });
        if (!call) throw notFound();
        const before = await oneCohort(tx, call.id, request.params.cohortId);
        if (before.version !== version) throw conflict();
        await cohortIssues(tx, call, input, before.id);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update recruitment_cohorts set name = ${input.name}, year = ${input.year}, places = ${input.places},
                reserve_places = ${input.reservePlaces}, eligibility_rules = ${JSON.stringify(input.eligibilityRules)}::jsonb,
                scoring_criteria = ${JSON.stringify(input.scoringCriteria)}::jsonb, tie_break = ${input.tieBreak},
                sort_order = ${input.sortOrder}, version = version + 1
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        const after = await oneCohort(tx, call.id, before.id);
        const rulesChanged =
          JSON.stringify([before.eligibilityRules, before.scoringCriteria]) !==
          JSON.stringify([after.eligibilityRules, after.scoringCriteria]);
        const rechecked = rulesChanged ? await recheckCohort(tx, access.id, after) : 0;
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'recruitment_cohort',
          recordId: before.id,
          before: cohortAuditable(before),
          after: cohortAuditable(after),
          details: { projectId: access.id, callId: call.id, rechecked },
        });
      });
      return cohortOut(access.id, request.params.callId, request.params.cohortId);
    },
  );

  app.delete(
    '/:callId/cohorts/:cohortId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Delete a cohort without applications',
        params: CohortParams,
        querystring: RecruitmentVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      await db.transaction(async (tx) => {
        const call = await findCall(tx, access.id, request.params.callId, { lock: true });
        if (!call) throw notFound();
        const before = await oneCohort(tx, call.id, request.params.cohortId);
        if (before.version !== request.query.version) throw conflict();
        if (await applicationCount(tx, sql`cohort_id = ${before.id}`))
          throw new AppError('conflict', 'recruitment.cohort.hasApplications');
        await tx.execute(sql`delete from recruitment_cohorts where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'recruitment_cohort',
          recordId: before.id,
          before: cohortAuditable(before),
          after: null,
          details: { projectId: access.id, callId: call.id },
        });
      });
      return reply.status(204).send();
    },
  );
};
