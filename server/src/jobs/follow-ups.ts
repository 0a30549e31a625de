import { FOLLOW_UP_NOTICE_DAYS } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';
import { addDays, warsawToday } from '../modules/cases/tasks.js';
import { notify } from '../modules/notifications/notify.js';

/**
 * Reminders of the six-month follow-up (the EECR04–06 results are measured then): when, in a project,
 * a participant's follow-up comes within the notice period ({@link FOLLOW_UP_NOTICE_DAYS} days ahead)
 * or falls due today, the project team (`project_team`, coordinators and members) gets one
 * `participant.followUpDue` notification for the project that day. It names the project number and
 * how many follow-ups are to do (due within the notice period or overdue), never a participant, and
 * links to the project's participants filtered to those follow-ups.
 *
 * Runs with the hourly reminders; the dedupe key (project and day) notifies each member once a day.
 */
export interface FollowUpReminderResult {
  projects: number;
  notified: number;
}

export async function runFollowUpRemindersOnce(
  db: DbOrTx,
  now = new Date(),
): Promise<FollowUpReminderResult> {
  const today = warsawToday(now);
  const ahead = addDays(today, FOLLOW_UP_NOTICE_DAYS);
  const projects = await queryRows<{ id: string; number: string; leader: string; toDo: number; due: string }>(
    db,
    sql`select pr.id, pr.number, pr.leader_institution_id as leader,
               count(*)::int as "toDo", to_char(min(pa.follow_up_due_on), 'YYYY-MM-DD') as due
        from participants pa join projects pr on pr.id = pa.project_id
        where pa.left_on is not null and pa.follow_up_on is null and pa.follow_up_due_on <= ${ahead}::date
        group by pr.id
        having bool_or(pa.follow_up_due_on in (${ahead}::date, ${today}::date))
        order by pr.number`,
  );
  const result: FollowUpReminderResult = { projects: 0, notified: 0 };
  for (const p of projects) {
    const team = await queryRows<{ userId: string }>(
      db,
      sql`select user_id as "userId" from project_team where project_id = ${p.id} order by user_id`,
    );
    if (!team.length) continue;
    const sent = await db.transaction((tx) =>
      notify(tx, {
        kind: 'participant.followUpDue',
        userIds: team.map((m) => m.userId),
        institutionId: p.leader,
        params: { project: p.number, count: p.toDo, due: p.due },
        link: `/projekty/${p.id}?karta=uczestnicy&pomiar=1`,
        dedupeKey: `participant.followUpDue:${p.id}:${today}`,
      }),
    );
    result.projects++;
    result.notified += sent.userIds.length;
  }
  return result;
}
