import type { NotificationParams } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';
import { addDays, warsawToday } from '../modules/cases/tasks.js';
import { notify } from '../modules/notifications/notify.js';

/**
 * Deadline reminders: `action.dueTomorrow` the day before a deadline and `action.overdue` once the
 * deadline has passed, to the person responsible for a plan action (`plan_actions.responsible_user_id`,
 * not done nor given up, in a draft or active plan of an open case) or for an open meeting action item
 * (`meeting_action_items.owner_user_id`, not done). Dates are calendar dates in Europe/Warsaw.
 *
 * Idempotent: each reminder has a dedupe key per item and deadline (`notifications_dedupe_uq`), so
 * running twice — a retry, two instances, an hourly schedule — notifies once. A deadline moved later
 * gets a new reminder. Overdue items older than {@link OVERDUE_LOOKBACK_DAYS} days are not reported
 * (the first run on an old database would otherwise flood the bell).
 */
export const OVERDUE_LOOKBACK_DAYS = 30;

interface DueRow {
  source: 'plan' | 'meeting';
  id: string;
  due: string;
  userId: string;
  institutionId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  planId: string | null;
  partnershipId: string | null;
  meetingTitle: string | null;
  /** The owner of the item works in the case's own institution (not a team partner). */
  ownCase: boolean;
}

export interface ReminderResult {
  dueTomorrow: number;
  overdue: number;
}

export async function runRemindersOnce(db: DbOrTx, now = new Date()): Promise<ReminderResult> {
  const today = warsawToday(now);
  const tomorrow = addDays(today, 1);
  const oldest = addDays(today, -OVERDUE_LOOKBACK_DAYS);
  const rows = await queryRows<DueRow>(
    db,
    sql`select 'plan' as source, pa.id, to_char(pa.deadline, 'YYYY-MM-DD') as due,
               pa.responsible_user_id as "userId", c.institution_id as "institutionId",
               c.id as "caseId", c.number as "caseNumber", p.id as "planId",
               null::uuid as "partnershipId", null::text as "meetingTitle", true as "ownCase"
        from plan_actions pa
        join plans p on p.id = pa.plan_id
        join cases c on c.id = p.case_id
        where pa.responsible_user_id is not null and pa.deadline is not null
          and pa.status not in ('wykonane', 'niewykonane')
          and p.status in ('projekt', 'aktywny') and c.status <> 'zamknieta'
          and (pa.deadline = ${tomorrow}::date or pa.deadline between ${oldest}::date and ${today}::date - 1)
        union all
        select 'meeting', ai.id, to_char(ai.due_on, 'YYYY-MM-DD'),
               ai.owner_user_id, ai.owner_institution_id,
               m.case_id, c.number, null::uuid,
               m.partnership_id, m.title, coalesce(c.institution_id = ai.owner_institution_id, false)
        from meeting_action_items ai
        join meetings m on m.id = ai.meeting_id
        left join cases c on c.id = m.case_id
        where ai.owner_user_id is not null and ai.due_on is not null and ai.done_on is null
          and (c.id is null or c.status <> 'zamknieta')
          and (ai.due_on = ${tomorrow}::date or ai.due_on between ${oldest}::date and ${today}::date - 1)
        order by 3, 1, 2`,
  );
  const result: ReminderResult = { dueTomorrow: 0, overdue: 0 };
  for (const r of rows) {
    const kind = r.due === tomorrow ? 'action.dueTomorrow' : 'action.overdue';
    const link =
      r.source === 'plan'
        ? `/sprawy/${r.caseId}?zakladka=plany&plan=${r.planId}`
        : r.caseId
          ? // a partner institution's member reaches the case through its shared view only
            r.ownCase
            ? `/sprawy/${r.caseId}`
            : `/wspolpraca/${r.caseId}`
          : `/partnerstwa/${r.partnershipId}`;
    // A plan action names only its case number; a meeting item its meeting's title (partnership
    // meetings) — never the action's text, which may describe the client's situation.
    const params: NotificationParams =
      r.source === 'plan'
        ? { source: 'plan', due: r.due, case: r.caseNumber }
        : { source: 'meeting', due: r.due, case: r.caseNumber, meeting: r.caseId ? null : r.meetingTitle };
    const sent = await db.transaction((tx) =>
      notify(tx, {
        kind,
        userIds: [r.userId],
        institutionId: r.institutionId,
        params,
        link,
        dedupeKey: `${kind}:${r.source}:${r.id}:${r.due}`,
      }),
    );
    if (sent.userIds.length) result[kind === 'action.dueTomorrow' ? 'dueTomorrow' : 'overdue']++;
  }
  return result;
}
