import type { ShareScope } from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { outOfScope } from '../identity/scope.js';

/**
 * Need-to-know for the client dimension (DOMAIN.md §6): a worker sees the cases of their active
 * institution that they lead or co-work, a supervisor (`cases.supervise`) all cases of the
 * institution. Nobody else sees a case: it answers 404. Later capabilities (case teams, referrals)
 * widen this through shares, in this file only.
 */
export type CaseRelation = 'lead' | 'coworker' | 'supervisor';

export interface CaseAccess {
  id: string;
  institutionId: string;
  leadWorkerId: string;
  status: string;
  version: number;
  relation: CaseRelation;
}

/** Whether the actor supervises the cases of their active institution. */
export const supervises = (a: Actor) => a.permissions.has('cases.supervise');
export const writesCases = (a: Actor) => a.permissions.has('cases.write');

/** SQL condition over an alias of `cases`: the case is in the actor's scope. */
export function caseInScope(a: Actor, alias = 'c'): SQL {
  const c = sql.raw(alias);
  if (!a.institutionId || !a.permissions.has('cases.read')) return sql`false`;
  if (supervises(a)) return sql`${c}.institution_id = ${a.institutionId}`;
  return sql`(${c}.institution_id = ${a.institutionId} and (${c}.lead_worker_id = ${a.userId} or exists (select 1 from case_workers cw where cw.case_id = ${c}.id and cw.user_id = ${a.userId})))`;
}

/**
 * The ids of the cases in the actor's scope as a subquery, written so that the indexes on the lead
 * worker and on case workers are used (lists and search start from it instead of scanning the
 * institution).
 */
export function scopedCaseIds(a: Actor): SQL {
  if (!a.institutionId || !a.permissions.has('cases.read')) return sql`select null::uuid where false`;
  if (supervises(a)) return sql`select id from cases where institution_id = ${a.institutionId}`;
  return sql`select id from cases where lead_worker_id = ${a.userId} and institution_id = ${a.institutionId}
    union select cw.case_id from case_workers cw join cases c2 on c2.id = cw.case_id
      where cw.user_id = ${a.userId} and c2.institution_id = ${a.institutionId}`;
}

/**
 * The ids of the persons a worker (not a supervisor) may see, as a subquery: subjects of cases in
 * scope, members of households whose case is in scope, and the worker's own fresh registrations.
 */
export function scopedPersonIds(a: Actor): SQL {
  return sql`select c.person_id from cases c where c.id in (${scopedCaseIds(a)}) and c.person_id is not null
    union select hm.person_id from cases c join household_members hm on hm.household_id = c.household_id
      where c.id in (${scopedCaseIds(a)})
    union select id from persons where created_by = ${a.userId} and institution_id = ${a.institutionId}`;
}

/**
 * SQL condition over an alias of `persons`: the person is connected to a case in scope (as its
 * subject or as a member of its household), or is a fresh registration of this actor not yet in any
 * case. A supervisor sees the whole registry of the institution.
 */
export function personInScope(a: Actor, alias = 'p'): SQL {
  const p = sql.raw(alias);
  if (!a.institutionId || !a.permissions.has('persons.read')) return sql`false`;
  const base = sql`${p}.institution_id = ${a.institutionId} and ${p}.merged_into is null`;
  if (supervises(a)) return base;
  return sql`(${base} and (
    ${p}.created_by = ${a.userId}
    or exists (select 1 from cases c where c.person_id = ${p}.id and ${caseInScope(a, 'c')})
    or exists (select 1 from household_members hm join cases c on c.household_id = hm.household_id
               where hm.person_id = ${p}.id and ${caseInScope(a, 'c')})))`;
}

/**
 * SQL condition over an alias of `households`: its own case is in scope, or a member's case is (the
 * family context of a person's case), or the actor registered it.
 */
export function householdInScope(a: Actor, alias = 'h'): SQL {
  const h = sql.raw(alias);
  if (!a.institutionId || !a.permissions.has('persons.read')) return sql`false`;
  const base = sql`${h}.institution_id = ${a.institutionId}`;
  if (supervises(a)) return base;
  return sql`(${base} and (
    ${h}.created_by = ${a.userId}
    or exists (select 1 from cases c where c.household_id = ${h}.id and ${caseInScope(a, 'c')})
    or exists (select 1 from household_members hm join cases c on c.person_id = hm.person_id
               where hm.household_id = ${h}.id and ${caseInScope(a, 'c')})))`;
}

/** The actor's relation to a case, or null when it is outside their scope (or does not exist). */
export async function caseAccess(db: DbOrTx, a: Actor, caseId: string): Promise<CaseAccess | null> {
  const [row] = await queryRows<Omit<CaseAccess, 'relation'> & { coworker: boolean }>(
    db,
    sql`select c.id, c.institution_id as "institutionId", c.lead_worker_id as "leadWorkerId", c.status, c.version,
          exists (select 1 from case_workers cw where cw.case_id = c.id and cw.user_id = ${a.userId}) as coworker
        from cases c where c.id = ${caseId} and ${caseInScope(a, 'c')}`,
  );
  if (!row) return null;
  const { coworker, ...rest } = row;
  const relation: CaseRelation =
    row.leadWorkerId === a.userId ? 'lead' : coworker ? 'coworker' : 'supervisor';
  return { ...rest, relation };
}

/**
 * The case in scope, or: log the attempt and answer 404 (a case that does not exist and a case of
 * someone else look the same).
 */
export async function requireCase(request: FastifyRequest, db: DbOrTx, a: Actor, caseId: string) {
  const access = await caseAccess(db, a, caseId);
  if (!access) return outOfScope(request, 'case', caseId);
  return access;
}

/** A change to a case needs `cases.write` on top of the scope; a closed case is read-only. */
export function requireWritable(a: Actor, c: CaseAccess, opts: { allowClosed?: boolean } = {}) {
  if (!writesCases(a)) throw new AppError('forbidden', 'auth.forbidden');
  if (c.status === 'zamknieta' && !opts.allowClosed) throw new AppError('conflict', 'case.closedReadOnly');
}

/** What the actor may do with a case in scope. */
export function caseAbilities(a: Actor, c: Pick<CaseAccess, 'relation' | 'status'>) {
  const write = writesCases(a);
  return {
    update: write && c.status !== 'zamknieta',
    assignWorkers:
      write && (c.relation === 'lead' || c.relation === 'supervisor') && c.status !== 'zamknieta',
    transition: write && (c.status !== 'zamknieta' || supervises(a)),
    readSensitive: true,
  };
}

/** Sensitive timeline entries: the author, the lead worker and supervisors. */
export function sensitiveEntriesVisible(a: Actor, alias = 't', caseAlias = 'c'): SQL {
  const t = sql.raw(alias);
  const c = sql.raw(caseAlias);
  if (supervises(a)) return sql`true`;
  return sql`(not ${t}.sensitive or ${t}.author_id = ${a.userId} or ${c}.lead_worker_id = ${a.userId})`;
}

/**
 * A system entry on the case timeline (status change, diagnosis, plan event), in the caller's
 * transaction. It is dated when it is written, and after any entry this transaction already wrote
 * for the case (`created_at` is the transaction's `now()`): several entries of one change ("plan
 * created", then "plan signed and active") keep their order on the timeline even when the clock
 * does not move between them (PGlite's has millisecond resolution).
 */
export async function addSystemEntry(
  tx: DbOrTx,
  e: {
    caseId: string;
    kind: 'status' | 'diagnoza' | 'plan' | 'wspolpraca';
    title: string;
    body?: string | null;
    authorId: string;
  },
): Promise<void> {
  await tx.execute(
    sql`insert into timeline_entries (case_id, kind, occurred_at, title, body, author_id)
        values (${e.caseId}, ${e.kind},
                greatest(clock_timestamp(), (select max(t.occurred_at) + interval '1 microsecond' from timeline_entries t
                                             where t.case_id = ${e.caseId} and t.occurred_at >= now() and t.created_at = now())),
                ${e.title}, ${e.body ?? null}, ${e.authorId})`,
  );
}

/** Marks the case as changed (updated_at) when one of its parts changes. */
export async function touchCase(tx: DbOrTx, caseId: string): Promise<void> {
  await tx.execute(sql`update cases set updated_at = now() where id = ${caseId}`);
}

// ————— Shares: what a partner institution sees (case teams and referrals) —————

/** Today in Poland as a SQL date: shares start and end on calendar days of the institutions. */
export const warsawTodaySql = sql`(now() at time zone 'Europe/Warsaw')::date`;

/**
 * SQL condition: the basis of a share (alias of `case_team_members` or `referrals`, consents joined
 * as `k` through `consent_id`) holds today — a legal provision, or a consent given to this recipient
 * that is neither withdrawn nor expired.
 */
export function basisHolds(alias: string, recipientColumn: string): SQL {
  const s = sql.raw(alias);
  return sql`(${s}.basis = 'przepis' or exists (
      select 1 from consents k where k.id = ${s}.consent_id and k.recipient_institution_id = ${sql.raw(recipientColumn)}
        and ${consentInForce}))`;
}

/** SQL condition over `consents k`: given, not withdrawn and not expired today. */
export const consentInForce = sql`(k.withdrawn_on is null and k.given_on <= ${warsawTodaySql}
  and (k.valid_until is null or k.valid_until >= ${warsawTodaySql}))`;

/** SQL condition over `case_team_members m`: the membership shares data with its institution today. */
export const teamShareActive = sql`(m.status = 'aktywny' and m.starts_on <= ${warsawTodaySql}
  and (m.ends_on is null or m.ends_on >= ${warsawTodaySql}) and ${basisHolds('m', 'm.institution_id')})`;

/** SQL condition over `referrals r`: the receiving institution works on it and its basis holds. */
export const referralShareActive = sql`(r.status in ('przyjete', 'w_realizacji') and ${basisHolds('r', 'r.to_institution_id')})`;

export interface CaseShare {
  caseId: string;
  ownerInstitutionId: string;
  leadWorkerId: string;
  status: string;
  scopes: Set<ShareScope>;
  via: Array<{ kind: 'team' | 'referral'; id: string; until: string | null }>;
}

/**
 * What of a case the actor sees as a partner: the union of the scopes of their active team
 * memberships (as the named member) and of the referrals assigned to them, while each lasts and
 * its basis holds. Null when nothing is shared with them — the case is then 404 for them.
 */
export async function caseShare(db: DbOrTx, a: Actor, caseId: string): Promise<CaseShare | null> {
  if (!a.institutionId || !a.permissions.has('referrals.handle')) return null;
  const rows = await queryRows<{
    kind: 'team' | 'referral';
    id: string;
    scopes: ShareScope[];
    until: string | null;
    ownerInstitutionId: string;
    leadWorkerId: string;
    status: string;
  }>(
    db,
    sql`select s.kind, s.id, s.scopes, s.until, c.institution_id as "ownerInstitutionId",
          c.lead_worker_id as "leadWorkerId", c.status
        from (
          select 'team' as kind, m.id, m.scopes, m.ends_on::text as until, m.case_id from case_team_members m
            where m.case_id = ${caseId} and m.institution_id = ${a.institutionId} and m.user_id = ${a.userId}
              and ${teamShareActive}
          union all
          select 'referral', r.id, r.scopes, null, r.case_id from referrals r
            where r.case_id = ${caseId} and r.to_institution_id = ${a.institutionId} and r.assigned_user_id = ${a.userId}
              and ${referralShareActive}
        ) s join cases c on c.id = s.case_id`,
  );
  const first = rows[0];
  if (!first) return null;
  return {
    caseId,
    ownerInstitutionId: first.ownerInstitutionId,
    leadWorkerId: first.leadWorkerId,
    status: first.status,
    scopes: new Set(rows.flatMap((r) => r.scopes)),
    via: rows.map((r) => ({ kind: r.kind, id: r.id, until: r.until })),
  };
}

/** The share, or an audited 404. */
export async function requireShare(request: FastifyRequest, db: DbOrTx, a: Actor, caseId: string) {
  const share = await caseShare(db, a, caseId);
  if (!share) return outOfScope(request, 'case', caseId);
  return share;
}

/** The ids of the cases shared with the actor now (as a subquery). */
export function sharedCaseIds(a: Actor): SQL {
  if (!a.institutionId || !a.permissions.has('referrals.handle')) return sql`select null::uuid where false`;
  return sql`select m.case_id from case_team_members m
      where m.institution_id = ${a.institutionId} and m.user_id = ${a.userId} and ${teamShareActive}
    union select r.case_id from referrals r
      where r.to_institution_id = ${a.institutionId} and r.assigned_user_id = ${a.userId} and ${referralShareActive}`;
}
