/**
 * The training platform through the API (docs/trainings.md): the catalogue and drafts, field errors,
 * registration with the head's approval, the capacity and the waiting list moving up, employees
 * registered by their head, scope (404) and permissions (403), the question bank, the tests before
 * and after with server-side scoring, attempts, attendance, the certificate issued when the final test
 * is passed, concurrency (409) and the audit of reads.
 */
import type {
  EditionOut,
  MyTrainings,
  Problem,
  TrainingQuestion as Question,
  Registration,
  RegistrationList,
  TestOutcome,
  TestSheet,
  Training,
  TrainingList,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { addDays } from '../cases/tasks.js';

let t: TestApp;
let db: DbOrTx;
let trainer: TestSession; // trener — organiser at ROPS Kraków (active) and ROPS Kielce
let worker: TestSession; // pracownik.bochnia — social worker, MOPS Bochnia
let worker2: TestSession; // pracownik2.bochnia — social worker, MOPS Bochnia
let head: TestSession; // kierownik.bochnia — head of MOPS Bochnia (trainings.approve)
let police: TestSession; // policja.bochnia — another institution, no approval right
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);
const today = warsawToday();

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [trainer, worker, worker2, head, police] = await Promise.all([
    login(t.app, 'trener'),
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
    login(t.app, 'policja.bochnia'),
  ]);
});

const call = async <T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) => {
  const res = await s.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
};

const trainingInput = (extra: Record<string, unknown> = {}) => ({
  title: 'Kooperacja w praktyce — warsztaty dwudniowe',
  form: 'warsztat',
  topic: 'Współpraca międzysektorowa',
  description: 'Model kooperacji: partnerstwa, zespoły zadaniowe, wspólny plan pomocy.',
  targetStaff: ['pracownicy_socjalni', 'kooperanci'],
  hours: 16,
  trainers: ['Anna Nowak'],
  passThreshold: 60,
  minAttendancePercent: 50,
  status: 'opublikowane',
  ...extra,
});

const editionInput = (extra: Record<string, unknown> = {}) => ({
  name: 'Edycja Kraków',
  startsOn: addDays(today, 10),
  endsOn: addDays(today, 11),
  mode: 'stacjonarna',
  place: 'ROPS Kraków, sala 12',
  capacity: 1,
  requiresApproval: true,
  sessions: [
    { on: addDays(today, 10), startsAt: '09:00', endsAt: '15:00', topic: 'Dzień 1' },
    { on: addDays(today, 11), startsAt: '09:00', endsAt: '15:00', topic: 'Dzień 2' },
  ],
  ...extra,
});

async function newTraining(extra: Record<string, unknown> = {}): Promise<Training> {
  const res = await call<Training>(trainer, 'POST', '/api/trainings', trainingInput(extra));
  expect(res.status).toBe(201);
  return res.body;
}
async function newEdition(trainingId: string, extra: Record<string, unknown> = {}): Promise<EditionOut> {
  const res = await call<EditionOut>(
    trainer,
    'POST',
    `/api/trainings/${trainingId}/editions`,
    editionInput(extra),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const registerSelf = (s: TestSession, trainingId: string, editionId: string) =>
  call<Registration & Partial<Pick<Problem, 'errors'>>>(
    s,
    'POST',
    `/api/trainings/${trainingId}/editions/${editionId}/registrations`,
    {
      kind: 'self',
      sex: 'k',
      position: 'Starszy pracownik socjalny',
    },
  );

describe('catalogue', () => {
  it('hides a draft from staff (404) and shows it once published', async () => {
    const draft = await newTraining({ status: 'szkic', title: 'Superwizja grupowa — szkic' });
    expect((await call(worker, 'GET', `/api/trainings/${draft.id}`)).status).toBe(404);
    const list = await call<TrainingList>(worker, 'GET', '/api/trainings?q=Superwizja%20grupowa%20szkic');
    expect(list.body.items.map((i) => i.id)).not.toContain(draft.id);
    const managed = await call<TrainingList>(trainer, 'GET', '/api/trainings?managed=true');
    expect(managed.body.items.map((i) => i.id)).toContain(draft.id);

    const published = await call<Training>(trainer, 'PUT', `/api/trainings/${draft.id}`, {
      training: trainingInput({ title: 'Superwizja grupowa — szkic', status: 'opublikowane' }),
      version: draft.version,
    });
    expect(published.status).toBe(200);
    expect((await call<Training>(worker, 'GET', `/api/trainings/${draft.id}`)).body.abilities.manage).toBe(
      false,
    ); // Search: any order, any case, without diacritics.
    const found = await call<TrainingList>(worker, 'GET', '/api/trainings?q=grupowa%20SUPERWIZJA%20szkic');
    expect(found.body.items.map((i) => i.id)).toContain(draft.id);
    const polish = await call<TrainingList>(worker, 'GET', '/api/trainings?q=wspolpraca%20miedzysektorowa');
    expect(polish.body.items.map((i) => i.id)).toContain(draft.id);
  });

  it('refuses a stale version with 409', async () => {
    const tr = await newTraining();
    const first = await call(trainer, 'PUT', `/api/trainings/${tr.id}`, {
      training: trainingInput(),
      version: 1,
    });
    expect(first.status).toBe(200);
    const stale = await call(trainer, 'PUT', `/api/trainings/${tr.id}`, {
      training: trainingInput(),
      version: 1,
    });
    expect(stale.status).toBe(409);
  });

  it('explains bad input field by field, in Polish', async () => {
    const bad = await call<Problem>(
      trainer,
      'POST',
      '/api/trainings',
      trainingInput({ hours: 7.25, targetStaff: [] }),
    );
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries((bad.body.errors ?? []).map((e) => [e.field, e.message]));
    expect(fields.hours).toMatch(/pół godziny/);
    expect(fields.targetStaff).toMatch(/grupę pracowników/);

    const tr = await newTraining();
    const edition = await call<Problem>(
      trainer,
      'POST',
      `/api/trainings/${tr.id}/editions`,
      editionInput({
        place: null,
        sessions: [{ on: addDays(today, 30), startsAt: '10:00', endsAt: '09:00' }],
      }),
    );
    expect(edition.status).toBe(400);
    expect((edition.body.errors ?? []).map((e) => e.field).sort()).toEqual([
      'place',
      'sessions.0.endsAt',
      'sessions.0.on',
    ]);
  });

  it('lets only the organiser change a training (403 for a trainer elsewhere is not possible; 403 for staff)', async () => {
    const tr = await newTraining();
    const res = await call(worker, 'PUT', `/api/trainings/${tr.id}`, {
      training: trainingInput(),
      version: 1,
    });
    expect(res.status).toBe(403);
  });
});

describe('registration, approval and the waiting list', () => {
  let training: Training;
  let edition: EditionOut;
  let first: Registration;
  let second: Registration;

  beforeAll(async () => {
    training = await newTraining();
    edition = await newEdition(training.id);
  });

  it('sends a self-registration to the head of the institution, who is notified', async () => {
    const res = await registerSelf(worker, training.id, edition.id);
    expect(res.status).toBe(201);
    first = res.body;
    expect(first.status).toBe('do_akceptacji');
    expect(first.learner).toMatchObject({ lastName: expect.any(String), sex: 'k', hasAccount: true });
    const notes = await q<{ kind: string }>(
      sql`select n.kind from notifications n join users u on u.id = n.user_id
          where u.email = 'kierownik.bochnia@demo.kooperacja.pl' and n.kind = 'training.approvalPending'`,
    );
    expect(notes.length).toBeGreaterThan(0);
  });

  it('refuses a second registration of the same person', async () => {
    const res = await registerSelf(worker, training.id, edition.id);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('training.registration.duplicate');
  });

  it('lets the head approve: the only place goes to the first, the next one to the waiting list', async () => {
    const approvals = await call<MyTrainings>(head, 'GET', '/api/trainings/approvals');
    expect(approvals.body.items.map((i) => i.id)).toContain(first.id);
    const ok = await call<Registration>(head, 'POST', `/api/trainings/registrations/${first.id}/decision`, {
      decision: 'akceptuj',
      version: first.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('potwierdzona');
    first = ok.body;

    second = (await registerSelf(worker2, training.id, edition.id)).body;
    const ok2 = await call<Registration>(head, 'POST', `/api/trainings/registrations/${second.id}/decision`, {
      decision: 'akceptuj',
      version: second.version,
    });
    expect(ok2.body).toMatchObject({ status: 'rezerwowa', waitingPosition: 1 });
    second = ok2.body;
  });

  it('needs a reason to reject, and only a head of the learner’s institution decides', async () => {
    const noReason = await call<Problem>(head, 'POST', `/api/trainings/registrations/${second.id}/decision`, {
      decision: 'odrzuc',
      version: second.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe('reason');
    // The police officer of another institution has no right to decide and does not see the registration.
    expect(
      (
        await call(police, 'POST', `/api/trainings/registrations/${second.id}/decision`, {
          decision: 'akceptuj',
          version: second.version,
        })
      ).status,
    ).toBe(403);
    expect((await call(police, 'GET', `/api/trainings/registrations/${second.id}`)).status).toBe(404);
    // A colleague sees their own registration only.
    expect((await call(worker2, 'GET', `/api/trainings/registrations/${first.id}`)).status).toBe(404);
  });

  it('moves the waiting list up when a confirmed learner withdraws, and tells the learner', async () => {
    const withdrawn = await call<Registration>(
      worker,
      'POST',
      `/api/trainings/registrations/${first.id}/withdraw`,
      {
        reason: 'Zmiana grafiku',
        version: first.version,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('wycofana');
    const moved = await call<Registration>(worker2, 'GET', `/api/trainings/registrations/${second.id}`);
    expect(moved.body).toMatchObject({ status: 'potwierdzona', waitingPosition: null });
    const notes = await q<{ params: { outcome: string } }>(
      sql`select n.params from notifications n join users u on u.id = n.user_id
          where u.email = 'pracownik2.bochnia@demo.kooperacja.pl' and n.kind = 'training.registrationDecided'
          order by n.created_at desc limit 1`,
    );
    expect(notes[0]?.params.outcome).toBe('potwierdzona');
  });

  it('lets the withdrawn learner register again (to the waiting list, the place is taken)', async () => {
    const again = await call<Registration>(
      head,
      'POST',
      `/api/trainings/${training.id}/editions/${edition.id}/registrations`,
      {
        kind: 'employee',
        userId: worker.me.user.id,
        sex: 'k',
      },
    );
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('rezerwowa');
  });

  it('lists the institution’s staff with an account for the head, logging the read', async () => {
    const list = await call<{ items: { id: string; email: string }[] }>(
      head,
      'GET',
      '/api/trainings/employees',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.email)).toEqual(
      expect.arrayContaining([
        'pracownik.bochnia@demo.kooperacja.pl',
        'pracownik2.bochnia@demo.kooperacja.pl',
      ]),
    );
    expect(list.body.items.map((u) => u.email)).not.toContain('policja.bochnia@demo.kooperacja.pl');
    const audit = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read' and details->>'list' = 'training_employees'`,
    );
    expect(audit[0]?.n).toBeGreaterThan(0);
    expect((await call(worker, 'GET', '/api/trainings/employees')).status).toBe(403);
  });

  it('lets a head register an employee without an account, and only a head', async () => {
    const bigger = await newEdition(training.id, { name: 'Edycja druga', capacity: 30 });
    const res = await call<Registration>(
      head,
      'POST',
      `/api/trainings/${training.id}/editions/${bigger.id}/registrations`,
      {
        kind: 'employee',
        firstName: 'Halina',
        lastName: 'Wiśniewska',
        email: 'h.wisniewska@example.org',
        sex: 'k',
        position: 'Asystentka rodziny',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'potwierdzona',
      learner: { hasAccount: false, firstName: 'Halina' },
    });
    const refused = await call(
      worker,
      'POST',
      `/api/trainings/${training.id}/editions/${bigger.id}/registrations`,
      {
        kind: 'employee',
        firstName: 'Jan',
        lastName: 'Kowalski',
        sex: 'm',
      },
    );
    expect(refused.status).toBe(403);
  });

  it('lets the organiser see the registrations and logs that read', async () => {
    const list = await call<RegistrationList>(
      trainer,
      'GET',
      `/api/trainings/${training.id}/editions/${edition.id}/registrations`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.status).sort()).toEqual(['potwierdzona', 'rezerwowa']);
    const audit = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read'
            and record_type = 'training_registration' and details->>'editionId' = ${edition.id}`,
    );
    expect(audit[0]?.n).toBeGreaterThan(0);
    expect(
      (await call(worker, 'GET', `/api/trainings/${training.id}/editions/${edition.id}/registrations`))
        .status,
    ).toBe(403);
  });

  it('closes registration after the closing day', async () => {
    const closed = await newEdition(training.id, {
      name: 'Edycja zamknięta',
      startsOn: addDays(today, 5),
      endsOn: addDays(today, 5),
      registrationClosesOn: addDays(today, -1),
      sessions: [],
    });
    const res = await registerSelf(worker, training.id, closed.id);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('training.registration.closed');
  });
});

describe('tests, attendance and the certificate', () => {
  let training: Training;
  let edition: EditionOut;
  let reg: Registration;
  let questions: Question[];

  beforeAll(async () => {
    training = await newTraining({
      title: 'Deinstytucjonalizacja usług społecznych — kurs',
      passThreshold: 100,
    });
    edition = await newEdition(training.id, { capacity: 10, requiresApproval: false });
    reg = (await registerSelf(worker, training.id, edition.id)).body;
    expect(reg.status).toBe('potwierdzona');
  });

  it('refuses a single-choice question with two correct options', async () => {
    const res = await call<Problem>(trainer, 'POST', `/api/trainings/${training.id}/questions`, {
      kind: 'jednokrotny',
      text: 'Co oznacza skrót LPDI?',
      options: [
        { text: 'Lokalny plan deinstytucjonalizacji', correct: true },
        { text: 'Lista placówek', correct: true },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      field: 'options',
      code: 'training.question.singleNeedsOne',
    });
  });

  it('builds the bank and gives the learner the test without the answers', async () => {
    const a = await call<Question>(trainer, 'POST', `/api/trainings/${training.id}/questions`, {
      kind: 'jednokrotny',
      text: 'Co oznacza skrót LPDI?',
      options: [
        { text: 'Lokalny plan deinstytucjonalizacji usług społecznych', correct: true },
        { text: 'Lista placówek do likwidacji', correct: false },
      ],
    });
    const b = await call<Question>(trainer, 'POST', `/api/trainings/${training.id}/questions`, {
      kind: 'wielokrotny',
      text: 'Które usługi są usługami społecznymi w społeczności lokalnej?',
      options: [
        { text: 'Mieszkania wspomagane', correct: true },
        { text: 'Usługi opiekuńcze w domu', correct: true },
        { text: 'Duży dom pomocy społecznej', correct: false },
      ],
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    questions = [a.body, b.body];
    const sheet = await call<TestSheet>(
      worker,
      'GET',
      `/api/trainings/registrations/${reg.id}/tests/wstepny`,
    );
    expect(sheet.status).toBe(200);
    expect(sheet.body.questions).toHaveLength(2);
    expect(JSON.stringify(sheet.body)).not.toContain('correct');
    // Only the learner takes their test.
    expect((await call(trainer, 'GET', `/api/trainings/registrations/${reg.id}/tests/wstepny`)).status).toBe(
      403,
    );
  });

  it('scores the test before on the server and allows it once', async () => {
    const [a] = questions as [Question, Question];
    const wrong = a.options.find((o) => !o.correct)?.id as string;
    const res = await call<TestOutcome>(
      worker,
      'POST',
      `/api/trainings/registrations/${reg.id}/tests/wstepny`,
      {
        answers: { [a.id]: [wrong] },
      },
    );
    expect(res.body).toMatchObject({ points: 0, maxPoints: 2, percent: 0, passed: false });
    const again = await call<Problem>(
      worker,
      'POST',
      `/api/trainings/registrations/${reg.id}/tests/wstepny`,
      {
        answers: {},
      },
    );
    expect(again.status).toBe(400);
  });

  it('opens the final test only from the last session day', async () => {
    const res = await call<Problem>(worker, 'GET', `/api/trainings/registrations/${reg.id}/tests/koncowy`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('training.test.notAvailable');
  });

  it('records attendance of held sessions only, then passes the final test and issues the certificate', async () => {
    // The edition moves to the past (it was held), as an organiser correcting dates would do.
    const current = (await call<Training>(trainer, 'GET', `/api/trainings/${training.id}`)).body
      .editions[0] as EditionOut;
    const moved = await call<EditionOut>(
      trainer,
      'PUT',
      `/api/trainings/${training.id}/editions/${edition.id}`,
      {
        edition: editionInput({
          capacity: 10,
          requiresApproval: false,
          startsOn: addDays(today, -2),
          endsOn: addDays(today, -1),
          registrationClosesOn: addDays(today, -3),
          sessions: current.sessions.map((s, i) => ({ ...s, on: addDays(today, i - 2) })),
        }),
        version: current.version,
      },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const session = moved.body.sessions[0] as { id: string };
    const marked = await call<RegistrationList>(
      trainer,
      'PUT',
      `/api/trainings/${training.id}/editions/${edition.id}/attendance`,
      {
        sessionId: session.id,
        marks: [{ registrationId: reg.id, present: true }],
      },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.items[0]?.attendance).toMatchObject({ present: 1, sessions: 2, percent: 50 });

    const [a, b] = questions as [Question, Question];
    const right = (q: Question) => q.options.filter((o) => o.correct).map((o) => o.id);
    const failed = await call<TestOutcome>(
      worker,
      'POST',
      `/api/trainings/registrations/${reg.id}/tests/koncowy`,
      {
        answers: { [a.id]: right(a), [b.id]: right(b).slice(0, 1) },
      },
    );
    expect(failed.body).toMatchObject({
      percent: 50,
      passed: false,
      attemptsLeft: 2,
      raisedQualifications: false,
      certificate: null,
    });

    const passed = await call<TestOutcome>(
      worker,
      'POST',
      `/api/trainings/registrations/${reg.id}/tests/koncowy`,
      {
        answers: { [a.id]: right(a), [b.id]: right(b) },
      },
    );
    expect(passed.body).toMatchObject({ percent: 100, passed: true, raisedQualifications: true });
    expect(passed.body.certificate?.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Passed: no further attempt.
    expect((await call(worker, 'GET', `/api/trainings/registrations/${reg.id}/tests/koncowy`)).status).toBe(
      400,
    );
  });

  it('refuses to delete an answered question (deactivate instead)', async () => {
    const a = questions[0] as Question;
    const res = await call<Problem>(
      trainer,
      'DELETE',
      `/api/trainings/${training.id}/questions/${a.id}?version=${a.version}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('training.question.used');
  });

  it('keeps the organiser from recording attendance for a session still to come', async () => {
    const later = await newEdition(training.id, {
      name: 'Edycja jesienna',
      capacity: 5,
      requiresApproval: false,
    });
    const r = (await registerSelf(worker2, training.id, later.id)).body;
    const res = await call<Problem>(
      trainer,
      'PUT',
      `/api/trainings/${training.id}/editions/${later.id}/attendance`,
      {
        sessionId: later.sessions[0]?.id,
        marks: [{ registrationId: r.id, present: true }],
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('training.attendance.future');
  });

  it('lists the learner’s trainings with the result and the certificate', async () => {
    const mine = await call<MyTrainings>(worker, 'GET', '/api/trainings/me');
    const item = mine.body.items.find((i) => i.id === reg.id);
    expect(item).toMatchObject({
      raisedQualifications: true,
      finalTest: { percent: 100, passed: true, attempts: 2 },
      preTest: { percent: 0 },
      training: { title: 'Deinstytucjonalizacja usług społecznych — kurs' },
    });
    expect(item?.certificate?.code).toBeTruthy();
  });
});
