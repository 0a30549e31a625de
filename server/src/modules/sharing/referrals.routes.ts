import {
  InboxQuery,
  Referral,
  ReferralAnswer,
  ReferralAssign,
  ReferralCreate,
  ReferralList,
  type ReferralStatus,
  type ReferralSummary,
  referralKinds,
  referralRefusal,
  referralTransitions,
  shareScopes,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import {
  addSystemEntry,
  basisHolds,
  caseAccess,
  requireCase,
  requireWritable,
  supervises,
  touchCase,
  warsawTodaySql,
} from '../cases/access.js';
import { actorOf, fieldError, outOfScope } from '../identity/scope.js';
import {
  checkBasis,
  checkHandler,
  checkPartnerInstitution,
  handlersOf,
  iso,
  plLabel,
  subjectNameSql,
  warsawToday,
} from './common.js';
import { notifyInstitution, notifyUsers } from './notify.js';

const CaseParams = z.object({ caseId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });

/** SQL over `referrals r`: still open and past its expected date (Warsaw calendar). */
const overdueSql = sql`coalesce(r.status in ('wyslane', 'przyjete', 'w_realizacji') and r.expected_by < ${warsawTodaySql}, false)`;

/** `SKR/<year>/<nnnn>` per sending institution, numbered under a lock so two senders never clash. */
async function nextReferralNumber(tx: DbOrTx, institutionId: string, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`referral-number:${institutionId}`}))`);
  const prefix = `SKR/${year}/`;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(number from ${prefix.length + 1}::int)::int), 0) + 1 as n
        from referrals where from_institution_id = ${institutionId} and number like ${`${prefix}%`}`,
  );
  return `${prefix}${String(row?.n ?? 1).padStart(4, '0')}`;
}

/**
 * Whether the receiving side sees the referral's personal content now: while it is open and its basis
 * holds. Afterwards the receiving institution keeps only the record of its own work.
 */
const receiverSees = sql`(r.status in ('wyslane', 'przyjete', 'w_realizacji') and ${basisHolds('r', 'r.to_institution_id')})`;

function summarySelect(side: 'sender' | 'receiver'): SQL {
  const visible = side === 'sender' ? sql`true` : receiverSees;
  return sql`select r.id, r.number, r.case_id as "caseId", r.kind,
      json_build_object('id', fi.id, 'name', fi.name) as "from", json_build_object('id', ti.id, 'name', ti.name) as "to",
      case when ${visible} then ${subjectNameSql} end as "subjectName",
      r.urgency, r.expected_by::text as "expectedBy",
      ${overdueSql} as overdue,
      r.status,
      case when au.id is null then null else json_build_object('id', au.id, 'name', au.first_name || ' ' || au.last_name) end as "assignedUser",
      r.created_at as "createdAt"
    from referrals r join cases c on c.id = r.case_id
      join institutions fi on fi.id = r.from_institution_id join institutions ti on ti.id = r.to_institution_id
      left join users au on au.id = r.assigned_user_id`;
}

const fixSummary = (r: ReferralSummary) => ({ ...r, createdAt: iso(r.createdAt) as string });

interface Located {
  id: string;
  caseId: string;
  status: ReferralStatus;
  version: number;
  fromInstitutionId: string;
  toInstitutionId: string;
  fromUserId: string;
  assignedUserId: string | null;
  planActionId: string | null;
  number: string;
  toName: string;
  fromName: string;
}

/**
 * The referral and the caller's side of it: the sender (the case is in their scope) or the receiver
 * (their active institution is the recipient and they handle referrals). Anyone else: audited 404.
 */
async function locate(
  request: FastifyRequest,
  db: DbOrTx,
  a: Actor,
  id: string,
  lock = false,
): Promise<{ r: Located; side: 'sender' | 'receiver' }> {
  const [r] = await queryRows<Located>(
    db,
    sql`select r.id, r.case_id as "caseId", r.status, r.version, r.from_institution_id as "fromInstitutionId",
          r.to_institution_id as "toInstitutionId", r.from_user_id as "fromUserId", r.assigned_user_id as "assignedUserId",
          r.plan_action_id as "planActionId", r.number, ti.name as "toName", fi.name as "fromName"
        from referrals r join institutions ti on ti.id = r.to_institution_id join institutions fi on fi.id = r.from_institution_id
        where r.id = ${id} ${lock ? sql`for update of r` : sql``}`,
  );
  if (r) {
    if (a.institutionId === r.toInstitutionId && a.permissions.has('referrals.handle'))
      return { r, side: 'receiver' };
    if (a.institutionId === r.fromInstitutionId && (await caseAccess(db, a, r.caseId)))
      return { r, side: 'sender' };
  }
  return outOfScope(request, 'referral', id);
}

async function presentReferral(
  db: DbOrTx,
  a: Actor,
  id: string,
  side: 'sender' | 'receiver',
): Promise<Referral> {
  const visible = side === 'sender' ? sql`true` : receiverSees;
  const [row] = await queryRows<Omit<Referral, 'side' | 'can' | 'events'> & { fromUserId: string }>(
    db,
    sql`select r.id, r.number, r.case_id as "caseId", r.kind,
          json_build_object('id', fi.id, 'name', fi.name) as "from",
          json_build_object('id', fu.id, 'name', fu.first_name || ' ' || fu.last_name, 'email', fu.email, 'phone', null) as "fromUser",
          json_build_object('id', ti.id, 'name', ti.name) as "to",
          case when s.id is null then null else json_build_object('id', s.id, 'name', s.name) end as service,
          case when pa.id is null or not ${visible} then null
               else json_build_object('id', pa.id, 'description', pa.description) end as "planAction",
          case when ${visible} then ${subjectNameSql} end as "subjectName",
          case when ${visible} then r.reason end as reason,
          r.urgency, r.expected_by::text as "expectedBy",
          ${overdueSql} as overdue,
          r.scopes, r.basis, r.legal_basis as "legalBasis", r.consent_id as "consentId", r.status,
          case when au.id is null then null else json_build_object('id', au.id, 'name', au.first_name || ' ' || au.last_name) end as "assignedUser",
          r.responded_at as "respondedAt", r.rejection_reason as "rejectionReason", r.completed_at as "completedAt",
          r.outcome, r.feedback, r.withdrawn_at as "withdrawnAt", r.withdrawal_reason as "withdrawalReason",
          r.created_at as "createdAt", r.version, r.from_user_id as "fromUserId"
        from referrals r join cases c on c.id = r.case_id
          join institutions fi on fi.id = r.from_institution_id join institutions ti on ti.id = r.to_institution_id
          join users fu on fu.id = r.from_user_id
          left join users au on au.id = r.assigned_user_id
          left join services s on s.id = r.service_id
          left join plan_actions pa on pa.id = r.plan_action_id
        where r.id = ${id}`,
  );
  if (!row) throw new AppError('not_found', 'record.notFound');
  const events = await queryRows<Referral['events'][number]>(
    db,
    sql`select e.status, e.note,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end as actor,
          case when i.id is null then null else json_build_object('id', i.id, 'name', i.name) end as institution,
          e.at
        from referral_events e left join users u on u.id = e.actor_id left join institutions i on i.id = e.actor_institution_id
        where e.referral_id = ${id} order by e.at, e.id`,
  );
  const status = row.status;
  const receiver = side === 'receiver';
  const assignedToMe = row.assignedUser?.id === a.userId;
  const works = receiver && (assignedToMe || supervises(a) || !row.assignedUser);
  const { fromUserId: _fromUserId, ...rest } = row;
  return {
    ...rest,
    respondedAt: iso(row.respondedAt),
    completedAt: iso(row.completedAt),
    withdrawnAt: iso(row.withdrawnAt),
    createdAt: iso(row.createdAt) as string,
    side,
    events: events.map((e) => ({ ...e, at: iso(e.at) as string })),
    can: {
      accept: receiver && !referralRefusal(status, 'accept'),
      reject: receiver && !referralRefusal(status, 'reject'),
      start: works && !referralRefusal(status, 'start'),
      complete: works && !referralRefusal(status, 'complete'),
      withdraw: !receiver && a.permissions.has('cases.write') && !referralRefusal(status, 'withdraw'),
      assign: receiver && (status === 'przyjete' || status === 'w_realizacji'),
      openCase: receiver ? assignedToMe && (status === 'przyjete' || status === 'w_realizacji') : true,
    },
  };
}

async function addEvent(
  tx: DbOrTx,
  a: Actor,
  referralId: string,
  status: ReferralStatus,
  note: string | null,
) {
  await tx.execute(
    sql`insert into referral_events (referral_id, status, note, actor_id, actor_institution_id)
        values (${referralId}, ${status}, ${note}, ${a.userId}, ${a.institutionId})`,
  );
}

export const caseReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/referrals',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Referrals and requests sent from the case',
        params: CaseParams,
        response: { 200: ReferralList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const rows = await queryRows<ReferralSummary>(
        db,
        sql`${summarySelect('sender')} where r.case_id = ${c.id} order by r.created_at desc`,
      );
      return { items: rows.map(fixSummary), total: rows.length, page: 1, pageSize: rows.length };
    },
  );

  app.post(
    '/:caseId/referrals',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Send a referral or a request for information / consultation to an institution’s inbox, with the scope of data shared and its basis',
        params: CaseParams,
        body: ReferralCreate,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }) },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const input = request.body;
      const to = await checkPartnerInstitution(db, input.toInstitutionId, c.institutionId, 'toInstitutionId');
      if (input.expectedBy && input.expectedBy < warsawToday())
        throw fieldError('expectedBy', 'referral.expectedInPast');
      await checkBasis(db, input, c.id, to.id);
      if (input.serviceId) {
        const [s] = await queryRows<{ ok: boolean }>(
          db,
          sql`select true as ok from services where id = ${input.serviceId} and institution_id = ${to.id} and active`,
        );
        if (!s) throw fieldError('serviceId', 'referral.serviceOfOtherInstitution');
      }
      if (input.planActionId) {
        const [pa] = await queryRows<{ ok: boolean }>(
          db,
          sql`select true as ok from plan_actions pa join plans p on p.id = pa.plan_id
              where pa.id = ${input.planActionId} and p.case_id = ${c.id}`,
        );
        if (!pa) throw fieldError('planActionId', 'referral.actionOfOtherCase');
      }
      const created = await db.transaction(async (tx) => {
        const number = await nextReferralNumber(tx, c.institutionId, Number(warsawToday().slice(0, 4)));
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into referrals (number, case_id, kind, from_institution_id, from_user_id, to_institution_id, service_id,
                plan_action_id, reason, urgency, expected_by, scopes, basis, legal_basis, consent_id)
              values (${number}, ${c.id}, ${input.kind}, ${c.institutionId}, ${a.userId}, ${to.id}, ${input.serviceId ?? null},
                ${input.planActionId ?? null}, ${input.reason}, ${input.urgency}, ${input.expectedBy ?? null},
                ${sql.param(input.scopes)}::text[], ${input.basis},
                ${input.basis === 'przepis' ? (input.legalBasis ?? null) : null},
                ${input.basis === 'zgoda' ? (input.consentId ?? null) : null})
              returning id`,
        );
        const id = row?.id as string;
        await addEvent(tx, a, id, 'wyslane', null);
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'wspolpraca',
          title: `${plLabel(referralKinds, input.kind)} ${number} do: ${to.name}`,
          body: `${input.reason}\nZakres danych: ${input.scopes.map((s) => plLabel(shareScopes, s)).join(', ')}.`,
          authorId: a.userId,
        });
        await touchCase(tx, c.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'referral',
          recordId: id,
          after: { caseId: c.id, to: to.id, kind: input.kind, scopes: input.scopes, basis: input.basis },
        });
        await notifyInstitution(tx, {
          institutionId: to.id,
          kind: 'referral.received',
          params: { number, from: (await fromName(tx, c.institutionId)) ?? '', urgency: input.urgency },
          link: `/skrzynka/${id}`,
        });
        return { id, number };
      });
      reply.code(201);
      return created;
    },
  );
};

async function fromName(db: DbOrTx, institutionId: string) {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`select name from institutions where id = ${institutionId}`,
  );
  return row?.name;
}

export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/inbox',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'The inbox of my institution: referrals and requests sent to it, by status, urgency, assignment',
        querystring: InboxQuery,
        response: { 200: ReferralList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const q = request.query;
      const where: SQL[] = [sql`r.to_institution_id = ${a.institutionId}`];
      if (q.status === 'otwarte') where.push(sql`r.status in ('wyslane', 'przyjete', 'w_realizacji')`);
      else where.push(sql`r.status = ${q.status}`);
      if (q.urgency) where.push(sql`r.urgency = ${q.urgency}`);
      if (q.mine) where.push(sql`r.assigned_user_id = ${a.userId}`);
      if (q.overdue) where.push(overdueSql);
      const cond = sql.join(where, sql` and `);
      const [count] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from referrals r where ${cond}`,
      );
      // The page first — for open referrals an ordered read of `referrals_inbox_open_idx`, not a sort
      // of all of them —, then names and visibility for its rows only (bench/README.md).
      const order = sql`case r.urgency when 'pilna' then 0 when 'zwykla' then 1 else 2 end,
                     r.expected_by nulls last, r.created_at desc, r.id`;
      const rows = await queryRows<ReferralSummary>(
        db,
        sql`${summarySelect('receiver')}
            where r.id in (select r.id from referrals r where ${cond} order by ${order}
                           limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
            order by ${order}`,
      );
      if (rows.length)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'referral.inbox',
          details: { ids: rows.map((r) => r.id) },
        });
      return { items: rows.map(fixSummary), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/assignees',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Workers of my institution who can take a referral or be named to a case team',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
      },
    },
    async (request) => ({ items: await handlersOf(db, actorOf(request).institutionId as string) }),
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'A referral, from either side; the receiving side sees the person only while the referral is open and its basis holds',
        params: IdParams,
        response: { 200: Referral },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { r, side } = await locate(request, db, a, request.params.id);
      const referral = await presentReferral(db, a, r.id, side);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'referral',
        recordId: r.id,
        details: { side, personal: referral.subjectName !== null },
      });
      return referral;
    },
  );

  app.post(
    '/:id/answer',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Move a referral on: accept (assign a worker), reject with a reason, start, complete with the outcome (receiving side) or withdraw (sending side)',
        params: IdParams,
        body: ReferralAnswer,
        response: { 200: Referral },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const body = request.body;
      // Out of scope is answered (and logged) before the transaction: the log write needs the connection.
      await locate(request, db, a, request.params.id);
      const side = await db.transaction(async (tx) => {
        const { r, side } = await locate(request, tx, a, request.params.id, true);
        const receiverAction = body.action !== 'withdraw';
        if (receiverAction && (side !== 'receiver' || !a.permissions.has('referrals.handle')))
          throw new AppError('forbidden', 'referral.receiverOnly');
        if (!receiverAction && (side !== 'sender' || !a.permissions.has('cases.write')))
          throw new AppError('forbidden', 'referral.senderOnly');
        if (r.version !== body.version) throw new AppError('conflict', 'record.conflict');
        const refusal = referralRefusal(r.status, body.action);
        if (refusal) throw new AppError('conflict', refusal);
        if (
          (body.action === 'start' || body.action === 'complete') &&
          r.assignedUserId &&
          r.assignedUserId !== a.userId &&
          !supervises(a)
        )
          throw new AppError('forbidden', 'referral.assignedOnly');
        const to = referralTransitions[body.action].to;
        let note: string | null = null;
        switch (body.action) {
          case 'accept': {
            const assignee = body.assignedUserId ?? a.userId;
            if (assignee !== a.userId) await checkHandler(tx, a, assignee, 'assignedUserId');
            await tx.execute(
              sql`update referrals set status = ${to}, assigned_user_id = ${assignee}, responded_at = now() where id = ${r.id}`,
            );
            r.assignedUserId = assignee;
            break;
          }
          case 'reject':
            note = body.reason;
            await tx.execute(
              sql`update referrals set status = ${to}, rejection_reason = ${body.reason}, responded_at = now() where id = ${r.id}`,
            );
            break;
          case 'start':
            await tx.execute(
              sql`update referrals set status = ${to}, assigned_user_id = coalesce(assigned_user_id, ${a.userId}) where id = ${r.id}`,
            );
            break;
          case 'complete':
            note = body.outcome;
            await tx.execute(
              sql`update referrals set status = ${to}, outcome = ${body.outcome}, feedback = ${body.feedback},
                    completed_at = now(), responded_at = coalesce(responded_at, now()),
                    assigned_user_id = coalesce(assigned_user_id, ${a.userId}) where id = ${r.id}`,
            );
            break;
          case 'withdraw':
            note = body.reason;
            await tx.execute(
              sql`update referrals set status = ${to}, withdrawal_reason = ${body.reason}, withdrawn_at = now() where id = ${r.id}`,
            );
            break;
        }
        await tx.execute(
          sql`update referrals set version = version + 1, updated_at = now() where id = ${r.id}`,
        );
        await addEvent(tx, a, r.id, to, note);
        await recordOnCase(tx, a, r, body);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'referral',
          recordId: r.id,
          before: { status: r.status },
          after: { status: to },
        });
        const params = {
          number: r.number,
          institution: side === 'receiver' ? r.toName : r.fromName,
          status: to,
        };
        if (side === 'receiver' && body.action !== 'start')
          await notifyUsers(tx, {
            userIds: [r.fromUserId],
            kind: 'referral.answered',
            params,
            link: `/sprawy/${r.caseId}?zakladka=wspolpraca`,
          });
        if (body.action === 'accept' && r.assignedUserId)
          await notifyUsers(tx, {
            userIds: [r.assignedUserId],
            kind: 'referral.assigned',
            params,
            link: `/skrzynka/${r.id}`,
            except: a.userId,
          });
        if (body.action === 'withdraw' && r.assignedUserId)
          await notifyUsers(tx, {
            userIds: [r.assignedUserId],
            kind: 'referral.answered',
            params,
            link: `/skrzynka/${r.id}`,
          });
        return side;
      });
      return presentReferral(db, a, request.params.id, side);
    },
  );

  app.post(
    '/:id/assign',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Hand an accepted referral to another worker of my institution',
        params: IdParams,
        body: ReferralAssign,
        response: { 200: Referral },
      },
    },
    async (request) => {
      const a = actorOf(request);
      await locate(request, db, a, request.params.id);
      await db.transaction(async (tx) => {
        const { r, side } = await locate(request, tx, a, request.params.id, true);
        if (side !== 'receiver') throw new AppError('forbidden', 'referral.receiverOnly');
        if (r.version !== request.body.version) throw new AppError('conflict', 'record.conflict');
        if (r.status !== 'przyjete' && r.status !== 'w_realizacji')
          throw new AppError('conflict', 'referral.notNow');
        await checkHandler(tx, a, request.body.userId, 'userId');
        await tx.execute(
          sql`update referrals set assigned_user_id = ${request.body.userId}, version = version + 1, updated_at = now()
              where id = ${r.id}`,
        );
        await addEvent(tx, a, r.id, r.status, 'Zmiana osoby realizującej');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'referral',
          recordId: r.id,
          before: { assignedUserId: r.assignedUserId },
          after: { assignedUserId: request.body.userId },
        });
        await notifyUsers(tx, {
          userIds: [request.body.userId],
          kind: 'referral.assigned',
          params: { number: r.number, institution: r.fromName },
          link: `/skrzynka/${r.id}`,
          except: a.userId,
        });
      });
      return presentReferral(db, a, request.params.id, 'receiver');
    },
  );
};

/**
 * What the case owner learns on its timeline; the outcome of a completed referral also closes the
 * plan action it was sent for.
 */
async function recordOnCase(
  tx: DbOrTx,
  a: Actor,
  r: Located,
  body: z.infer<typeof ReferralAnswer>,
): Promise<void> {
  const who = body.action === 'withdraw' ? r.fromName : r.toName;
  const titles: Record<typeof body.action, string> = {
    accept: `${who} przyjmuje skierowanie ${r.number}`,
    reject: `${who} odrzuca skierowanie ${r.number}`,
    start: `${who} rozpoczyna realizację skierowania ${r.number}`,
    complete: `Wynik skierowania ${r.number} (${who})`,
    withdraw: `Wycofano skierowanie ${r.number}`,
  };
  const body_ =
    body.action === 'complete'
      ? [body.outcome, body.feedback ? `Informacja zwrotna: ${body.feedback}` : null]
          .filter(Boolean)
          .join('\n')
      : body.action === 'reject' || body.action === 'withdraw'
        ? body.reason
        : null;
  await addSystemEntry(tx, {
    caseId: r.caseId,
    kind: 'wspolpraca',
    title: titles[body.action],
    body: body_,
    authorId: a.userId,
  });
  if (body.action === 'complete' && r.planActionId) {
    const today = warsawToday();
    const [done] = await queryRows<{ planId: string }>(
      tx,
      sql`update plan_actions set status = 'wykonane', completed_on = ${today}
          where id = ${r.planActionId} and status not in ('wykonane', 'niewykonane') returning plan_id as "planId"`,
    );
    if (done) {
      await tx.execute(
        sql`update plans set version = version + 1, updated_at = now() where id = ${done.planId}`,
      );
      await addSystemEntry(tx, {
        caseId: r.caseId,
        kind: 'plan',
        title: `Działanie planu wykonane (skierowanie ${r.number})`,
        authorId: a.userId,
      });
    }
  }
  await touchCase(tx, r.caseId);
}
