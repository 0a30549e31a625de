import type { Breakdown, LearnerSex } from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

/**
 * The two staff counts of the training platform (docs/trainings.md, "Rules"), read the same way by
 * the indicator metrics (`staff.supported`, `staff.qualifications_raised`), the regional map
 * (`staff_trained`) and the organiser's statistics, as the records stood at the end of a day:
 *
 * - **supported** — a learner with a confirmed registration who, by that day, was present at a
 *   session (held on or before it) or started a lesson (Warsaw calendar day) of the training;
 * - **raised qualifications** — a learner with a final test passed (taken on or before the day) or
 *   a certificate issued on or before the day and not revoked by then.
 *
 * Persons are counted once: a learner with an account is one person across the learner records of
 * their institutions (the user), one without an account is their learner record.
 */
export type StaffCount = 'supported' | 'raised';

/** A learner counted, with what the breakdowns need (several rows of one person are possible). */
export interface StaffLearner {
  learnerId: string;
  /** The person: the user for a learner with an account, the learner record otherwise. */
  person: string;
  sex: LearnerSex;
  institutionType: string;
  /** The TERYT of the learner's institution (2, 4 or 7 digits). */
  teryt: string;
}

const warsawDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Warsaw')::date`;

/** The condition over a registration `r` of a training `t`: supported by the end of `asOf`. */
export function supportedOn(asOf: string): SQL {
  return sql`r.status = 'potwierdzona' and (
      exists (select 1 from training_attendance a join training_sessions s on s.id = a.session_id
              where a.registration_id = r.id and a.present and s.held_on <= ${asOf}::date)
      or exists (select 1 from training_lesson_progress p join training_lessons ls on ls.id = p.lesson_id
                 where p.learner_id = r.learner_id and ls.training_id = t.id
                   and ${warsawDay(sql`p.started_at`)} <= ${asOf}::date))`;
}

/** The condition over a registration `r`: qualifications raised by the end of `asOf`. */
export function raisedOn(asOf: string): SQL {
  return sql`(
      exists (select 1 from training_test_attempts ta
              where ta.registration_id = r.id and ta.kind = 'koncowy' and ta.passed and ta.taken_on <= ${asOf}::date)
      or exists (select 1 from training_certificates c
                 where c.registration_id = r.id and c.issued_on <= ${asOf}::date
                   and (c.revoked_on is null or c.revoked_on > ${asOf}::date)))`;
}

/**
 * The learners counted as of a day in the trainings matching `trainings` (a condition over `t`),
 * optionally narrowed by `where` (over the learner `l` and their institution `i`).
 */
export async function staffLearners(
  db: DbOrTx,
  o: { count: StaffCount; asOf: string; trainings: SQL; where?: SQL },
): Promise<StaffLearner[]> {
  const condition = o.count === 'supported' ? supportedOn(o.asOf) : raisedOn(o.asOf);
  return queryRows<StaffLearner>(
    db,
    sql`select distinct l.id as "learnerId", coalesce(l.user_id, l.id)::text as person, l.sex,
          i.type as "institutionType", i.teryt
        from training_registrations r
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        join training_learners l on l.id = r.learner_id
        join institutions i on i.id = l.institution_id
        where ${o.trainings} and ${condition} ${o.where ? sql`and ${o.where}` : sql``}`,
  );
}

/** The distinct persons among the rows. */
export function personsOf(rows: readonly StaffLearner[]): Set<string> {
  return new Set(rows.map((r) => r.person));
}

/** Distinct persons and their gender breakdown (`plec`: k, m, n), as a metric returns them. */
export function countWithGender(rows: readonly StaffLearner[]): { value: number; breakdown: Breakdown } {
  const sexOf = new Map<string, LearnerSex>();
  for (const r of rows) if (!sexOf.has(r.person)) sexOf.set(r.person, r.sex);
  const plec: Record<string, number> = {};
  for (const sex of sexOf.values()) plec[sex] = (plec[sex] ?? 0) + 1;
  return { value: sexOf.size, breakdown: sexOf.size ? { plec } : {} };
}
