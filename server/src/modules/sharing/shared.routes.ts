import { PartnerNoteInput, SharedCase, SharedCaseList, type ShareScope } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { addSystemEntry, type CaseShare, requireShare, sharedCaseIds, touchCase } from '../cases/access.js';
import { actorOf } from '../identity/scope.js';
import { iso, subjectNameSql, warsawToday } from './common.js';

const CaseParams = z.object({ caseId: z.uuid() });
const ActionParams = z.object({ caseId: z.uuid(), actionId: z.uuid() });

/** Only the scopes shared: each part of the case is read only when its scope is in the share. */
async function presentShared(db: DbOrTx, a: Actor, share: CaseShare): Promise<SharedCase> {
  const has = (s: ShareScope) => share.scopes.has(s);
  const [c] = await queryRows<{
    id: string;
    number: string;
    status: string;
    owner: { id: string; name: string };
    leadWorker: { id: string; name: string; email: string | null };
    personId: string | null;
    householdId: string | null;
  }>(
    db,
    sql`select c.id, c.number, c.status, json_build_object('id', i.id, 'name', i.name) as owner,
          json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name, 'email', u.email) as "leadWorker",
          c.person_id as "personId", c.household_id as "householdId"
        from cases c join institutions i on i.id = c.institution_id join users u on u.id = c.lead_worker_id
        where c.id = ${share.caseId}`,
  );
  if (!c) throw new AppError('not_found', 'record.notFound');
  const people = await queryRows<{
    id: string;
    name: string;
    birthDate: string | null;
    relation: string | null;
    address: string | null;
    phone: string | null;
  }>(
    db,
    c.personId
      ? sql`select p.id, p.first_name || ' ' || p.last_name as name, p.birth_date::text as "birthDate", null as relation,
              nullif(concat_ws(', ', p.street, nullif(concat_ws(' ', p.postal_code, p.city), '')), '') as address, p.phone
            from persons p where p.id = ${c.personId}`
      : sql`select p.id, p.first_name || ' ' || p.last_name as name, p.birth_date::text as "birthDate", hm.relation,
              nullif(concat_ws(', ', h.street, nullif(concat_ws(' ', h.postal_code, h.city), '')), '') as address, p.phone
            from household_members hm join persons p on p.id = hm.person_id join households h on h.id = hm.household_id
            where hm.household_id = ${c.householdId} and hm.to_date is null
            order by case hm.relation when 'glowa' then 0 else 1 end, p.birth_date`,
  );
  const [household] = c.householdId
    ? await queryRows<{ name: string }>(db, sql`select name from households where id = ${c.householdId}`)
    : [];
  const head = people[0];

  let plans: SharedCase['plans'] = null;
  if (has('plan')) {
    const rows = await queryRows<{
      planId: string;
      type: string;
      title: string | null;
      planStatus: string;
      goalId: string | null;
      goal: string | null;
      actionId: string | null;
      description: string | null;
      responsible: string | null;
      deadline: string | null;
      status: string | null;
      completedOn: string | null;
      ours: boolean | null;
    }>(
      db,
      sql`select p.id as "planId", p.type, p.title, p.status as "planStatus", g.id as "goalId", g.description as goal,
            a.id as "actionId", a.description, coalesce(ri.name, a.responsible_person,
              case when a.party = 'klient' then 'Osoba / rodzina' end) as responsible,
            a.deadline::text as deadline, a.status, a.completed_on::text as "completedOn",
            a.responsible_institution_id = ${a.institutionId} as ours
          from plans p left join plan_goals g on g.plan_id = p.id left join plan_actions a on a.goal_id = g.id
            left join institutions ri on ri.id = a.responsible_institution_id
          where p.case_id = ${c.id} and p.status in ('aktywny', 'zakonczony', 'projekt')
          order by p.start_date desc, p.id, g.position, a.position`,
    );
    const byPlan = new Map<string, NonNullable<SharedCase['plans']>[number]>();
    for (const r of rows) {
      let plan = byPlan.get(r.planId);
      if (!plan) {
        plan = { id: r.planId, type: r.type, title: r.title, status: r.planStatus, goals: [] };
        byPlan.set(r.planId, plan);
      }
      if (!r.goalId) continue;
      let goal = plan.goals.find((g) => g.id === r.goalId);
      if (!goal) {
        goal = { id: r.goalId, description: r.goal ?? '', actions: [] };
        plan.goals.push(goal);
      }
      if (r.actionId)
        goal.actions.push({
          id: r.actionId,
          description: r.description ?? '',
          responsible: r.responsible,
          deadline: r.deadline,
          status: r.status ?? 'zaplanowane',
          completedOn: r.completedOn,
          ours: !!r.ours,
        });
    }
    plans = [...byPlan.values()];
  }

  let diagnosis: SharedCase['diagnosis'] = null;
  if (has('diagnoza')) {
    const [d] = await queryRows<NonNullable<SharedCase['diagnosis']>>(
      db,
      sql`select d.version_no as "versionNo", d.areas, d.conclusions, d.created_at as "createdAt"
          from diagnoses d where d.case_id = ${c.id} order by d.version_no desc limit 1`,
    );
    diagnosis = d ? { ...d, createdAt: iso(d.createdAt) as string } : null;
  }

  let health: SharedCase['health'] = null;
  if (has('zdrowie')) {
    health = await queryRows<NonNullable<SharedCase['health']>[number]>(
      db,
      sql`select p.first_name || ' ' || p.last_name as name, s.disability_level as "disabilityLevel", s.health, s.addiction
          from person_sensitive s join persons p on p.id = s.person_id
          where s.person_id = any(${sql.param(people.map((p) => p.id))}::uuid[])`,
    );
  }

  const notes = await queryRows<SharedCase['notes'][number]>(
    db,
    sql`select t.id, t.body, json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as author,
          t.occurred_at as at
        from timeline_entries t join users u on u.id = t.author_id
        where t.case_id = ${c.id} and t.kind = 'notatka' and not t.sensitive
          and exists (select 1 from memberships m where m.user_id = t.author_id and m.institution_id = ${a.institutionId})
        order by t.occurred_at desc limit 200`,
  );
  const team = await queryRows<SharedCase['team'][number]>(
    db,
    sql`select json_build_object('id', i.id, 'name', i.name) as institution, m.role,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end as "user"
        from case_team_members m join institutions i on i.id = m.institution_id left join users u on u.id = m.user_id
        where m.case_id = ${c.id} and m.status = 'aktywny' order by m.created_at`,
  );

  return {
    id: c.id,
    number: c.number,
    status: c.status,
    owner: c.owner,
    leadWorker: c.leadWorker,
    scopes: [...share.scopes],
    via: share.via,
    subject: {
      kind: c.personId ? 'person' : 'household',
      name: c.personId ? (head?.name ?? '') : `Rodzina: ${household?.name ?? ''}`,
      members: c.personId
        ? []
        : people.map((p) => ({ name: p.name, birthDate: p.birthDate, relation: p.relation })),
      address: head?.address ?? null,
      phone: head?.phone ?? null,
    },
    plans,
    diagnosis,
    health,
    notes: notes.map((n) => ({ ...n, body: n.body ?? '', at: iso(n.at) as string })),
    team,
  };
}

export const sharedCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Cases of other institutions shared with me now (case teams and referrals assigned to me)',
        response: { 200: SharedCaseList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const rows = await queryRows<z.infer<typeof SharedCaseList>['items'][number]>(
        db,
        sql`select c.id, c.number, json_build_object('id', i.id, 'name', i.name) as owner, ${subjectNameSql} as "subjectName",
              array_remove(array[
                case when exists (select 1 from case_team_members m where m.case_id = c.id and m.user_id = ${a.userId} and m.status = 'aktywny') then 'team' end,
                case when exists (select 1 from referrals r where r.case_id = c.id and r.assigned_user_id = ${a.userId}
                                  and r.status in ('przyjete', 'w_realizacji')) then 'referral' end], null) as via,
              array(select distinct unnest(s.scopes) from (
                select m.scopes from case_team_members m where m.case_id = c.id and m.user_id = ${a.userId} and m.status = 'aktywny'
                union all select r.scopes from referrals r where r.case_id = c.id and r.assigned_user_id = ${a.userId}
                  and r.status in ('przyjete', 'w_realizacji')) s) as scopes
            from cases c join institutions i on i.id = c.institution_id
            where c.id in (${sharedCaseIds(a)})
            order by c.number`,
      );
      if (rows.length)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'case.shared_list',
          details: { ids: rows.map((r) => r.id) },
        });
      return { items: rows };
    },
  );

  app.get(
    '/:caseId',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'A case shared with me: only the scopes shared with my institution, while the share lasts',
        params: CaseParams,
        response: { 200: SharedCase },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      const result = await presentShared(db, a, share);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.shared',
        recordId: share.caseId,
        details: { scopes: [...share.scopes], via: share.via.map((v) => `${v.kind}:${v.id}`) },
      });
      return result;
    },
  );

  app.post(
    '/:caseId/notes',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Record what my institution did on a shared case (a note on the case timeline)',
        params: CaseParams,
        body: PartnerNoteInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      if (share.status === 'zamknieta') throw new AppError('conflict', 'case.closedReadOnly');
      const id = await db.transaction(async (tx) => {
        const [inst] = await queryRows<{ name: string }>(
          tx,
          sql`select name from institutions where id = ${a.institutionId}`,
        );
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into timeline_entries (case_id, kind, occurred_at, title, body, author_id)
              values (${share.caseId}, 'notatka', now(), ${`Notatka: ${inst?.name ?? ''}`}, ${request.body.body}, ${a.userId})
              returning id`,
        );
        await touchCase(tx, share.caseId);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'timeline_entry',
          recordId: row?.id,
          details: { caseId: share.caseId, partner: true },
        });
        return row?.id as string;
      });
      reply.code(201);
      return { id };
    },
  );

  app.post(
    '/:caseId/actions/:actionId/complete',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Mark a plan action assigned to my institution as done (needs the plan scope)',
        params: ActionParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      if (!share.scopes.has('plan')) throw new AppError('forbidden', 'share.scopeMissing');
      if (share.status === 'zamknieta') throw new AppError('conflict', 'case.closedReadOnly');
      await db.transaction(async (tx) => {
        const [act] = await queryRows<{ planId: string; status: string; description: string }>(
          tx,
          sql`select pa.plan_id as "planId", pa.status, pa.description from plan_actions pa join plans p on p.id = pa.plan_id
              where pa.id = ${request.params.actionId} and p.case_id = ${share.caseId}
                and pa.responsible_institution_id = ${a.institutionId} for update of pa`,
        );
        if (!act) throw new AppError('not_found', 'record.notFound');
        if (act.status === 'wykonane') throw new AppError('conflict', 'action.alreadyDone');
        await tx.execute(
          sql`update plan_actions set status = 'wykonane', completed_on = ${warsawToday()} where id = ${request.params.actionId}`,
        );
        await tx.execute(
          sql`update plans set version = version + 1, updated_at = now() where id = ${act.planId}`,
        );
        const [inst] = await queryRows<{ name: string }>(
          tx,
          sql`select name from institutions where id = ${a.institutionId}`,
        );
        await addSystemEntry(tx, {
          caseId: share.caseId,
          kind: 'plan',
          title: `Działanie wykonane przez: ${inst?.name ?? ''}`,
          body: act.description,
          authorId: a.userId,
        });
        await touchCase(tx, share.caseId);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'plan_action',
          recordId: request.params.actionId,
          before: { status: act.status },
          after: { status: 'wykonane' },
        });
      });
      reply.code(204);
      return null;
    },
  );
};
