import { REMINDER_DAYS_BEFORE } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';
import { addDays, warsawToday } from '../modules/cases/tasks.js';
import { notify } from '../modules/notifications/notify.js';

/** Days a self-registration may wait for the head's approval before the heads are reminded (daily). */
export const APPROVAL_REMINDER_AFTER_DAYS = 3;

/** A training's title as a notification parameter: short, whole words where possible. */
export function shortTitle(title: string, max = 80): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
}

export interface TrainingReminderResult {
  /** Editions whose confirmed learners were reminded in this run. */
  editions: number;
  /** Learners notified of an edition about to start. */
  reminded: number;
  /** Registrations still waiting for approval whose heads were reminded. */
  pending: number;
  /** Heads notified of them. */
  notified: number;
}

/**
 * Reminders of the training platform (docs/trainings.md), with the hourly jobs:
 *
 * - a planned edition of a published training that starts within {@link REMINDER_DAYS_BEFORE} days
 *   (and has not started): every confirmed learner with an account gets `training.reminder` (the
 *   training's title, the start date, a link to the registration), once — the edition's
 *   `reminded_on` is set in the same transaction, and the dedupe key is the registration;
 * - a self-registration that has waited for approval more than {@link APPROVAL_REMINDER_AFTER_DAYS}
 *   days, in an edition not over yet: the heads of the learner's institution get
 *   `training.approvalPending` again, once a day.
 */
export async function runTrainingRemindersOnce(
  db: DbOrTx,
  now = new Date(),
): Promise<TrainingReminderResult> {
  const today = warsawToday(now);
  const result: TrainingReminderResult = { editions: 0, reminded: 0, pending: 0, notified: 0 };

  const editions = await queryRows<{ id: string; title: string; startsOn: string }>(
    db,
    sql`select e.id, t.title, e.starts_on::text as "startsOn"
        from training_editions e join trainings t on t.id = e.training_id
        where e.status = 'planowana' and t.status = 'opublikowane' and e.reminded_on is null
          and e.starts_on > ${today}::date and e.starts_on <= ${addDays(today, REMINDER_DAYS_BEFORE)}::date
        order by e.starts_on, e.id`,
  );
  for (const e of editions) {
    const reminded = await db.transaction(async (tx) => {
      // Claims the edition: a run repeated at the same time finds it already reminded.
      const [claimed] = await queryRows<{ id: string }>(
        tx,
        sql`update training_editions set reminded_on = ${today} where id = ${e.id} and reminded_on is null returning id`,
      );
      if (!claimed) return null;
      const learners = await queryRows<{ registrationId: string; userId: string; institutionId: string }>(
        tx,
        sql`select r.id as "registrationId", l.user_id as "userId", l.institution_id as "institutionId"
            from training_registrations r join training_learners l on l.id = r.learner_id
            where r.edition_id = ${e.id} and r.status = 'potwierdzona' and l.user_id is not null
            order by r.id`,
      );
      let sent = 0;
      for (const l of learners) {
        const out = await notify(tx, {
          kind: 'training.reminder',
          userIds: [l.userId],
          institutionId: l.institutionId,
          params: { training: shortTitle(e.title), due: e.startsOn },
          link: `/szkolenia/zapisy/${l.registrationId}`,
          dedupeKey: `training.reminder:${l.registrationId}`,
        });
        sent += out.userIds.length;
      }
      return sent;
    });
    if (reminded === null) continue;
    result.editions++;
    result.reminded += reminded;
  }

  const pending = await queryRows<{ id: string; title: string; institutionId: string }>(
    db,
    sql`select r.id, t.title, l.institution_id as "institutionId"
        from training_registrations r
        join training_learners l on l.id = r.learner_id
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        where r.status = 'do_akceptacji' and e.status = 'planowana' and t.status = 'opublikowane'
          and e.ends_on >= ${today}::date
          and r.registered_at < ${now.toISOString()}::timestamptz - make_interval(days => ${APPROVAL_REMINDER_AFTER_DAYS})
        order by r.registered_at, r.id`,
  );
  for (const r of pending) {
    const out = await db.transaction((tx) =>
      notify(tx, {
        kind: 'training.approvalPending',
        institutionId: r.institutionId,
        params: { training: shortTitle(r.title) },
        link: '/szkolenia?karta=akceptacja',
        dedupeKey: `training.approvalPending:${r.id}:${today}`,
      }),
    );
    result.pending++;
    result.notified += out.userIds.length;
  }
  return result;
}
