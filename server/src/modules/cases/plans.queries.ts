import { randomUUID } from 'node:crypto';
import {
  type ActionStatus,
  type Plan,
  type PlanCreate,
  type PlanStatus,
  planStatuses,
  planTypes,
} from '@kooperacja/domain';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { institutions, planActions, planGoals, users } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';

/** A plan as validated from a request body (defaults applied, empty texts as null). */
export type PlanData = z.output<typeof PlanCreate>;
export type PlanBody = Omit<Plan, 'abilities'>;

/** Today in Poland, as YYYY-MM-DD (deadlines are calendar dates of the institution). */
export const todayWarsaw = warsawToday;

export const isOverdue = (deadline: string | null, status: string, today: string) =>
  deadline !== null && deadline < today && status !== 'wykonane' && status !== 'niewykonane';

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

interface PlanRow {
  id: string;
  caseId: string;
  type: Plan['type'];
  variant: Plan['variant'];
  title: string | null;
  assessment: string | null;
  startDate: string;
  endDate: string;
  reviewDates: string[] | string | null;
  status: Plan['status'];
  workerSignedOn: string | null;
  clientSignedOn: string | null;
  signedScanId: string | null;
  version: number;
  createdAt: unknown;
  updatedAt: unknown;
}
interface GoalRow {
  id: string;
  planId: string;
  description: string;
}
interface ActionRow {
  id: string;
  planId: string;
  goalId: string;
  description: string;
  party: 'instytucja' | 'klient';
  institutionId: string | null;
  institutionName: string | null;
  responsiblePerson: string | null;
  responsibleUserId: string | null;
  deadline: string | null;
  status: ActionStatus;
  completedOn: string | null;
}

/** A PostgreSQL text[] literal, should a driver hand one over unparsed. */
function textArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v;
  if (!v || v === '{}') return [];
  return v.replace(/^\{|\}$/g, '').split(',');
}

/**
 * The plans matching a condition over the alias `p` of `plans`, with goals and actions in their
 * order. One query per level, whatever the number of plans.
 */
export async function loadPlans(db: DbOrTx, where: SQL, today = todayWarsaw()): Promise<PlanBody[]> {
  const plans = await queryRows<PlanRow>(
    db,
    sql`select p.id, p.case_id as "caseId", p.type, p.variant, p.title, p.assessment,
          p.start_date::text as "startDate", p.end_date::text as "endDate",
          p.review_dates::text[] as "reviewDates", p.status,
          p.worker_signed_on::text as "workerSignedOn", p.client_signed_on::text as "clientSignedOn",
          p.signed_scan_id as "signedScanId", p.version, p.created_at as "createdAt", p.updated_at as "updatedAt"
        from plans p where ${where}
        order by p.start_date desc, p.created_at desc, p.id`,
  );
  if (!plans.length) return [];
  const [goals, actions] = await Promise.all([
    queryRows<GoalRow>(
      db,
      sql`select g.id, g.plan_id as "planId", g.description
          from plan_goals g join plans p on p.id = g.plan_id
          where ${where} order by g.plan_id, g.position, g.id`,
    ),
    queryRows<ActionRow>(
      db,
      sql`select a.id, a.plan_id as "planId", a.goal_id as "goalId", a.description, a.party,
            a.responsible_institution_id as "institutionId", i.name as "institutionName",
            a.responsible_person as "responsiblePerson", a.responsible_user_id as "responsibleUserId",
            a.deadline::text as deadline, a.status, a.completed_on::text as "completedOn"
          from plan_actions a join plans p on p.id = a.plan_id
            left join institutions i on i.id = a.responsible_institution_id
          where ${where} order by a.goal_id, a.position, a.id`,
    ),
  ]);
  const actionsOf = new Map<string, ActionRow[]>();
  for (const a of actions) {
    const list = actionsOf.get(a.goalId) ?? [];
    list.push(a);
    actionsOf.set(a.goalId, list);
  }
  const goalsOf = new Map<string, GoalRow[]>();
  for (const g of goals) {
    const list = goalsOf.get(g.planId) ?? [];
    list.push(g);
    goalsOf.set(g.planId, list);
  }
  return plans.map((p) => ({
    id: p.id,
    caseId: p.caseId,
    type: p.type,
    variant: p.variant,
    title: p.title,
    assessment: p.assessment,
    startDate: p.startDate,
    endDate: p.endDate,
    reviewDates: textArray(p.reviewDates),
    status: p.status,
    goals: (goalsOf.get(p.id) ?? []).map((g) => ({
      id: g.id,
      description: g.description,
      actions: (actionsOf.get(g.id) ?? []).map((a) => ({
        id: a.id,
        description: a.description,
        party: a.party,
        responsibleInstitution: a.institutionId
          ? { id: a.institutionId, name: a.institutionName ?? '' }
          : null,
        responsiblePerson: a.responsiblePerson,
        responsibleUserId: a.responsibleUserId,
        deadline: a.deadline,
        status: a.status,
        completedOn: a.completedOn,
        overdue: isOverdue(a.deadline, a.status, today),
      })),
    })),
    workerSignedOn: p.workerSignedOn,
    clientSignedOn: p.clientSignedOn,
    signedScanId: p.signedScanId,
    version: p.version,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  }));
}

export async function loadPlan(db: DbOrTx, caseId: string, planId: string): Promise<PlanBody | undefined> {
  const [plan] = await loadPlans(db, sql`p.id = ${planId} and p.case_id = ${caseId}`);
  return plan;
}

/** What a version keeps: the plan as saved, without what is computed when it is read. */
export function snapshotOf(plan: PlanBody): Record<string, unknown> {
  const { id, caseId, createdAt, updatedAt, ...rest } = plan;
  return {
    ...rest,
    goals: plan.goals.map((g) => ({
      ...g,
      actions: g.actions.map(({ overdue, ...a }) => a),
    })),
  };
}

/** The values an audit entry compares. */
export function auditableOf(plan: PlanBody | null): Record<string, unknown> | null {
  if (!plan) return null;
  const { version, updatedAt, ...rest } = snapshotOf(plan) as Record<string, unknown>;
  return rest;
}

export async function writeVersion(tx: DbOrTx, plan: PlanBody, authorId: string): Promise<void> {
  await tx.execute(
    sql`insert into plan_versions (plan_id, version, snapshot, author_id)
        values (${plan.id}, ${plan.version}, ${JSON.stringify(snapshotOf(plan))}::jsonb, ${authorId})`,
  );
}

type FieldIssue = { field: string; code: string };
const validation = (fields: FieldIssue[]) =>
  new AppError('validation_failed', 'validation.summary', { count: fields.length }, fields);

/**
 * Checks what the schema cannot: responsible institutions and users exist, and ids sent for goals
 * and actions belong to the plan being changed (`before`), each once.
 */
export async function checkPlanReferences(tx: DbOrTx, input: PlanData, before?: PlanBody): Promise<void> {
  const issues: FieldIssue[] = [];
  const instIds = new Set<string>();
  const userIds = new Set<string>();
  for (const g of input.goals)
    for (const a of g.actions) {
      if (a.responsibleInstitutionId) instIds.add(a.responsibleInstitutionId);
      if (a.responsibleUserId) userIds.add(a.responsibleUserId);
    }
  const [foundInst, foundUsers] = await Promise.all([
    instIds.size
      ? tx
          .select({ id: institutions.id })
          .from(institutions)
          .where(inArray(institutions.id, [...instIds]))
      : [],
    userIds.size
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(inArray(users.id, [...userIds]))
      : [],
  ]);
  const instOk = new Set(foundInst.map((r) => r.id));
  const usersOk = new Set(foundUsers.map((r) => r.id));
  const goalIds = new Set(before?.goals.map((g) => g.id) ?? []);
  const actionIds = new Set(before?.goals.flatMap((g) => g.actions.map((a) => a.id)) ?? []);
  const seen = new Set<string>();
  input.goals.forEach((g, i) => {
    if (g.id && (!goalIds.has(g.id) || seen.has(g.id)))
      issues.push({ field: `goals.${i}.id`, code: 'plan.itemNotInPlan' });
    if (g.id) seen.add(g.id);
    g.actions.forEach((a, j) => {
      const at = `goals.${i}.actions.${j}`;
      if (a.id && (!actionIds.has(a.id) || seen.has(a.id)))
        issues.push({ field: `${at}.id`, code: 'plan.itemNotInPlan' });
      if (a.id) seen.add(a.id);
      if (a.responsibleInstitutionId && !instOk.has(a.responsibleInstitutionId))
        issues.push({ field: `${at}.responsibleInstitutionId`, code: 'plan.institutionUnknown' });
      if (a.responsibleUserId && !usersOk.has(a.responsibleUserId))
        issues.push({ field: `${at}.responsibleUserId`, code: 'plan.userUnknown' });
    });
  });
  if (issues.length) throw validation(issues);
}

/** When an action is done: kept from before while it stays done, today when it becomes done. */
export function completedOnFor(
  status: ActionStatus,
  before: { status: string; completedOn: string | null } | undefined,
  today: string,
) {
  if (status !== 'wykonane') return null;
  if (before?.status === 'wykonane' && before.completedOn) return before.completedOn;
  return today;
}

/**
 * Writes the goals and actions of a plan: items sent with an id are updated in place (only when
 * something changed), new ones inserted, and those no longer sent deleted.
 */
export async function saveGoals(
  tx: DbOrTx,
  planId: string,
  input: PlanData,
  before?: PlanBody,
): Promise<void> {
  const today = todayWarsaw();
  const oldGoals = new Map(before?.goals.map((g, i) => [g.id, { ...g, position: i }]) ?? []);
  const oldActions = new Map(
    before?.goals.flatMap((g) =>
      g.actions.map((a, j) => [a.id, { ...a, goalId: g.id, position: j }] as const),
    ) ?? [],
  );
  const newGoals: (typeof planGoals.$inferInsert)[] = [];
  const newActions: (typeof planActions.$inferInsert)[] = [];
  const keepGoals = new Set<string>();
  const keepActions = new Set<string>();

  for (const [i, g] of input.goals.entries()) {
    const goalId = g.id ?? randomUUID();
    const old = g.id ? oldGoals.get(g.id) : undefined;
    if (old) {
      keepGoals.add(goalId);
      if (old.description !== g.description || old.position !== i)
        await tx.execute(
          sql`update plan_goals set description = ${g.description}, position = ${i} where id = ${goalId}`,
        );
    } else newGoals.push({ id: goalId, planId, position: i, description: g.description });

    for (const [j, a] of g.actions.entries()) {
      const prev = a.id ? oldActions.get(a.id) : undefined;
      const row = {
        planId,
        goalId,
        position: j,
        description: a.description,
        party: a.party,
        responsibleInstitutionId: a.responsibleInstitutionId ?? null,
        responsiblePerson: a.responsiblePerson ?? null,
        responsibleUserId: a.responsibleUserId ?? null,
        deadline: a.deadline ?? null,
        status: a.status,
        completedOn: completedOnFor(a.status, prev, today),
      };
      if (!prev) {
        newActions.push({ id: randomUUID(), ...row });
        continue;
      }
      keepActions.add(prev.id);
      const same =
        prev.goalId === row.goalId &&
        prev.position === row.position &&
        prev.description === row.description &&
        prev.party === row.party &&
        (prev.responsibleInstitution?.id ?? null) === row.responsibleInstitutionId &&
        prev.responsiblePerson === row.responsiblePerson &&
        prev.responsibleUserId === row.responsibleUserId &&
        prev.deadline === row.deadline &&
        prev.status === row.status &&
        prev.completedOn === row.completedOn;
      if (!same)
        await tx.execute(
          sql`update plan_actions set goal_id = ${row.goalId}, position = ${row.position},
                description = ${row.description}, party = ${row.party},
                responsible_institution_id = ${row.responsibleInstitutionId},
                responsible_person = ${row.responsiblePerson}, responsible_user_id = ${row.responsibleUserId},
                deadline = ${row.deadline}, status = ${row.status}, completed_on = ${row.completedOn}
              where id = ${prev.id}`,
        );
    }
  }
  // New goals first: new and moved actions may point at them.
  if (newGoals.length) await tx.insert(planGoals).values(newGoals);
  if (newActions.length) await tx.insert(planActions).values(newActions);
  const dropActions = [...oldActions.keys()].filter((id) => !keepActions.has(id));
  const dropGoals = [...oldGoals.keys()].filter((id) => !keepGoals.has(id));
  if (dropActions.length) await tx.delete(planActions).where(inArray(planActions.id, dropActions));
  if (dropGoals.length) await tx.delete(planGoals).where(inArray(planGoals.id, dropGoals));
}

/** How a plan is named to people: its title, or the name of its type. */
export const planLabel = (p: { title: string | null; type: keyof typeof planTypes }) =>
  p.title ?? planTypes[p.type].pl;

/** The timeline title for a change of a plan's status, or null when it did not change. */
export function statusEventTitle(
  from: PlanStatus,
  to: PlanStatus,
  plan: { title: string | null; type: keyof typeof planTypes; clientSignedOn?: string | null },
): string | null {
  if (from === to) return null;
  const label = planLabel(plan);
  switch (to) {
    case 'aktywny':
      return plan.clientSignedOn ? `Plan podpisany i w realizacji: ${label}` : `Plan w realizacji: ${label}`;
    case 'zakonczony':
      return `Plan zakończony: ${label}`;
    case 'przerwany':
      return `Plan przerwany: ${label}`;
    default:
      return `Plan: ${label} — status „${planStatuses[to].pl}”`;
  }
}

export const actionEventTitle: Record<ActionStatus, string> = {
  wykonane: 'Działanie wykonane',
  niewykonane: 'Działanie niewykonane',
  w_toku: 'Działanie w toku',
  zaplanowane: 'Działanie ponownie zaplanowane',
};
