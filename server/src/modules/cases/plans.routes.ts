import { ActionStatusUpdate, Plan, PlanCreate, PlanList, PlanUpdate, PlanVersions } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { plans } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import {
  addSystemEntry,
  type CaseAccess,
  caseAbilities,
  requireCase,
  requireWritable,
  touchCase,
} from './access.js';
import { loadPlanDocument, planFilename, renderPlanPdf } from './plans.pdf.js';
import {
  actionEventTitle,
  auditableOf,
  checkPlanReferences,
  completedOnFor,
  loadPlan,
  loadPlans,
  type PlanBody,
  planLabel,
  saveGoals,
  statusEventTitle,
  todayWarsaw,
  writeVersion,
} from './plans.queries.js';

const CaseParams = z.object({ caseId: z.uuid() });
const PlanParams = CaseParams.extend({ planId: z.uuid() });
const ActionParams = PlanParams.extend({ actionId: z.uuid() });
const SignedScan = z.object({ attachmentId: z.uuid(), version: z.number().int() });

const present = (actor: Actor, c: Pick<CaseAccess, 'relation' | 'status'>, p: PlanBody): Plan => ({
  ...p,
  abilities: { update: caseAbilities(actor, c).update },
});

/**
 * Individual plans of a case (kontrakt socjalny, plan pomocy, IPW, IPUS…): goals with actions,
 * versions, the printable document and its signed scan. Every route answers 404 for a case outside
 * the actor's scope; every change is versioned (stale → 409), on the timeline and in the audit log.
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** The plan of a case in scope, or 404 (also for a plan of another case). */
  async function requirePlan(tx: DbOrTx, caseId: string, planId: string): Promise<PlanBody> {
    const plan = await loadPlan(tx, caseId, planId);
    if (!plan) throw notFound();
    return plan;
  }

  /** Bumps the plan's version if it is still `version`; otherwise someone saved meanwhile. */
  async function bumpVersion(tx: DbOrTx, planId: string, version: number, set = sql``) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update plans set version = version + 1, updated_at = now() ${set}
          where id = ${planId} and version = ${version} returning id`,
    );
    if (!rows.length) throw conflict();
  }

  /** After a change: the new state as a version, and the case marked as changed. */
  async function saved(tx: DbOrTx, request: FastifyRequest, caseId: string, planId: string) {
    const after = await requirePlan(tx, caseId, planId);
    await writeVersion(tx, after, actorOf(request).userId);
    await touchCase(tx, caseId);
    return after;
  }

  app.get(
    '/:caseId/plans',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['plans'],
        summary: 'The individual plans of a case, with goals and actions',
        params: CaseParams,
        response: { 200: PlanList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      const items = await loadPlans(db, sql`p.case_id = ${c.id}`);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case',
        recordId: c.id,
        details: { part: 'plans', count: items.length },
      });
      return { items: items.map((p) => present(actor, c, p)) };
    },
  );

  app.post(
    '/:caseId/plans',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['plans'],
        summary: 'Create a plan (kontrakt socjalny, plan pomocy…) with its goals and actions',
        params: CaseParams,
        body: PlanCreate,
        response: { 201: Plan },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      requireWritable(actor, c);
      const input = request.body;
      const plan = await db.transaction(async (tx) => {
        await checkPlanReferences(tx, input);
        const [row] = await tx
          .insert(plans)
          .values({
            caseId: c.id,
            type: input.type,
            variant: input.variant ?? null,
            title: input.title,
            assessment: input.assessment,
            startDate: input.startDate,
            endDate: input.endDate,
            reviewDates: [...new Set(input.reviewDates)].sort(),
            status: input.status,
            workerSignedOn: input.workerSignedOn ?? null,
            clientSignedOn: input.clientSignedOn ?? null,
            createdBy: actor.userId,
          })
          .returning({ id: plans.id });
        if (!row) throw new Error('insert returned nothing');
        await saveGoals(tx, row.id, input);
        const created = await saved(tx, request, c.id, row.id);
        const label = planLabel(created);
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'plan',
          title: `Utworzono plan: ${label}`,
          body: created.goals.map((g, i) => `${i + 1}. ${g.description}`).join('\n'),
          authorId: actor.userId,
        });
        const activated = statusEventTitle('projekt', created.status, created);
        if (activated)
          await addSystemEntry(tx, { caseId: c.id, kind: 'plan', title: activated, authorId: actor.userId });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'plan',
          recordId: created.id,
          before: null,
          after: auditableOf(created),
          details: { caseId: c.id },
        });
        return created;
      });
      return reply.status(201).send(present(actor, c, plan));
    },
  );

  app.get(
    '/:caseId/plans/:planId',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['plans'],
        summary: 'One plan',
        params: PlanParams,
        response: { 200: Plan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      const plan = await requirePlan(db, c.id, request.params.planId);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'plan',
        recordId: plan.id,
        details: { caseId: c.id },
      });
      return present(actor, c, plan);
    },
  );

  app.put(
    '/:caseId/plans/:planId',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['plans'],
        summary: 'Change a plan: its data, goals and actions (stale version → 409)',
        params: PlanParams,
        body: PlanUpdate,
        response: { 200: Plan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      requireWritable(actor, c);
      const { plan: input, version } = request.body;
      const plan = await db.transaction(async (tx) => {
        const before = await requirePlan(tx, c.id, request.params.planId);
        if (before.version !== version) throw conflict();
        if (before.type !== input.type) throw fieldError('plan.type', 'plan.typeFixed');
        await checkPlanReferences(tx, input, before);
        await bumpVersion(
          tx,
          before.id,
          version,
          sql`, variant = ${input.variant ?? null}, title = ${input.title}, assessment = ${input.assessment},
              start_date = ${input.startDate}, end_date = ${input.endDate},
              review_dates = ${sql.param([...new Set(input.reviewDates)].sort())}::date[],
              status = ${input.status}, worker_signed_on = ${input.workerSignedOn ?? null},
              client_signed_on = ${input.clientSignedOn ?? null}`,
        );
        await saveGoals(tx, before.id, input, before);
        const after = await saved(tx, request, c.id, before.id);
        const event = statusEventTitle(before.status, after.status, after);
        if (event)
          await addSystemEntry(tx, { caseId: c.id, kind: 'plan', title: event, authorId: actor.userId });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'plan',
          recordId: after.id,
          before: auditableOf(before),
          after: auditableOf(after),
          details: { caseId: c.id, version: after.version },
        });
        return after;
      });
      return present(actor, c, plan);
    },
  );

  app.post(
    '/:caseId/plans/:planId/actions/:actionId/status',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['plans'],
        summary: 'Record the outcome of one action (done, not done, in progress) with a note',
        params: ActionParams,
        body: ActionStatusUpdate,
        response: { 200: Plan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      requireWritable(actor, c);
      const { status, note, version } = request.body;
      const plan = await db.transaction(async (tx) => {
        const before = await requirePlan(tx, c.id, request.params.planId);
        const action = before.goals.flatMap((g) => g.actions).find((a) => a.id === request.params.actionId);
        if (!action) throw notFound();
        if (before.version !== version) throw conflict();
        await bumpVersion(tx, before.id, version);
        const completedOn = completedOnFor(status, action, todayWarsaw());
        await tx.execute(
          sql`update plan_actions set status = ${status}, completed_on = ${completedOn} where id = ${action.id}`,
        );
        const after = await saved(tx, request, c.id, before.id);
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'plan',
          title: `${actionEventTitle[status]}: ${action.description}`.slice(0, 300),
          body: note,
          authorId: actor.userId,
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'plan',
          recordId: before.id,
          before: { actionId: action.id, status: action.status, completedOn: action.completedOn },
          after: { actionId: action.id, status, completedOn },
          details: { caseId: c.id, version: after.version, note: note !== null },
        });
        return after;
      });
      return present(actor, c, plan);
    },
  );

  app.get(
    '/:caseId/plans/:planId/versions',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['plans'],
        summary: 'Every saved version of a plan, newest first',
        params: PlanParams,
        response: { 200: PlanVersions },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      const plan = await requirePlan(db, c.id, request.params.planId);
      const rows = await queryRows<{
        version: number;
        snapshot: Record<string, unknown> | string;
        at: unknown;
        authorId: string;
        authorName: string;
      }>(
        db,
        sql`select v.version, v.snapshot, v.created_at as at, u.id as "authorId", u.first_name || ' ' || u.last_name as "authorName"
            from plan_versions v join users u on u.id = v.author_id
            where v.plan_id = ${plan.id} order by v.version desc`,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'plan',
        recordId: plan.id,
        details: { caseId: c.id, part: 'versions' },
      });
      return {
        items: rows.map((r) => ({
          version: r.version,
          author: { id: r.authorId, name: r.authorName },
          at: (r.at instanceof Date ? r.at : new Date(String(r.at))).toISOString(),
          snapshot: typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot,
        })),
      };
    },
  );

  app.get(
    '/:caseId/plans/:planId/pdf',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['plans'],
        summary: 'The plan as a PDF document to print and sign (a kontrakt socjalny in the statutory layout)',
        params: PlanParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      const plan = await requirePlan(db, c.id, request.params.planId);
      const document = await loadPlanDocument(db, plan);
      const pdf = await renderPlanPdf(document);
      const filename = planFilename(plan, document.caseNumber);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'plan',
        recordId: plan.id,
        details: { caseId: c.id, format: 'pdf', version: plan.version, type: plan.type },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.put(
    '/:caseId/plans/:planId/signed-scan',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['plans'],
        summary: 'Link the scan of the signed document (an attachment of the same case)',
        params: PlanParams,
        body: SignedScan,
        response: { 200: Plan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await requireCase(request, db, actor, request.params.caseId);
      requireWritable(actor, c);
      const { attachmentId, version } = request.body;
      const plan = await db.transaction(async (tx) => {
        const before = await requirePlan(tx, c.id, request.params.planId);
        if (before.version !== version) throw conflict();
        const [file] = await queryRows<{ filename: string }>(
          tx,
          sql`select filename from attachments where id = ${attachmentId} and case_id = ${c.id}`,
        );
        if (!file) throw fieldError('attachmentId', 'plan.scanNotInCase');
        await bumpVersion(tx, before.id, version, sql`, signed_scan_id = ${attachmentId}`);
        const after = await saved(tx, request, c.id, before.id);
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'plan',
          title: `Dołączono podpisany dokument: ${planLabel(after)}`,
          body: file.filename,
          authorId: actor.userId,
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'plan',
          recordId: after.id,
          before: { signedScanId: before.signedScanId },
          after: { signedScanId: after.signedScanId },
          details: { caseId: c.id, version: after.version },
        });
        return after;
      });
      return present(actor, c, plan);
    },
  );
};
