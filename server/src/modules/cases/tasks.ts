import {
  INTERVIEW_DEADLINE_DAYS,
  type Language,
  type PlanType,
  planTypes,
  type Task,
  type TaskList,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { warsawToday } from '../../lib/dates.js';
import { caseInScope } from './access.js';

/**
 * "Moje zadania": tasks are derived from the case records, never stored, so they cannot drift from
 * the plan they come from.
 *
 * - a plan action with a deadline, not done (`wykonane`) nor given up (`niewykonane`), in a plan that
 *   is a draft or active, of an open case;
 * - a review date of an active plan of an open case; a review date in the past stays as overdue for
 *   {@link REVIEW_OVERDUE_DAYS} days and then drops off (reviews are not recorded as done, so an old
 *   date would otherwise stay red for ever);
 * - the diagnosis (RWŚ) of a case still in `zgloszenie` without any diagnosis: due
 *   {@link INTERVIEW_DEADLINE_DAYS} days after the case was opened.
 *
 * "My" tasks are those of the cases the actor leads or co-works in their active institution, and the
 * actions the actor is named responsible for in a case in their scope. For one case (`caseId`, checked
 * for scope by the caller) they are all the tasks of that case. Dates are compared in Europe/Warsaw:
 * overdue before today, today, this week (the next 7 days), later (up to {@link TASK_HORIZON_DAYS}
 * days); anything further is not listed.
 */
export const REVIEW_OVERDUE_DAYS = 14;
export const TASK_HORIZON_DAYS = 60;
export const WEEK_DAYS = 7;

export { warsawToday };

/** A calendar date plus (or minus) whole days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface TaskRow {
  kind: Task['kind'];
  due: string;
  caseId: string;
  caseNumber: string;
  subjectName: string;
  planId: string | null;
  actionId: string | null;
  description: string | null;
  planType: string | null;
  planTitle: string | null;
}

const titles = {
  review: {
    pl: (plan: string) => `Przegląd planu: ${plan}`,
    en: (plan: string) => `Plan review: ${plan}`,
  },
  diagnosis: {
    pl: `Diagnoza i rodzinny wywiad środowiskowy (${INTERVIEW_DEADLINE_DAYS} dni od zgłoszenia)`,
    en: `Diagnosis and family community interview (${INTERVIEW_DEADLINE_DAYS} days from intake)`,
  },
};

function present(r: TaskRow, today: string, lang: Language): Task {
  const key =
    r.kind === 'action'
      ? `action:${r.actionId}`
      : r.kind === 'review'
        ? `review:${r.planId}:${r.due}`
        : `diagnosis:${r.caseId}`;
  const planName = r.planTitle ?? planTypes[r.planType as PlanType]?.[lang] ?? r.planType ?? '';
  const title =
    r.kind === 'action'
      ? (r.description ?? '')
      : r.kind === 'review'
        ? titles.review[lang](planName)
        : titles.diagnosis[lang];
  return {
    key,
    kind: r.kind,
    title,
    due: r.due,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    subjectName: r.subjectName,
    planId: r.planId,
    actionId: r.actionId,
    overdue: r.due < today,
  };
}

const subjectName = sql`coalesce(h.name, pe.first_name || ' ' || pe.last_name, '')`;
const caseColumns = sql`c.id as "caseId", c.number as "caseNumber", ${subjectName} as "subjectName"`;
const subjectJoins = sql`left join persons pe on pe.id = c.person_id left join households h on h.id = c.household_id`;

/** The cases the actor leads or co-works in the active institution (ids, index-friendly). */
function myCaseIds(a: Actor): SQL {
  return sql`select id from cases where lead_worker_id = ${a.userId} and institution_id = ${a.institutionId}
    union select cw.case_id from case_workers cw join cases c2 on c2.id = cw.case_id
      where cw.user_id = ${a.userId} and c2.institution_id = ${a.institutionId}`;
}

export interface TaskQuery {
  /** One case's tasks (the caller checked the case is in scope); otherwise the actor's own. */
  caseId?: string;
  /** Today in Europe/Warsaw (tests pass a fixed date). */
  today?: string;
  lang?: Language;
}

/** All tasks of the actor (or of one case) due up to the horizon, sorted by due date. */
export async function loadTasks(db: DbOrTx, actor: Actor, q: TaskQuery = {}): Promise<Task[]> {
  const today = q.today ?? warsawToday();
  const lang = q.lang ?? 'pl';
  if (!actor.institutionId || !actor.permissions.has('cases.read')) return [];
  const horizon = addDays(today, TASK_HORIZON_DAYS);
  const reviewsFrom = addDays(today, -REVIEW_OVERDUE_DAYS);
  const mine = q.caseId ? sql`c.id = ${q.caseId}` : sql`c.id in (${myCaseIds(actor)})`;

  const actionSelect = (where: SQL) => sql`
    select 'action' as kind, to_char(pa.deadline, 'YYYY-MM-DD') as due, ${caseColumns},
           pa.plan_id as "planId", pa.id as "actionId", pa.description,
           null::text as "planType", null::text as "planTitle"
    from plan_actions pa
    join plans p on p.id = pa.plan_id
    join cases c on c.id = p.case_id
    ${subjectJoins}
    where pa.status not in ('wykonane', 'niewykonane') and pa.deadline is not null
      and pa.deadline <= ${horizon}::date
      and p.status in ('projekt', 'aktywny') and c.status <> 'zamknieta'
      and ${where}`;
  // Actions of my cases, and actions I am named responsible for in a case in my scope (a supervisor
  // named on a worker's case; partners once shares widen the scope). A responsible user who cannot
  // open the case sees nothing of it: the task would show a name they have no need to know.
  const actions = q.caseId
    ? actionSelect(mine)
    : sql`${actionSelect(mine)} union ${actionSelect(
        sql`pa.responsible_user_id = ${actor.userId} and ${caseInScope(actor, 'c')}`,
      )}`;

  const reviews = sql`
    select 'review' as kind, to_char(r.d, 'YYYY-MM-DD') as due, ${caseColumns},
           p.id as "planId", null::uuid as "actionId", null::text as description,
           p.type as "planType", p.title as "planTitle"
    from plans p
    cross join lateral unnest(p.review_dates) as r(d)
    join cases c on c.id = p.case_id
    ${subjectJoins}
    where p.status = 'aktywny' and c.status <> 'zamknieta'
      and r.d between ${reviewsFrom}::date and ${horizon}::date
      and ${mine}`;

  const diagnosis = sql`
    select 'diagnosis' as kind, to_char(c.opened_on + ${INTERVIEW_DEADLINE_DAYS}::int, 'YYYY-MM-DD') as due,
           ${caseColumns}, null::uuid as "planId", null::uuid as "actionId", null::text as description,
           null::text as "planType", null::text as "planTitle"
    from cases c
    ${subjectJoins}
    where c.status = 'zgloszenie'
      and not exists (select 1 from diagnoses d where d.case_id = c.id)
      and c.opened_on + ${INTERVIEW_DEADLINE_DAYS}::int <= ${horizon}::date
      and ${mine}`;

  const rows = await queryRows<TaskRow>(
    db,
    sql`select * from (${actions} union all ${reviews} union all ${diagnosis}) tasks
        order by due, "caseNumber", kind, "planId", "actionId"`,
  );
  return rows.map((r) => present(r, today, lang));
}

/** Sorts tasks into overdue / today / this week / later. */
export function bucketTasks(tasks: Task[], today = warsawToday()): TaskList {
  const weekEnd = addDays(today, WEEK_DAYS);
  const list: TaskList = { overdue: [], today: [], week: [], later: [] };
  for (const t of tasks) {
    if (t.due < today) list.overdue.push(t);
    else if (t.due === today) list.today.push(t);
    else if (t.due <= weekEnd) list.week.push(t);
    else list.later.push(t);
  }
  return list;
}
