import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of the training platform (docs/trainings.md). The demo trainer organises at
 * their active institution (a ROPS). "own" is a published training of it with an edition
 * held yesterday, in which pracownik.bochnia (MOPS Bochnia, whose heads are kierownik.bochnia and
 * admin.bochnia) is registered; "other" is a draft of OPS Andrychów — invisible (404) to everyone
 * here — and, for registrations, a learner of OPS Andrychów in the own training (only the organiser
 * sees it). Writes that change a registration's status get a fresh registration on each call.
 */
interface Fixture {
  trainingId: string;
  editionId: string;
  sessionId: string;
  /** pracownik.bochnia's confirmed registration (own) or an Andrychów learner's (other). */
  registrationId: string;
  /** Another confirmed registration of the same learner, in a second edition (for handing in tests). */
  testRegistrationId: string;
}

let fixtures: Promise<Record<'own' | 'other', Fixture>> | undefined;
let seq = 0;

const yesterday = sql`(current_date - 1)`;

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
          ${`Szkolenie macierzy ${organiser ?? 'trenera'}`}, 'szkolenie', 'Kooperacja',
          '{pracownicy_socjalni}', 8, ${status}) returning id`,
  );
  await q(
    sql`insert into training_questions (training_id, kind, text, options)
        values (${row?.id}, 'jednokrotny', 'Pytanie', ${JSON.stringify([
          { id: '00000000-0000-4000-8000-000000000001', text: 'Tak', correct: true },
          { id: '00000000-0000-4000-8000-000000000002', text: 'Nie', correct: false },
        ])}::jsonb)`,
  );
  return row?.id as string;
}

async function edition(
  trainingId: string,
  opts: { past?: boolean } = {},
): Promise<{ id: string; sessionId: string }> {
  seq += 1;
  const [e] = await q<{ id: string }>(
    opts.past
      ? sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, place, capacity, requires_approval)
            values (${trainingId}, ${`Edycja ${seq}`}, ${yesterday}, current_date + 1, 'stacjonarna', 'Kraków', 100, false) returning id`
      : sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, place, capacity, requires_approval)
            values (${trainingId}, ${`Edycja ${seq}`}, current_date + 30, current_date + 31, 'stacjonarna', 'Kraków', 100, true) returning id`,
  );
  const [s] = await q<{ id: string }>(
    sql`insert into training_sessions (edition_id, held_on, starts_at, ends_at)
        values (${e?.id}, ${opts.past ? yesterday : sql`current_date + 30`}, '09:00', '15:00') returning id`,
  );
  return { id: e?.id as string, sessionId: s?.id as string };
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
            values (${inst}, 'Ewa', ${`Uczestniczka ${seq}`}, 'k') returning id`,
  );
  return row?.id as string;
}

async function registration(editionId: string, learnerId: string, status: string): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`insert into training_registrations (edition_id, learner_id, status, registered_by)
        values (${editionId}, ${learnerId}, ${status}, ${uid('trener')}) returning id`,
  );
  return row?.id as string;
}

function fixture(c: Ctx): Promise<Fixture> {
  fixtures ??= (async () => {
    const own = await training(null, 'opublikowane');
    const ownEdition = await edition(own, { past: true });
    const ownTestEdition = await edition(own, { past: true });
    const worker = await learner('MOPS Bochnia', 'pracownik.bochnia');
    const other = await training('OPS Andrychów', 'szkic');
    const otherEdition = await edition(other, { past: true });
    const andrychow = await learner('OPS Andrychów', null);
    return {
      own: {
        trainingId: own,
        editionId: ownEdition.id,
        sessionId: ownEdition.sessionId,
        registrationId: await registration(ownEdition.id, worker, 'potwierdzona'),
        testRegistrationId: await registration(ownTestEdition.id, worker, 'potwierdzona'),
      },
      other: {
        trainingId: other,
        editionId: otherEdition.id,
        sessionId: otherEdition.sessionId,
        registrationId: await registration(ownEdition.id, andrychow, 'potwierdzona'),
        testRegistrationId: await registration(otherEdition.id, andrychow, 'potwierdzona'),
      },
    };
  })();
  return fixtures.then((f) => f[c.rel]);
}

/**
 * A new registration in a new edition of the own training, for a status change: of pracownik.bochnia
 * (own) or of an OPS Andrychów learner (other: only the organiser sees it).
 */
async function freshRegistration(c: Ctx, status: string): Promise<string> {
  const e = await edition((await fixture({ ...c, rel: 'own' })).trainingId, { past: true });
  const who =
    c.rel === 'own'
      ? await learner('MOPS Bochnia', 'pracownik.bochnia')
      : await learner('OPS Andrychów', null);
  return registration(e.id, who, status);
}

async function versionOf(table: 'trainings' | 'training_editions' | 'training_questions', id: string) {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

async function question(trainingId: string): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`insert into training_questions (training_id, kind, text, options)
        values (${trainingId}, 'wielokrotny', 'Pytanie do zmiany', ${JSON.stringify([
          { id: '00000000-0000-4000-8000-000000000003', text: 'A', correct: true },
          { id: '00000000-0000-4000-8000-000000000004', text: 'B', correct: false },
        ])}::jsonb) returning id`,
  );
  return row?.id as string;
}

const own = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);
/** The learner (pracownik.bochnia), the heads of MOPS Bochnia and the organiser see a registration. */
const seesOwnRegistration = (c: Ctx) =>
  ['pracownik_socjalny', 'kierownik', 'administrator_instytucji', 'trener'].includes(c.role);
const onRegistration = (ok: number) => (c: Ctx) =>
  c.rel === 'own' ? (seesOwnRegistration(c) ? ok : 404) : c.role === 'trener' ? ok : 404;
/** Only the learner takes a test: the head and the organiser see it but are refused. */
const learnerOnly = (ok: number) => (c: Ctx) =>
  c.rel === 'own' ? (c.role === 'pracownik_socjalny' ? ok : seesOwnRegistration(c) ? 403 : 404) : 404;

const trainingPayload = {
  title: 'Szkolenie z macierzy',
  form: 'szkolenie',
  topic: 'Kooperacja',
  targetStaff: ['pracownicy_socjalni'],
  hours: 8,
  status: 'opublikowane',
};
const editionPayload = {
  name: 'Edycja z macierzy',
  startsOn: '2030-05-10',
  endsOn: '2030-05-10',
  mode: 'online',
  onlineUrl: 'https://spotkania.example.org/abc',
  capacity: 20,
  sessions: [{ on: '2030-05-10', startsAt: '09:00', endsAt: '12:00' }],
};
const questionPayload = {
  kind: 'jednokrotny',
  text: 'Kto prowadzi zespół zadaniowy?',
  options: [
    { text: 'Pracownik socjalny', correct: true },
    { text: 'Policja', correct: false },
  ],
};

export const trainingsCases: Record<string, Case> = {
  'GET /api/trainings': { request: () => ({ url: '/api/trainings' }), expect: () => 200 },
  'POST /api/trainings': {
    request: () => ({ url: '/api/trainings', payload: trainingPayload }),
    expect: () => 201,
  },
  'GET /api/trainings/financing-projects': {
    request: () => ({ url: '/api/trainings/financing-projects' }),
    expect: () => 200,
  },
  'GET /api/trainings/employees': { request: () => ({ url: '/api/trainings/employees' }), expect: () => 200 },
  'GET /api/trainings/me': { request: () => ({ url: '/api/trainings/me' }), expect: () => 200 },
  'GET /api/trainings/approvals': { request: () => ({ url: '/api/trainings/approvals' }), expect: () => 200 },
  'GET /api/trainings/:trainingId': {
    relations: both,
    request: async (c) => ({ url: `/api/trainings/${(await fixture(c)).trainingId}` }),
    expect: own(200),
  },
  'PUT /api/trainings/:trainingId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: `/api/trainings/${f.trainingId}`,
        payload: {
          training: {
            ...trainingPayload,
            title: `Szkolenie macierzy ${c.rel === 'own' ? 'ROPS Kraków' : 'OPS Andrychów'}`,
          },
          version: await versionOf('trainings', f.trainingId),
        },
      };
    },
    expect: own(200),
  },
  'POST /api/trainings/:trainingId/editions': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/${(await fixture(c)).trainingId}/editions`,
      payload: editionPayload,
    }),
    expect: own(201),
  },
  'PUT /api/trainings/:trainingId/editions/:editionId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const e = await edition(f.trainingId);
      return {
        url: `/api/trainings/${f.trainingId}/editions/${e.id}`,
        payload: { edition: editionPayload, version: await versionOf('training_editions', e.id) },
      };
    },
    expect: own(200),
  },
  'GET /api/trainings/:trainingId/editions/:editionId/registrations': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return { url: `/api/trainings/${f.trainingId}/editions/${f.editionId}/registrations` };
    },
    expect: own(200),
  },
  'POST /api/trainings/:trainingId/editions/:editionId/registrations': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const e = await edition(f.trainingId);
      await q(sql`update training_editions set requires_approval = false where id = ${e.id}`);
      return {
        url: `/api/trainings/${f.trainingId}/editions/${e.id}/registrations`,
        payload: { kind: 'self', sex: 'm' },
      };
    },
    expect: own(201),
  },
  'PUT /api/trainings/:trainingId/editions/:editionId/attendance': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: `/api/trainings/${f.trainingId}/editions/${f.editionId}/attendance`,
        payload: { sessionId: f.sessionId, marks: [] },
      };
    },
    expect: own(200),
  },
  'GET /api/trainings/registrations/:registrationId': {
    relations: both,
    request: async (c) => ({ url: `/api/trainings/registrations/${(await fixture(c)).registrationId}` }),
    expect: onRegistration(200),
  },
  'POST /api/trainings/registrations/:registrationId/decision': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${await freshRegistration(c, 'do_akceptacji')}/decision`,
      payload: { decision: 'akceptuj', version: 1 },
    }),
    // Only heads hold trainings.approve; they decide for their own institution's employees.
    expect: own(200),
  },
  'POST /api/trainings/registrations/:registrationId/withdraw': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${await freshRegistration(c, 'potwierdzona')}/withdraw`,
      payload: { version: 1 },
    }),
    expect: onRegistration(200),
  },
  'GET /api/trainings/registrations/:registrationId/tests/:kind': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${(await fixture(c)).registrationId}/tests/wstepny`,
    }),
    // The other registration is an Andrychów learner's in the trainer's training: they see it, 403.
    expect: (c) => (c.rel === 'other' && c.role === 'trener' ? 403 : learnerOnly(200)(c)),
  },
  'POST /api/trainings/registrations/:registrationId/tests/:kind': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${(await fixture(c)).testRegistrationId}/tests/koncowy`,
      payload: { answers: {} },
    }),
    expect: learnerOnly(200),
  },
  'POST /api/trainings/registrations/:registrationId/paper-tests': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/registrations/${await freshRegistration(c, 'potwierdzona')}/paper-tests`,
      payload: { kind: 'wstepny', percent: 40, takenOn: '2026-01-10' },
    }),
    // The organiser sees both registrations (the other one is an Andrychów learner in their training).
    expect: () => 200,
  },
  'GET /api/trainings/:trainingId/questions': {
    relations: both,
    request: async (c) => ({ url: `/api/trainings/${(await fixture(c)).trainingId}/questions` }),
    expect: own(200),
  },
  'POST /api/trainings/:trainingId/questions': {
    relations: both,
    request: async (c) => ({
      url: `/api/trainings/${(await fixture(c)).trainingId}/questions`,
      payload: questionPayload,
    }),
    expect: own(201),
  },
  'PUT /api/trainings/:trainingId/questions/:questionId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const id = await question(f.trainingId);
      return {
        url: `/api/trainings/${f.trainingId}/questions/${id}`,
        payload: { question: questionPayload, version: await versionOf('training_questions', id) },
      };
    },
    expect: own(200),
  },
  'DELETE /api/trainings/:trainingId/questions/:questionId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const id = await question(f.trainingId);
      return { url: `/api/trainings/${f.trainingId}/questions/${id}?version=1` };
    },
    expect: own(204),
  },
};
