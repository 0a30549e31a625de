import {
  Application,
  ApplicationList,
  ApplicationListQuery,
  ApplicationUpdate,
  DecisionInput,
  MissingDocumentsUpdate,
  PaperApplicationInput,
  RecruitmentVersionBody,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import { actorOf, conflict, matchesWords } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import { recruitmentReader } from './access.js';
import { callIssues, evaluate, insertApplication, keptAnswers, notifyApplicant } from './applications.js';
import { renderApplicationPdf } from './documents.js';
import {
  type ApplicationRow,
  auditableApplication,
  duplicatesOf,
  findApplication,
  findCall,
  loadApplicationRows,
  loadCohortRows,
  SENSITIVE_FIELDS,
  summaryOf,
  validationFailed,
} from './queries.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const CallParams = ProjectParams.extend({ callId: z.uuid() });
const ApplicationParams = ProjectParams.extend({ applicationId: z.uuid() });

/** The project, its leader institution's name and the call of an application (for its PDF). */
export async function applicationPdf(db: DbOrTx, a: ApplicationRow): Promise<Buffer> {
  const [p] = await queryRows<{ title: string; number: string; institution: string }>(
    db,
    sql`select p.title, p.number, i.name as institution from projects p join institutions i on i.id = p.leader_institution_id
        where p.id = ${a.projectId}`,
  );
  const call = await findCall(db, a.projectId, a.callId);
  return renderApplicationPdf({
    application: a,
    call: {
      code: a.callCode,
      name: a.callName,
      questions: call?.questions ?? [],
      clauses: call?.clauses ?? [],
    },
    project: { title: p?.title ?? '', number: p?.number ?? '', institution: p?.institution ?? '' },
  });
}

/**
 * Applications (zgłoszenia): personal data, some of it special-category (disability). Only the
 * project team reads them — every read is logged — and only its coordinators enter paper
 * applications, correct them, check them again, note missing documents and decide; anybody else
 * gets 404 as for a record that does not exist. Every change bumps `version` (409 when stale).
 */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function teamApplication(
    request: FastifyRequest,
    projectId: string,
    applicationId: string,
    manage = false,
  ) {
    const access = await requireProjectTeam(request, projectId, { manage });
    const row = await findApplication(db, access.id, applicationId);
    if (!row) throw notFound();
    return { access, row };
  }

  async function detail(row: ApplicationRow, manage: boolean): Promise<Application> {
    const [call, duplicates] = await Promise.all([
      findCall(db, row.projectId, row.callId),
      duplicatesOf(db, row),
    ]);
    return {
      ...row,
      duplicates,
      questions: call?.questions ?? [],
      clauses: call?.clauses ?? [],
      abilities: {
        manage,
        enrol: manage && (row.status === 'zakwalifikowane' || row.status === 'rezerwa'),
      },
    };
  }

  /** Changes one application in a transaction: load, check version, change, audit; returns the row after. */
  async function change(
    request: FastifyRequest,
    projectId: string,
    applicationId: string,
    version: number,
    run: (tx: DbOrTx, before: ApplicationRow) => Promise<SQL | null>,
    after?: (tx: DbOrTx, before: ApplicationRow, after: ApplicationRow) => Promise<void>,
  ): Promise<ApplicationRow> {
    return db.transaction(async (tx) => {
      const [locked] = await queryRows<{ callId: string }>(
        tx,
        sql`select call_id as "callId" from applications where id = ${applicationId}`,
      );
      if (locked)
        await tx.execute(sql`select id from recruitment_calls where id = ${locked.callId} for update`);
      const before = await findApplication(tx, projectId, applicationId);
      if (!before) throw notFound();
      if (before.version !== version) throw conflict();
      const set = await run(tx, before);
      if (set) {
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update applications set ${set}, version = version + 1, updated_at = now()
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
      }
      const afterRow = (await findApplication(tx, projectId, applicationId)) as ApplicationRow;
      await writeAudit(tx, actorFromRequest(request), {
        action: 'record.update',
        recordType: 'application',
        recordId: before.id,
        before: auditableApplication(before),
        after: auditableApplication(afterRow),
        sensitiveFields: SENSITIVE_FIELDS,
        details: { projectId, callId: before.callId },
      });
      await after?.(tx, before, afterRow);
      return afterRow;
    });
  }

  app.get(
    '/calls/:callId/applications',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary:
          'The applications of a call (project team only; logged): filters by status, cohort, check, channel, text',
        params: CallParams,
        querystring: ApplicationListQuery,
        response: { 200: ApplicationList },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const { abilities } = await recruitmentReader(request, access.id);
      const call = await findCall(db, access.id, request.params.callId);
      if (!call) throw notFound();
      const q = request.query;
      const where: SQL[] = [sql`a.call_id = ${call.id}`];
      if (q.status) where.push(sql`a.status = ${q.status}`);
      if (q.cohort) where.push(sql`a.cohort_id = ${q.cohort}`);
      if (q.channel) where.push(sql`a.channel = ${q.channel}`);
      if (q.eligible === 'tak') where.push(sql`(a.eligibility->>'eligible')::boolean is true`);
      if (q.eligible === 'nie') where.push(sql`(a.eligibility->>'eligible')::boolean is not true`);
      if (q.q)
        where.push(
          sql`(${matchesWords(sql`search_text(a.first_name || ' ' || a.last_name)`, q.q)}
               or a.number ilike '%' || ${q.q} || '%' or a.pesel = ${q.q})`,
        );
      const cond = sql.join(where, sql` and `);
      const [rows, [total], counts] = await Promise.all([
        loadApplicationRows(
          db,
          sql`${cond} order by a.submitted_at, a.number limit ${q.limit} offset ${q.offset}`,
        ),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from applications a where ${cond}`),
        queryRows<{ status: string; n: number }>(
          db,
          sql`select status, count(*)::int as n from applications where call_id = ${call.id} group by status`,
        ),
      ]);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'application_list',
        recordId: call.id,
        details: {
          projectId: access.id,
          results: rows.length,
          filters: {
            status: q.status,
            cohort: q.cohort,
            eligible: q.eligible,
            channel: q.channel,
            text: !!q.q,
          },
        },
      });
      return {
        items: rows.map(summaryOf),
        total: total?.n ?? 0,
        counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
        abilities,
      };
    },
  );

  app.post(
    '/calls/:callId/applications',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Enter a paper application (coordinators), checked at once against its cohort',
        params: CallParams,
        body: PaperApplicationInput,
        response: { 201: Application },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const { application: data, submittedAt } = request.body;
      const at = submittedAt ?? new Date().toISOString();
      const id = await db.transaction(async (tx) => {
        const call = await findCall(tx, access.id, request.params.callId, { lock: true });
        if (!call) throw notFound();
        const cohorts = await loadCohortRows(tx, [call.id]);
        const issues = await callIssues(tx, call, cohorts, data);
        if (issues.length) throw validationFailed(issues);
        const cohort =
          cohorts.find((c) => c.id === data.cohortId) ?? (cohorts.length === 1 ? cohorts[0] : null) ?? null;
        const created = await insertApplication(tx, {
          call,
          cohort,
          data,
          channel: 'papier',
          submittedAt: at,
          clientToken: null,
          receiptTokenHash: null,
          enteredBy: actor.userId,
        });
        if (!created) throw new Error('insert returned nothing');
        const row = (await findApplication(tx, access.id, created.id)) as ApplicationRow;
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'application',
          recordId: row.id,
          before: null,
          after: auditableApplication(row),
          sensitiveFields: SENSITIVE_FIELDS,
          details: { projectId: access.id, callId: call.id, channel: 'papier' },
        });
        await notifyApplicant(tx, row, 'zlozone');
        return row.id;
      });
      const row = (await findApplication(db, access.id, id)) as ApplicationRow;
      return reply.status(201).send(await detail(row, true));
    },
  );

  app.get(
    '/applications/:applicationId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'One application with its check rule by rule (project team only; logged)',
        params: ApplicationParams,
        response: { 200: Application },
      },
    },
    async (request) => {
      const { access, row } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'application',
        recordId: row.id,
        details: { projectId: access.id, callId: row.callId },
      });
      return detail(row, access.manage);
    },
  );

  app.put(
    '/applications/:applicationId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Correct the data of an application (e.g. a mistyped paper form); checked again',
        params: ApplicationParams,
        body: ApplicationUpdate,
        response: { 200: Application },
      },
    },
    async (request) => {
      const { access } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
        true,
      );
      const { application: a, version } = request.body;
      const row = await change(
        request,
        access.id,
        request.params.applicationId,
        version,
        async (tx, before) => {
          if (before.status === 'przyjete') throw new AppError('conflict', 'recruitment.decision.enrolled');
          const call = await findCall(tx, access.id, before.callId);
          if (!call) throw notFound();
          const cohorts = await loadCohortRows(tx, [call.id]);
          const issues = (await callIssues(tx, call, cohorts, a)).filter(
            // Consents are the applicant's own: staff correcting data do not give them again.
            (i) => !i.field.startsWith('application.consents.'),
          );
          if (issues.length) throw validationFailed(issues);
          const cohort =
            cohorts.find((c) => c.id === a.cohortId) ?? (cohorts.length === 1 ? cohorts[0] : null) ?? null;
          const { answers } = keptAnswers(call, a, before.submittedAt);
          const check = await evaluate(
            tx,
            access.id,
            { ...a, answers, id: before.id, submittedAt: before.submittedAt },
            cohort,
          );
          return sql`cohort_id = ${cohort?.id ?? null}, form_kind = ${a.formKind}, first_name = ${a.firstName},
          last_name = ${a.lastName}, pesel = ${a.pesel}, no_pesel = ${a.noPesel}, other_id = ${a.otherId},
          birth_date = ${a.birthDate}, sex = ${a.sex}, citizenship = ${a.citizenship}, teryt = ${a.teryt},
          street = ${a.street}, postal_code = ${a.postalCode}, city = ${a.city}, phone = ${a.phone}, email = ${a.email},
          education = ${a.education}, labour_status = ${a.labourStatus}, disability = ${a.disability},
          poverty_grounds = ${JSON.stringify(a.povertyGrounds)}::jsonb, in_institution = ${a.inInstitution},
          institution_left_on = ${a.institutionLeftOn}, answers = ${JSON.stringify(answers)}::jsonb,
          eligibility = ${check ? JSON.stringify(check) : null}::jsonb, score = ${check?.scoring.total ?? null}`;
        },
      );
      return detail(row, true);
    },
  );

  app.post(
    '/applications/:applicationId/eligibility',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary: 'Check the application against its cohort again (rules and points, on the day it was sent)',
        params: ApplicationParams,
        body: RecruitmentVersionBody,
        response: { 200: Application },
      },
    },
    async (request) => {
      const { access } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
        true,
      );
      const row = await change(
        request,
        access.id,
        request.params.applicationId,
        request.body.version,
        async (tx, before) => {
          const cohort =
            (await loadCohortRows(tx, [before.callId])).find((c) => c.id === before.cohortId) ?? null;
          const check = await evaluate(tx, access.id, before, cohort);
          return sql`eligibility = ${check ? JSON.stringify(check) : null}::jsonb, score = ${check?.scoring.total ?? null}`;
        },
      );
      return detail(row, true);
    },
  );

  app.put(
    '/applications/:applicationId/documents',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary:
          'Note the documents missing from an application (and which came in); starts its verification',
        params: ApplicationParams,
        body: MissingDocumentsUpdate,
        response: { 200: Application },
      },
    },
    async (request) => {
      const { access } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
        true,
      );
      const { missingDocuments, version } = request.body;
      const row = await change(
        request,
        access.id,
        request.params.applicationId,
        version,
        async (_tx, before) =>
          sql`missing_documents = ${JSON.stringify(missingDocuments)}::jsonb,
              status = ${before.status === 'zlozone' ? 'w_weryfikacji' : before.status}`,
      );
      return detail(row, true);
    },
  );

  app.post(
    '/applications/:applicationId/decision',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary:
          'Decide on an application with a reason; the applicant is told by e-mail (qualified, reserve, rejected)',
        params: ApplicationParams,
        body: DecisionInput,
        response: { 200: Application },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { access } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
        true,
      );
      const { status, reason, version } = request.body;
      const row = await change(
        request,
        access.id,
        request.params.applicationId,
        version,
        async (_tx, before) => {
          if (before.status === 'przyjete') throw new AppError('conflict', 'recruitment.decision.enrolled');
          return sql`status = ${status}, decision_reason = ${reason}, decided_by = ${actor.userId}, decided_at = now()`;
        },
        async (tx, before, after) => {
          if (
            before.status !== after.status &&
            (status === 'zakwalifikowane' || status === 'rezerwa' || status === 'odrzucone')
          )
            await notifyApplicant(tx, after, status, reason);
        },
      );
      return detail(row, true);
    },
  );

  app.get(
    '/applications/:applicationId/pdf',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'The application as a PDF (project team only; logged)',
        params: ApplicationParams,
      },
    },
    async (request, reply) => {
      const { access, row } = await teamApplication(
        request,
        request.params.projectId,
        request.params.applicationId,
      );
      const pdf = await applicationPdf(db, row);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'application',
        recordId: row.id,
        details: { projectId: access.id, format: 'pdf' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`zgloszenie-${row.number.replace(/\W+/g, '-')}.pdf`),
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
