import {
  Case,
  CaseCreate,
  CaseList,
  CaseListQuery,
  type CaseStatus,
  type CaseSummary,
  CaseTransition,
  CaseUpdate,
  CaseWorkersUpdate,
  caseStatuses,
  caseStatusKeys,
  closureReasons,
  INTERVIEW_DEADLINE_DAYS,
  transitionRefusal,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import {
  addSystemEntry,
  type CaseAccess,
  caseAbilities,
  householdInScope,
  personInScope,
  requireCase,
  requireWritable,
  scopedCaseIds,
  supervises,
} from './access.js';
import { nextCaseNumber } from './numbering.js';

const IdParams = z.object({ id: z.uuid() });
const Workers = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });

/** Roles whose holders can lead or co-work a case. */
const CASE_WORKER_ROLES = ['pracownik_socjalny', 'kierownik'];

const today = () => sql`(now() at time zone 'Europe/Warsaw')::date`;

/** Workers of the institution who can handle cases (active account, active membership). */
async function institutionWorkers(db: DbOrTx, institutionId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.first_name || ' ' || u.last_name as name from users u
        join memberships m on m.user_id = u.id and m.institution_id = ${institutionId} and m.active
        where u.status = 'active' and m.roles && ${sql.param(CASE_WORKER_ROLES)}::text[]
        order by u.last_name, u.first_name`,
  );
}

async function checkWorkers(db: DbOrTx, institutionId: string, lead: string, coWorkers: string[]) {
  const allowed = new Set((await institutionWorkers(db, institutionId)).map((w) => w.id));
  if (!allowed.has(lead)) throw fieldError('leadWorkerId', 'case.workerNotInInstitution');
  for (const [i, id] of coWorkers.entries())
    if (!allowed.has(id)) throw fieldError(`coWorkerIds.${i}`, 'case.workerNotInInstitution');
}

/** Subject name, gmina and address of a case (person or household). */
const subjectName = sql`coalesce(p.first_name || ' ' || p.last_name, h.name)`;

async function caseFacts(db: DbOrTx, id: string) {
  const [f] = await queryRows<{ hasDiagnosis: boolean; hasActivePlan: boolean }>(
    db,
    sql`select exists (select 1 from diagnoses where case_id = ${id}) as "hasDiagnosis",
               exists (select 1 from plans where case_id = ${id} and status = 'aktywny') as "hasActivePlan"`,
  );
  return f ?? { hasDiagnosis: false, hasActivePlan: false };
}

/** The case as the API returns it; the caller has checked scope. */
export async function presentCase(db: DbOrTx, a: Actor, access: CaseAccess): Promise<Case> {
  const id = access.id;
  const [row] = await queryRows<
    Omit<
      Case,
      'institution' | 'reasons' | 'leadWorker' | 'coWorkers' | 'subject' | 'transitions' | 'abilities'
    > & {
      institutionName: string;
      leadName: string;
      personId: string | null;
      householdId: string | null;
      hasDiagnosis: boolean;
      hasActivePlan: boolean;
      reasons: Case['reasons'];
      coWorkers: Case['coWorkers'];
    }
  >(
    db,
    sql`select c.id, c.number, c.status, c.source, c.source_details as "sourceDetails", c.opened_on::text as "openedOn",
          c.closed_on::text as "closedOn", c.closure_reason as "closureReason", c.outcome_summary as "outcomeSummary",
          c.summary, c.version, c.created_at as "createdAt", c.blue_card_since::text as "blueCardSince",
          i.name as "institutionName", u.first_name || ' ' || u.last_name as "leadName", c.lead_worker_id as "leadWorkerId",
          c.person_id as "personId", c.household_id as "householdId",
          exists (select 1 from diagnoses d where d.case_id = c.id) as "hasDiagnosis",
          exists (select 1 from plans pl where pl.case_id = c.id and pl.status = 'aktywny') as "hasActivePlan",
          coalesce((select json_agg(json_build_object('code', r.code, 'main', r.main) order by r.main desc, r.code)
            from case_reasons r where r.case_id = c.id), '[]') as reasons,
          coalesce((select json_agg(json_build_object('id', w.id, 'name', w.first_name || ' ' || w.last_name) order by w.last_name)
            from case_workers cw join users w on w.id = cw.user_id where cw.case_id = c.id), '[]') as "coWorkers",
          case when c.status = 'zgloszenie' and not exists (select 1 from diagnoses d where d.case_id = c.id)
            then (c.opened_on + ${INTERVIEW_DEADLINE_DAYS}::int)::text end as "diagnosisDue"
        from cases c join institutions i on i.id = c.institution_id join users u on u.id = c.lead_worker_id
        where c.id = ${id}`,
  );
  if (!row) throw new AppError('not_found', 'record.notFound');
  // One statement for the case with its reasons, co-workers and facts; one more for the subject.
  const subject = await loadSubject(db, row.personId, row.householdId);
  const { reasons, coWorkers } = row;
  const facts = { hasDiagnosis: row.hasDiagnosis, hasActivePlan: row.hasActivePlan };
  const status = row.status as CaseStatus;
  const abilities = caseAbilities(a, access);
  return {
    id: row.id,
    number: row.number,
    institution: {
      id: access.institutionId,
      name: row.institutionName,
    },
    status,
    source: row.source,
    sourceDetails: row.sourceDetails,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    closureReason: row.closureReason,
    outcomeSummary: row.outcomeSummary,
    summary: row.summary,
    reasons,
    leadWorker: { id: access.leadWorkerId, name: row.leadName },
    coWorkers,
    subject,
    transitions: caseStatusKeys
      .filter((to) => to !== status)
      .map((to) => {
        let refusal = transitionRefusal(status, to, facts);
        if (!refusal && status === 'zamknieta' && !supervises(a)) refusal = 'case.reopenOnlySupervisor';
        if (!refusal && !abilities.transition) refusal = 'auth.forbidden';
        return { to, allowed: !refusal, refusal };
      }),
    diagnosisDue: row.diagnosisDue,
    blueCardSince: row.blueCardSince,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    abilities,
  };
}

async function loadSubject(
  db: DbOrTx,
  personId: string | null,
  householdId: string | null,
): Promise<Case['subject']> {
  if (personId) {
    const [p] = await queryRows<{
      id: string;
      firstName: string;
      lastName: string;
      birthDate: string;
      teryt: string | null;
      unitName: string | null;
      address: string | null;
    }>(
      db,
      sql`select p.id, p.first_name as "firstName", p.last_name as "lastName", p.birth_date::text as "birthDate",
            p.teryt, tu.name as "unitName", nullif(concat_ws(', ', p.street, concat_ws(' ', p.postal_code, p.city)), '') as address
          from persons p left join territorial_units tu on tu.teryt = p.teryt where p.id = ${personId}`,
    );
    if (!p) throw new AppError('not_found', 'record.notFound');
    return {
      kind: 'person',
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      persons: [
        { id: p.id, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, relation: null },
      ],
      teryt: p.teryt,
      unitName: p.unitName,
      address: p.address,
    };
  }
  const [h] = await queryRows<{
    id: string;
    name: string;
    teryt: string | null;
    unitName: string | null;
    address: string | null;
  }>(
    db,
    sql`select h.id, h.name, h.teryt, tu.name as "unitName",
          nullif(concat_ws(', ', h.street, concat_ws(' ', h.postal_code, h.city)), '') as address
        from households h left join territorial_units tu on tu.teryt = h.teryt where h.id = ${householdId}`,
  );
  if (!h) throw new AppError('not_found', 'record.notFound');
  const persons = await queryRows<Case['subject']['persons'][number]>(
    db,
    sql`select p.id, p.first_name as "firstName", p.last_name as "lastName", p.birth_date::text as "birthDate", hm.relation
        from household_members hm join persons p on p.id = hm.person_id
        where hm.household_id = ${h.id} and hm.to_date is null order by hm.relation <> 'glowa', p.birth_date`,
  );
  return { kind: 'household', ...h, persons };
}

const listSorts: Record<string, SQL> = {
  opened_desc: sql`c.opened_on desc, c.number desc`,
  opened_asc: sql`c.opened_on asc, c.number asc`,
  status: sql`array_position(${sql.param(caseStatusKeys)}::text[], c.status), c.opened_on desc`,
  name: sql`${subjectName}, c.opened_on desc`,
  next_due: sql`"nextDue" asc nulls last, c.opened_on desc`,
};

const auditable = (c: Record<string, unknown>) => {
  const { source, sourceDetails, reasons, summary } = c;
  return { source, sourceDetails, reasons, summary };
};

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/workers',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'Workers of the active institution who can lead or co-work a case',
        response: { 200: Workers },
      },
    },
    async (request) => {
      const a = actorOf(request);
      return { items: a.institutionId ? await institutionWorkers(db, a.institutionId) : [] };
    },
  );

  app.get(
    '/',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'My cases or the cases of the institution in scope, with filters and sorting',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const q = request.query;
      const conds: SQL[] = [
        q.scope === 'mine'
          ? sql`(c.lead_worker_id = ${a.userId} or c.id in (select case_id from case_workers where user_id = ${a.userId}))
                and c.institution_id = ${a.institutionId}`
          : sql`c.id in (${scopedCaseIds(a)})`,
      ];
      if (!a.institutionId) conds.push(sql`false`);
      if (q.status === 'open') conds.push(sql`c.status <> 'zamknieta'`);
      else if (q.status) conds.push(sql`c.status = ${q.status}`);
      if (q.reason)
        conds.push(
          sql`exists (select 1 from case_reasons r where r.case_id = c.id and r.code = ${q.reason})`,
        );
      if (q.workerId)
        conds.push(
          sql`(c.lead_worker_id = ${q.workerId} or exists (select 1 from case_workers w where w.case_id = c.id and w.user_id = ${q.workerId}))`,
        );
      if (q.teryt) conds.push(sql`coalesce(p.teryt, h.teryt) like ${`${q.teryt}%`}`);
      if (q.q)
        conds.push(
          sql`(search_text(${subjectName}) like '%' || search_text(${q.q}) || '%' or c.number ilike ${`%${q.q}%`})`,
        );
      const overdue = sql`(select count(*)::int from plan_actions pa join plans pl on pl.id = pa.plan_id
          where pl.case_id = c.id and pl.status in ('projekt', 'aktywny') and pa.status in ('zaplanowane', 'w_toku')
            and pa.deadline < ${today()})`;
      if (q.overdue) conds.push(sql`${overdue} > 0`);
      const where = sql.join(conds, sql` and `);
      const from = sql`from cases c left join persons p on p.id = c.person_id left join households h on h.id = c.household_id`;
      const [items, [count]] = await Promise.all([
        queryRows<Omit<CaseSummary, 'leadWorker'> & { leadId: string; leadName: string }>(
          db,
          sql`select c.id, c.number, c.status, ${subjectName} as "subjectName",
                case when c.person_id is null then 'household' else 'person' end as "subjectKind",
                (select r.code from case_reasons r where r.case_id = c.id and r.main) as "mainReason",
                c.lead_worker_id as "leadId", (select u.first_name || ' ' || u.last_name from users u where u.id = c.lead_worker_id) as "leadName",
                c.opened_on::text as "openedOn", c.closed_on::text as "closedOn",
                (select tu.name from territorial_units tu where tu.teryt = coalesce(p.teryt, h.teryt)) as "unitName",
                ${overdue} as overdue,
                (select min(pa.deadline)::text from plan_actions pa join plans pl on pl.id = pa.plan_id
                  where pl.case_id = c.id and pl.status in ('projekt', 'aktywny') and pa.status in ('zaplanowane', 'w_toku')) as "nextDue",
                (select max(t.occurred_at) from timeline_entries t where t.case_id = c.id) as "lastEventAt"
              ${from} where ${where}
              order by ${listSorts[q.sort] ?? listSorts.opened_desc}, c.id limit ${q.limit} offset ${q.offset}`,
        ),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`),
      ]);
      return {
        total: count?.n ?? 0,
        items: items.map(({ leadId, leadName, ...r }) => ({
          ...r,
          lastEventAt: r.lastEventAt ? new Date(r.lastEventAt).toISOString() : null,
          leadWorker: { id: leadId, name: leadName },
        })),
        abilities: { create: a.permissions.has('cases.write') && !!a.institutionId },
      };
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Open a case for a person or a household of the institution',
        body: CaseCreate,
        response: { 201: Case },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const institutionId = a.institutionId;
      if (!institutionId) throw new AppError('forbidden', 'auth.forbidden');
      const body = request.body;
      const lead = body.leadWorkerId ?? a.userId;
      if (lead !== a.userId && !supervises(a)) throw fieldError('leadWorkerId', 'case.assignOnlySupervisor');
      const coWorkers = [...new Set(body.coWorkerIds)].filter((id) => id !== lead);
      const id = await db.transaction(async (tx) => {
        if (body.personId) {
          const [ok] = await queryRows(
            tx,
            sql`select 1 from persons p where p.id = ${body.personId} and ${personInScope(a, 'p')}`,
          );
          if (!ok) throw fieldError('personId', 'household.personNotInScope');
        } else {
          const [ok] = await queryRows(
            tx,
            sql`select 1 from households h where h.id = ${body.householdId} and ${householdInScope(a, 'h')}`,
          );
          if (!ok) throw fieldError('householdId', 'household.personNotInScope');
        }
        await checkWorkers(tx, institutionId, lead, coWorkers);
        const openedOn = body.openedOn ?? null;
        const [{ year } = { year: new Date().getFullYear() }] = await queryRows<{ year: number }>(
          tx,
          sql`select extract(year from coalesce(${openedOn}::date, ${today()}))::int as year`,
        );
        const number = await nextCaseNumber(tx, institutionId, year);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into cases (institution_id, number, person_id, household_id, lead_worker_id, source, source_details,
                opened_on, summary, created_by)
              values (${institutionId}, ${number}, ${body.personId ?? null}, ${body.householdId ?? null}, ${lead}, ${body.source},
                ${body.sourceDetails}, coalesce(${openedOn}::date, ${today()}), ${body.summary}, ${a.userId})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        for (const r of body.reasons)
          await tx.execute(
            sql`insert into case_reasons (case_id, code, main) values (${row.id}, ${r.code}, ${r.main})`,
          );
        for (const w of coWorkers)
          await tx.execute(sql`insert into case_workers (case_id, user_id) values (${row.id}, ${w})`);
        await addSystemEntry(tx, {
          caseId: row.id,
          kind: 'status',
          title: `Założono sprawę ${number} (status: ${caseStatuses.zgloszenie.pl})`,
          authorId: a.userId,
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'case',
          recordId: row.id,
          before: null,
          after: {
            ...auditable(body),
            number,
            leadWorkerId: lead,
            coWorkerIds: coWorkers,
            subject: body.personId ?? body.householdId,
          },
        });
        return row.id;
      });
      const access = await requireCase(request, db, a, id);
      return reply.status(201).send(await presentCase(db, a, access));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { tags: ['cases'], summary: 'One case in scope', params: IdParams, response: { 200: Case } },
    },
    async (request) => {
      const a = actorOf(request);
      const access = await requireCase(request, db, a, request.params.id);
      const result = await presentCase(db, a, access);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case',
        recordId: access.id,
        details: { relation: access.relation },
      });
      return result;
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Change the source, reasons and summary of a case (version checked)',
        params: IdParams,
        body: CaseUpdate,
        response: { 200: Case },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { version, ...input } = request.body;
      const access = await requireCase(request, db, a, request.params.id);
      requireWritable(a, access);
      await db.transaction(async (tx) => {
        const [before] = await queryRows<Record<string, unknown>>(
          tx,
          sql`select source, source_details as "sourceDetails", summary,
                (select json_agg(json_build_object('code', code, 'main', main) order by main desc, code) from case_reasons where case_id = c.id) as reasons
              from cases c where id = ${access.id}`,
        );
        const updated = await queryRows(
          tx,
          sql`update cases set source = ${input.source}, source_details = ${input.sourceDetails}, summary = ${input.summary},
                version = version + 1, updated_at = now() where id = ${access.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await tx.execute(sql`delete from case_reasons where case_id = ${access.id}`);
        for (const r of input.reasons)
          await tx.execute(
            sql`insert into case_reasons (case_id, code, main) values (${access.id}, ${r.code}, ${r.main})`,
          );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case',
          recordId: access.id,
          before: before ? auditable(before) : null,
          after: auditable({
            ...input,
            reasons: [...input.reasons].sort(
              (x, y) => Number(y.main) - Number(x.main) || x.code.localeCompare(y.code),
            ),
          }),
        });
      });
      return presentCase(db, a, { ...access, version: version + 1 });
    },
  );

  app.put(
    '/:id/workers',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Assign the lead worker (supervisor) and co-workers (lead worker or supervisor)',
        params: IdParams,
        body: CaseWorkersUpdate,
        response: { 200: Case },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { leadWorkerId, coWorkerIds, version } = request.body;
      const access = await requireCase(request, db, a, request.params.id);
      requireWritable(a, access);
      if (!caseAbilities(a, access).assignWorkers) throw new AppError('forbidden', 'auth.forbidden');
      if (leadWorkerId !== access.leadWorkerId && !supervises(a))
        throw fieldError('leadWorkerId', 'case.assignOnlySupervisor');
      const coWorkers = [...new Set(coWorkerIds)].filter((w) => w !== leadWorkerId);
      await db.transaction(async (tx) => {
        await checkWorkers(tx, access.institutionId, leadWorkerId, coWorkers);
        const before = await queryRows<{ userId: string }>(
          tx,
          sql`select user_id as "userId" from case_workers where case_id = ${access.id} order by user_id`,
        );
        const updated = await queryRows(
          tx,
          sql`update cases set lead_worker_id = ${leadWorkerId}, version = version + 1, updated_at = now()
              where id = ${access.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await tx.execute(sql`delete from case_workers where case_id = ${access.id}`);
        for (const w of coWorkers)
          await tx.execute(sql`insert into case_workers (case_id, user_id) values (${access.id}, ${w})`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case',
          recordId: access.id,
          before: { leadWorkerId: access.leadWorkerId, coWorkerIds: before.map((b) => b.userId) },
          after: { leadWorkerId, coWorkerIds: [...coWorkers].sort() },
        });
      });
      // The actor may have just handed the case away: answer with what they can still see.
      const after = await requireCase(request, db, a, access.id);
      return presentCase(db, a, after);
    },
  );

  app.post(
    '/:id/transition',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Move the case along zgłoszenie → diagnoza → plan → realizacja → monitorowanie → zamknięta',
        params: IdParams,
        body: CaseTransition,
        response: { 200: Case },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const t = request.body;
      const access = await requireCase(request, db, a, request.params.id);
      requireWritable(a, access, { allowClosed: true });
      const from = access.status as CaseStatus;
      if (from === 'zamknieta' && !supervises(a)) throw fieldError('to', 'case.reopenOnlySupervisor');
      await db.transaction(async (tx) => {
        const refusal = transitionRefusal(from, t.to, await caseFacts(tx, access.id));
        if (refusal) throw fieldError('to', refusal);
        const closing = t.to === 'zamknieta';
        const updated = await queryRows(
          tx,
          sql`update cases set status = ${t.to}, version = version + 1, updated_at = now(),
                closed_on = ${closing ? today() : null}, closure_reason = ${closing ? (t.closureReason ?? null) : null},
                outcome_summary = ${closing ? t.outcomeSummary : null}
              where id = ${access.id} and version = ${t.version} returning id`,
        );
        if (!updated.length) throw conflict();
        const body = closing
          ? `Powód: ${t.closureReason ? closureReasons[t.closureReason].pl : ''}\nEfekty: ${t.outcomeSummary ?? ''}`
          : t.reason;
        await addSystemEntry(tx, {
          caseId: access.id,
          kind: 'status',
          title: `${from === 'zamknieta' ? 'Wznowiono sprawę' : closing ? 'Zamknięto sprawę' : 'Zmiana statusu'}: ${caseStatuses[from].pl} → ${caseStatuses[t.to].pl}`,
          body,
          authorId: a.userId,
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case',
          recordId: access.id,
          before: { status: from },
          after: { status: t.to, ...(closing ? { closureReason: t.closureReason } : {}) },
          details: t.reason ? { reason: t.reason } : undefined,
        });
      });
      const after = await requireCase(request, db, a, access.id);
      return presentCase(db, a, after);
    },
  );
};
