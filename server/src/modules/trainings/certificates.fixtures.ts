import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

/**
 * Training fixtures written straight to the database, for the integration tests of certificates,
 * lessons and reminders (independent of the catalogue and registration routes).
 */
async function one<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  if (!row) throw new Error('fixture insert returned nothing');
  return row;
}

export async function institutionByShortName(db: DbOrTx, shortName: string): Promise<string> {
  return (await one<{ id: string }>(db, sql`select id from institutions where short_name = ${shortName}`)).id;
}

export async function userByLocal(db: DbOrTx, local: string): Promise<string> {
  return (
    await one<{ id: string }>(db, sql`select id from users where email = ${`${local}@demo.kooperacja.pl`}`)
  ).id;
}

export async function insertTraining(
  db: DbOrTx,
  opts: {
    organiser: string;
    title: string;
    form?: string;
    status?: string;
    projectId?: string | null;
    issuesCertificate?: boolean;
    minAttendancePercent?: number;
    hours?: number;
    trainers?: string[];
  },
): Promise<string> {
  const organiser = await institutionByShortName(db, opts.organiser);
  return (
    await one<{ id: string }>(
      db,
      sql`insert into trainings (organiser_institution_id, title, form, topic, target_staff, hours, trainers, project_id,
            issues_certificate, min_attendance_percent, status)
          values (${organiser}, ${opts.title}, ${opts.form ?? 'szkolenie'}, 'Kooperacja', '{pracownicy_socjalni}',
            ${opts.hours ?? 16}, ${sql.param(opts.trainers ?? [])}::text[], ${opts.projectId ?? null},
            ${opts.issuesCertificate ?? true}, ${opts.minAttendancePercent ?? 80}, ${opts.status ?? 'opublikowane'})
          returning id`,
    )
  ).id;
}

export async function insertEdition(
  db: DbOrTx,
  trainingId: string,
  opts: { startsOn: string; endsOn: string; sessions?: string[]; status?: string; name?: string },
): Promise<{ id: string; sessionIds: string[] }> {
  const { id } = await one<{ id: string }>(
    db,
    sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, place, capacity, requires_approval, status)
        values (${trainingId}, ${opts.name ?? 'Edycja testowa'}, ${opts.startsOn}, ${opts.endsOn}, 'stacjonarna', 'Kielce',
          30, true, ${opts.status ?? 'planowana'})
        returning id`,
  );
  const sessionIds: string[] = [];
  for (const on of opts.sessions ?? [])
    sessionIds.push(
      (
        await one<{ id: string }>(
          db,
          sql`insert into training_sessions (edition_id, held_on, starts_at, ends_at)
              values (${id}, ${on}, '09:00', '15:00') returning id`,
        )
      ).id,
    );
  return { id, sessionIds };
}

/** A learner: linked to a demo user (their name), or someone without an account. */
export async function insertLearner(
  db: DbOrTx,
  opts: { institution: string; user?: string; firstName?: string; lastName?: string },
): Promise<string> {
  const institutionId = await institutionByShortName(db, opts.institution);
  if (opts.user)
    return (
      await one<{ id: string }>(
        db,
        sql`insert into training_learners (user_id, institution_id, first_name, last_name, email, sex)
            select id, ${institutionId}, first_name, last_name, email, 'k' from users where id = ${await userByLocal(db, opts.user)}
            on conflict (user_id, institution_id) where user_id is not null do update set updated_at = now()
            returning id`,
      )
    ).id;
  return (
    await one<{ id: string }>(
      db,
      sql`insert into training_learners (institution_id, first_name, last_name, sex)
          values (${institutionId}, ${opts.firstName ?? 'Ewa'}, ${opts.lastName ?? 'Bezkontowa'}, 'k') returning id`,
    )
  ).id;
}

export async function insertRegistration(
  db: DbOrTx,
  opts: { editionId: string; learnerId: string; status?: string; registeredBy: string; daysAgo?: number },
): Promise<string> {
  return (
    await one<{ id: string }>(
      db,
      sql`insert into training_registrations (edition_id, learner_id, status, registered_by, registered_at)
          values (${opts.editionId}, ${opts.learnerId}, ${opts.status ?? 'potwierdzona'}, ${opts.registeredBy},
            now() - make_interval(days => ${opts.daysAgo ?? 0}))
          returning id`,
    )
  ).id;
}

export async function markPresent(db: DbOrTx, registrationId: string, sessionIds: string[]): Promise<void> {
  for (const sessionId of sessionIds)
    await db.execute(
      sql`insert into training_attendance (session_id, registration_id, present) values (${sessionId}, ${registrationId}, true)`,
    );
}

/** A final test (after the training) taken on paper with the given result. */
export async function insertFinalTest(
  db: DbOrTx,
  registrationId: string,
  opts: { percent: number; passed: boolean; takenOn: string },
): Promise<void> {
  await db.execute(
    sql`insert into training_test_attempts (registration_id, kind, percent, passed, taken_on, on_paper)
        values (${registrationId}, 'koncowy', ${opts.percent}, ${opts.passed}, ${opts.takenOn}, true)`,
  );
}

export async function insertQuestion(db: DbOrTx, trainingId: string): Promise<void> {
  await db.execute(
    sql`insert into training_questions (training_id, kind, text, options)
        values (${trainingId}, 'jednokrotny', 'Kto koordynuje zespół zadaniowy?', ${JSON.stringify([
          { id: '00000000-0000-4000-8000-0000000000a1', text: 'Pracownik socjalny', correct: true },
          { id: '00000000-0000-4000-8000-0000000000a2', text: 'Nikt', correct: false },
        ])}::jsonb)`,
  );
}

export interface CertificateState {
  code: string;
  issuedOn: string;
  revokedOn: string | null;
}

export async function certificateOfRegistration(
  db: DbOrTx,
  registrationId: string,
): Promise<CertificateState | undefined> {
  const [row] = await queryRows<CertificateState>(
    db,
    sql`select code, issued_on::text as "issuedOn", revoked_on::text as "revokedOn"
        from training_certificates where registration_id = ${registrationId}`,
  );
  return row;
}

/** Makes an institution of the user's memberships the session's active one (the trainer has two). */
export async function actAs(
  db: DbOrTx,
  session: {
    inject(opts: { method: 'POST'; url: string; payload: object }): Promise<{ statusCode: number }>;
  },
  shortName: string,
): Promise<void> {
  const res = await session.inject({
    method: 'POST',
    url: '/api/auth/institution',
    payload: { institutionId: await institutionByShortName(db, shortName) },
  });
  if (res.statusCode !== 200) throw new Error(`switching to ${shortName}: ${res.statusCode}`);
}
