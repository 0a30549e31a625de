import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of certificates and e-learning lessons (docs/trainings.md). The demo trainer
 * organises at their active institution (a ROPS). "own" is a published e-learning training of it
 * with an access period running, a lesson with a file, and pracownik.bochnia (MOPS Bochnia, whose
 * heads are kierownik.bochnia and admin.bochnia) confirmed in it; "other" is, for certificates, an
 * OPS Andrychów learner's registration in that training (only the organiser sees it) and, for
 * lessons, a draft of OPS Andrychów (invisible: 404 to everyone here).
 */
interface Fixture {
  trainingId: string;
  lessonId: string;
  registrationId: string;
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let fixtures: Promise<Record<'own' | 'other', Fixture>> | undefined;
let seq = 0;

/** The trainer's active institution (they organise at ROPS Kraków and ROPS Kielce). */
async function trainersInstitution(): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`select institution_id as id from sessions where user_id = ${uid('trener')} order by created_at desc limit 1`,
  );
  return row?.id as string;
}

async function training(organiser: string | null, status: string): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`insert into trainings (organiser_institution_id, title, form, topic, target_staff, hours, status)
        values (${organiser ? await institutionId(organiser) : await trainersInstitution()},
          ${`E-learning macierzy ${organiser ?? 'trenera'}`}, 'e_learning', 'Kooperacja',
          '{pracownicy_socjalni}', 4, ${status}) returning id`,
  );
  return row?.id as string;
}

/** A lesson of a kind; `withFile` attaches a small PDF (a file lesson). */
async function lesson(
  trainingId: string,
  kind: 'tekst' | 'plik' = 'tekst',
  withFile = false,
): Promise<string> {
  seq += 1;
  let documentId: string | null = null;
  if (withFile) {
    const [doc] = await q<{ id: string }>(
      sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
          select organiser_institution_id, 'material.pdf', 'application/pdf', ${PDF.length},
            encode(sha256(decode(${PDF.toString('hex')}, 'hex')), 'hex'), decode(${PDF.toString('hex')}, 'hex'),
            ${uid('trener')}
          from trainings where id = ${trainingId} returning id`,
    );
    documentId = doc?.id ?? null;
  }
  const [row] = await q<{ id: string }>(
    sql`insert into training_lessons (training_id, title, kind, body, document_id, position)
        values (${trainingId}, ${`Lekcja macierzy ${seq}`}, ${kind}, 'Treść lekcji', ${documentId}, ${seq}) returning id`,
  );
  return row?.id as string;
}

async function learner(institution: string, user: string | null): Promise<string> {
  seq += 1;
  const inst = await institutionId(institution);
  const [row] = await q<{ id: string }>(
    user
      ? sql`insert into training_learners (user_id, institution_id, first_name, last_name, email, sex)
            select id, ${inst}, first_name, last_name, email, 'k' from users where id = ${uid(user)}
            on conflict (user_id, institution_id) where user_id is not null do update set updated_at = now()
            returning id`
      : sql`insert into training_learners (institution_id, first_name, last_name, sex)
            values (${inst}, 'Ewa', ${`Słuchaczka ${seq}`}, 'k') returning id`,
  );
  return row?.id as string;
}

function fixture(c: Ctx): Promise<Fixture> {
  fixtures ??= (async () => {
    const own = await training(null, 'opublikowane');
    const [edition] = await q<{ id: string }>(
      sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, capacity, requires_approval)
          values (${own}, 'Dostęp do kursu', current_date - 1, current_date + 30, 'online', 100, false) returning id`,
    );
    const register = async (learnerId: string) => {
      const [r] = await q<{ id: string }>(
        sql`insert into training_registrations (edition_id, learner_id, status, registered_by)
            values (${edition?.id}, ${learnerId}, 'potwierdzona', ${uid('trener')}) returning id`,
      );
      return r?.id as string;
    };
    const other = await training('OPS Andrychów', 'szkic');
    return {
      own: {
        trainingId: own,
        lessonId: await lesson(own, 'plik', true),
        registrationId: await register(await learner('MOPS Bochnia', 'pracownik.bochnia')),
      },
      other: {
        trainingId: other,
        lessonId: await lesson(other, 'plik', true),
        registrationId: await register(await learner('OPS Andrychów', null)),
      },
    };
  })();
  return fixtures.then((f) => f[c.rel]);
}

/** A valid certificate of the registration (issued again if a case revoked it). */
async function withCertificate(registrationId: string): Promise<string> {
  seq += 1;
  await q(
    sql`insert into training_certificates (registration_id, code, issued_on)
        values (${registrationId}, ${`MTRX-${String(seq).padStart(4, '0')}-${registrationId.slice(0, 4).toUpperCase()}`}, current_date)
        on conflict (registration_id) do update set revoked_on = null, revoked_reason = null, revoked_by = null`,
  );
  return registrationId;
}

/** The learner (pracownik.bochnia), the heads of MOPS Bochnia and the organiser see a registration. */
const seesOwnRegistration = (c: Ctx) =>
  ['pracownik_socjalny', 'kierownik', 'administrator_instytucji', 'trener'].includes(c.role);
const onRegistration = (ok: number) => (c: Ctx) =>
  c.rel === 'own' ? (seesOwnRegistration(c) ? ok : 404) : c.role === 'trener' ? ok : 404;
/** The learner (pracownik.bochnia) and the organiser follow the own training's lessons. */
const followsLessons = (ok: number) => (c: Ctx) =>
  c.rel === 'own' && ['pracownik_socjalny', 'trener'].includes(c.role) ? ok : 404;
const own = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);

const lessonPayload = { title: 'Lekcja z macierzy', kind: 'tekst', body: 'Treść', position: 0 };

export const trainingCertificateCases: Record<string, Case> = {
  'POST /api/trainings/registrations/:registrationId/certificate': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${(await fixture(c)).registrationId}/certificate`,
    }),
    // Only the organiser holds trainings.manage, and sees both registrations of their training.
    expect: () => 200,
  },
  'POST /api/trainings/registrations/:registrationId/certificate/revoke': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${await withCertificate((await fixture(c)).registrationId)}/certificate/revoke`,
      payload: { reason: 'Wydane omyłkowo' },
    }),
    expect: () => 200,
  },
  'GET /api/trainings/registrations/:registrationId/certificate.pdf': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${await withCertificate((await fixture(c)).registrationId)}/certificate.pdf`,
    }),
    expect: onRegistration(200),
  },
  'GET /api/trainings/:trainingId/lessons': {
    relations: both,
    request: async (c) => ({ url: `/api/trainings/${(await fixture(c)).trainingId}/lessons` }),
    expect: followsLessons(200),
  },
  'GET /api/trainings/:trainingId/lessons/:lessonId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return { url: `/api/trainings/${f.trainingId}/lessons/${f.lessonId}` };
    },
    expect: followsLessons(200),
  },
  'GET /api/trainings/:trainingId/lessons/:lessonId/file': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return { url: `/api/trainings/${f.trainingId}/lessons/${f.lessonId}/file` };
    },
    expect: followsLessons(200),
  },
  'POST /api/trainings/:trainingId/lessons/:lessonId/complete': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return { url: `/api/trainings/${f.trainingId}/lessons/${f.lessonId}/complete` };
    },
    // The learner completes; the organiser sees the lessons but is not a learner (403).
    expect: (c) => (c.rel === 'own' && c.role === 'trener' ? 403 : followsLessons(200)(c)),
  },
  'POST /api/trainings/:trainingId/lessons': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/${(await fixture(c)).trainingId}/lessons`,
      payload: lessonPayload,
    }),
    expect: own(201),
  },
  'PUT /api/trainings/:trainingId/lessons/:lessonId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: `/api/trainings/${f.trainingId}/lessons/${await lesson(f.trainingId)}`,
        payload: { lesson: lessonPayload, version: 1 },
      };
    },
    expect: own(200),
  },
  'DELETE /api/trainings/:trainingId/lessons/:lessonId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return { url: `/api/trainings/${f.trainingId}/lessons/${await lesson(f.trainingId)}?version=1` };
    },
    expect: own(204),
  },
  'PUT /api/trainings/:trainingId/lessons/:lessonId/file': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: `/api/trainings/${f.trainingId}/lessons/${await lesson(f.trainingId, 'plik')}/file?filename=material.pdf&version=1`,
        payload: PDF,
      };
    },
    expect: own(200),
  },
};
