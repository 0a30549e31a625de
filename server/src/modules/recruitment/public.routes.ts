import { ApplicationReceipt, PublicApplicationInput, PublicCall, ReceiptQuery } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import {
  callIssues,
  insertApplication,
  newReceiptToken,
  notifyApplicant,
  RECEIPT_HOURS,
  sha256,
} from './applications.js';
import { applicationPdf } from './applications.routes.js';
import { type CallRow, findApplication, loadCallRows, loadCohortRows, validationFailed } from './queries.js';

const CodeParams = z.object({ code: z.string().trim().toUpperCase().max(40) });
const ReceiptParams = CodeParams.extend({ applicationId: z.uuid() });

/** Sends from one client address that are stored within a window before it must wait. */
export const THROTTLE_MAX = 10;
export const THROTTLE_WINDOW_S = 600;

const formAccess = { public: true, reason: 'the public application form of a call (no login)' } as const;

/**
 * The public application form (no login): what an open call's form needs, its regulations, the send
 * — a honeypot field against bots, a per-address limit kept in the database (shared by every
 * instance) that counts only stored applications, so a person correcting their form is never
 * stopped, and the form's `clientToken` so a repeated send returns the first confirmation instead of
 * a duplicate — and the PDF copy with the secret given at sending.
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** A call by its code that is not a draft; 404 otherwise (drafts stay invisible). */
  async function visibleCall(
    code: string,
  ): Promise<CallRow & { institution: string; projectTitle: string; projectNumber: string }> {
    const [call] = await loadCallRows(db, sql`c.code = ${code} and c.status <> 'projekt'`);
    if (!call) throw notFound();
    const [p] = await queryRows<{ title: string; number: string; institution: string }>(
      db,
      sql`select p.title, p.number, i.name as institution from projects p join institutions i on i.id = p.leader_institution_id
          where p.id = ${call.projectId}`,
    );
    return {
      ...call,
      institution: p?.institution ?? '',
      projectTitle: p?.title ?? '',
      projectNumber: p?.number ?? '',
    };
  }

  const notOpen = (call: CallRow) =>
    new AppError('not_found', 'recruitment.public.notOpen', {
      opensAt: call.opensAt,
      closesAt: call.closesAt,
    });

  app.get(
    '/:code',
    {
      config: { access: formAccess },
      schema: {
        tags: ['recruitment'],
        summary: 'What the public form of an open call needs: cohorts, questions, clauses with legal bases',
        params: CodeParams,
        response: { 200: PublicCall },
      },
    },
    async (request, reply) => {
      const call = await visibleCall(request.params.code);
      if (!call.acceptsApplications) throw notOpen(call);
      const cohorts = await loadCohortRows(db, [call.id]);
      const uses = (kind: string) =>
        cohorts.some(
          (c) =>
            c.eligibilityRules.some((r) => r.kind === kind) || c.scoringCriteria.some((s) => s.kind === kind),
        );
      reply.header('cache-control', 'no-store');
      return {
        code: call.code,
        name: call.name,
        description: call.description,
        projectTitle: call.projectTitle,
        projectNumber: call.projectNumber,
        institution: call.institution,
        opensAt: call.opensAt,
        closesAt: call.closesAt,
        placesTotal: call.placesTotal,
        formKinds: call.formKinds,
        cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, year: c.year, places: c.places })),
        questions: call.questions,
        clauses: call.clauses,
        asks: {
          labourStatus: uses('status_na_rynku_pracy'),
          disability: uses('niepelnosprawnosc'),
          povertyGrounds: uses('zagrozenie_wykluczeniem'),
          institution: uses('instytucja'),
          residence: uses('zamieszkanie'),
        },
        hasRegulations: !!call.regulationsDocumentId,
      };
    },
  );

  app.get(
    '/:code/regulations',
    {
      config: { access: { public: true, reason: 'the regulations of a public call, for applicants' } },
      schema: { tags: ['recruitment'], summary: 'The regulations of a call (PDF)', params: CodeParams },
    },
    async (request, reply) => {
      const call = await visibleCall(request.params.code);
      if (!call.regulationsDocumentId) throw notFound();
      const [row] = await queryRows<{ data: Uint8Array; filename: string }>(
        db,
        sql`select data, filename from documents where id = ${call.regulationsDocumentId}`,
      );
      if (!row) throw notFound();
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(row.filename).replace(/^attachment/, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .send(data);
    },
  );

  /** The earlier application of the same form (its clientToken), with a new secret for its PDF copy. */
  async function repeated(tx: DbOrTx, callId: string, clientToken: string) {
    const token = newReceiptToken();
    const [row] = await queryRows<{ id: string; number: string; submittedAt: string }>(
      tx,
      sql`update applications set receipt_token_hash = ${sha256(token)}
          where call_id = ${callId} and client_token = ${clientToken}
          returning id, number, submitted_at as "submittedAt"`,
    );
    return row
      ? {
          applicationId: row.id,
          number: row.number,
          submittedAt: new Date(row.submittedAt).toISOString(),
          receiptToken: token,
          repeated: true,
        }
      : null;
  }

  /** Stored sends from this address in the current window; 429 with the wait when over the limit. */
  async function checkThrottle(key: string, reply: FastifyReply) {
    const [row] = await queryRows<{ count: number; retry: number }>(
      db,
      sql`select count, ceil(extract(epoch from (window_start + make_interval(secs => ${THROTTLE_WINDOW_S}) - now())))::int as retry
          from application_throttle where key = ${key}`,
    );
    if (row && row.retry > 0 && row.count >= THROTTLE_MAX) {
      reply.header('retry-after', String(row.retry));
      throw new AppError('rate_limited', 'recruitment.public.rateLimited', { seconds: row.retry });
    }
  }

  async function countSend(tx: DbOrTx, key: string) {
    await tx.execute(
      sql`insert into application_throttle as t (key, window_start, count) values (${key}, now(), 1)
          on conflict (key) do update set
            count = case when t.window_start <= now() - make_interval(secs => ${THROTTLE_WINDOW_S}) then 1 else t.count + 1 end,
            window_start = case when t.window_start <= now() - make_interval(secs => ${THROTTLE_WINDOW_S}) then now()
                                else t.window_start end`,
    );
  }

  app.post(
    '/:code/applications',
    {
      config: { access: formAccess },
      schema: {
        tags: ['recruitment'],
        summary:
          'Send an application (honeypot `website`, a per-address limit, `clientToken` makes a repeated send return the same number)',
        params: CodeParams,
        body: PublicApplicationInput,
        response: { 200: ApplicationReceipt, 201: ApplicationReceipt },
      },
    },
    async (request, reply) => {
      const { clientToken, website, application: data } = request.body;
      const [known] = await loadCallRows(db, sql`c.code = ${request.params.code} and c.status <> 'projekt'`);
      if (!known) throw notFound();
      // The same form sent again (a lost answer, a double tap): the first confirmation, nothing new.
      const again = await db.transaction((tx) => repeated(tx, known.id, clientToken));
      if (again) return reply.status(200).send(again);
      if (website?.trim()) throw new AppError('bad_request', 'recruitment.public.honeypot');
      if (!known.acceptsApplications) throw notOpen(known);
      const key = `ip:${request.ip}`;
      await checkThrottle(key, reply);
      const cohorts = await loadCohortRows(db, [known.id]);
      const issues = await callIssues(db, known, cohorts, data);
      if (issues.length) throw validationFailed(issues);
      const token = newReceiptToken();
      const result = await db.transaction(async (tx) => {
        await tx.execute(sql`select id from recruitment_calls where id = ${known.id} for update`);
        const [call] = await loadCallRows(tx, sql`c.id = ${known.id}`);
        if (!call?.acceptsApplications) throw notOpen(known);
        const cohort =
          cohorts.find((c) => c.id === data.cohortId) ?? (cohorts.length === 1 ? cohorts[0] : null) ?? null;
        const submittedAt = new Date().toISOString();
        const created = await insertApplication(tx, {
          call,
          cohort,
          data,
          channel: 'online',
          submittedAt,
          clientToken,
          receiptTokenHash: sha256(token),
          enteredBy: null,
        });
        // Another send of the same form won the race: answer with its number.
        if (!created) return repeated(tx, call.id, clientToken);
        await countSend(tx, key);
        const row = await findApplication(tx, call.projectId, created.id);
        if (!row) throw new Error('application vanished');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'application',
          recordId: row.id,
          details: { projectId: call.projectId, callId: call.id, channel: 'online', number: row.number },
        });
        await notifyApplicant(tx, row, 'zlozone');
        return {
          applicationId: row.id,
          number: row.number,
          submittedAt: row.submittedAt,
          receiptToken: token,
          repeated: false,
        };
      });
      if (!result) throw new Error('no application after a conflicting send');
      return reply.status(result.repeated ? 200 : 201).send(result);
    },
  );

  app.get(
    '/:code/applications/:applicationId/pdf',
    {
      config: {
        access: {
          public: true,
          reason: 'the applicant’s copy of their application, with the secret given at sending',
        },
      },
      schema: {
        tags: ['recruitment'],
        summary: `The PDF copy of an application, for ${RECEIPT_HOURS} hours after sending, with its secret`,
        params: ReceiptParams,
        querystring: ReceiptQuery,
      },
    },
    async (request, reply) => {
      const [match] = await queryRows<{ projectId: string }>(
        db,
        sql`select c.project_id as "projectId" from applications a join recruitment_calls c on c.id = a.call_id
            where a.id = ${request.params.applicationId} and c.code = ${request.params.code}
              and a.receipt_token_hash = ${sha256(request.query.token)}
              and a.submitted_at > now() - make_interval(hours => ${RECEIPT_HOURS})`,
      );
      if (!match) throw new AppError('not_found', 'recruitment.public.receiptExpired');
      const row = await findApplication(db, match.projectId, request.params.applicationId);
      if (!row) throw notFound();
      const pdf = await applicationPdf(db, row);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'application',
        recordId: row.id,
        details: { projectId: row.projectId, format: 'pdf', by: 'applicant' },
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
