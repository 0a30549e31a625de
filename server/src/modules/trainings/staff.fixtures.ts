/**
 * Fixtures of the staff-count tests (the metrics `staff.*`, the map measure `staff_trained`, the
 * organiser's statistics), written straight to the database: trainings, editions with sessions,
 * learners, registrations, attendance, final tests, certificates and lesson progress — so that a test
 * does not depend on the demo or on the routes that make these records.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

async function id(db: DbOrTx, query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, query);
  if (!row) throw new Error('fixture query returned nothing');
  return row.id;
}

export const staffFixtures = (db: DbOrTx, registeredBy: string) => ({
  training: (o: { organiser: string; projectId?: string | null; title?: string }) =>
    id(
      db,
      sql`insert into trainings (organiser_institution_id, title, form, topic, target_staff, hours, project_id, status)
          values (${o.organiser}, ${o.title ?? `Szkolenie testowe ${randomUUID().slice(0, 6)}`}, 'szkolenie', 'Kooperacja',
            '{pracownicy_socjalni}', 8, ${o.projectId ?? null}, 'opublikowane')
          returning id`,
    ),

  /** An edition with a session on each of `days` (none: an e-learning edition). Returns the session ids too. */
  async edition(trainingId: string, days: string[], range?: [string, string]) {
    const [from, to] = range ?? [days[0] as string, days.at(-1) as string];
    const editionId = await id(
      db,
      sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, place, capacity, requires_approval)
          values (${trainingId}, ${`Edycja ${randomUUID().slice(0, 6)}`}, ${from}, ${to}, 'stacjonarna', 'Kielce', 100, false)
          returning id`,
    );
    const sessions: string[] = [];
    for (const day of days)
      sessions.push(
        await id(
          db,
          sql`insert into training_sessions (edition_id, held_on, starts_at, ends_at)
              values (${editionId}, ${day}, '09:00', '15:00') returning id`,
        ),
      );
    return { id: editionId, sessions };
  },

  learner: (o: { institution: string; sex?: 'k' | 'm' | 'n'; userId?: string }) =>
    id(
      db,
      sql`insert into training_learners (user_id, institution_id, first_name, last_name, sex)
          values (${o.userId ?? null}, ${o.institution}, 'Ewa', ${`Testowa ${randomUUID().slice(0, 6)}`}, ${o.sex ?? 'k'})
          returning id`,
    ),

  register: (editionId: string, learnerId: string, status = 'potwierdzona') =>
    id(
      db,
      sql`insert into training_registrations (edition_id, learner_id, status, registered_by)
          values (${editionId}, ${learnerId}, ${status}, ${registeredBy}) returning id`,
    ),

  mark: (sessionId: string, registrationId: string, present = true) =>
    db.execute(
      sql`insert into training_attendance (session_id, registration_id, present)
          values (${sessionId}, ${registrationId}, ${present})`,
    ),

  test: (registrationId: string, o: { kind?: 'wstepny' | 'koncowy'; passed: boolean; on: string }) =>
    db.execute(
      sql`insert into training_test_attempts (registration_id, kind, percent, passed, taken_on, on_paper)
          values (${registrationId}, ${o.kind ?? 'koncowy'}, ${o.passed ? 90 : 40}, ${o.passed}, ${o.on}, true)`,
    ),

  certificate: (registrationId: string, o: { issuedOn: string; revokedOn?: string }) =>
    db.execute(
      sql`insert into training_certificates (registration_id, code, issued_on, revoked_on, revoked_reason)
          values (${registrationId}, ${randomUUID()}, ${o.issuedOn}, ${o.revokedOn ?? null},
            ${o.revokedOn ? 'Wydany omyłkowo' : null})`,
    ),

  lesson: (trainingId: string) =>
    id(
      db,
      sql`insert into training_lessons (training_id, title, kind, body, position)
          values (${trainingId}, 'Lekcja', 'tekst', 'Treść', 0) returning id`,
    ),

  /** A lesson started at an instant (an ISO time with its offset). */
  started: (lessonId: string, learnerId: string, at: string) =>
    db.execute(
      sql`insert into training_lesson_progress (lesson_id, learner_id, started_at)
          values (${lessonId}, ${learnerId}, ${at}::timestamptz)`,
    ),
});
