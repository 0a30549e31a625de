/**
 * Certificates through the API (docs/trainings.md, "Certificate"): the organiser issues one by hand
 * (e.g. after a paper test) and revokes it, the PDF carries the learner, the training, the EU-funded
 * project and the code with the verification address, only those who see the registration download
 * it, the public page verifies a code (valid, revoked, unknown, mistyped) under a per-address limit,
 * and the reminders job tells confirmed learners once before the start and heads of pending
 * registrations once a day. Fixtures: a training of ROPS Kielce (the trainer switches to it) financed
 * by its FERS 04.13 project, with pracownik.bochnia (MOPS Bochnia) as the learner.
 */
import {
  type CertificateVerification,
  certificateCodeFrom,
  type Problem,
  REMINDER_DAYS_BEFORE,
  type Registration,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { runTrainingRemindersOnce } from '../../jobs/trainings.js';
import { warsawToday } from '../../lib/dates.js';
import { addDays } from '../cases/tasks.js';
import {
  actAs,
  certificateOfRegistration,
  insertEdition,
  insertLearner,
  insertRegistration,
  insertTraining,
  institutionByShortName,
  markPresent,
  userByLocal,
} from './certificates.fixtures.js';
import { periodText } from './certificates.js';
import { VERIFY_MAX } from './public.routes.js';

let t: TestApp;
let db: DbOrTx;
let trainer: TestSession; // trener — switched to ROPS Kielce, the organiser here
let worker: TestSession; // pracownik.bochnia — the learner
let head: TestSession; // kierownik.bochnia — head of the learner's institution
let outsider: TestSession; // pracownik.andrychow — another institution's worker
let trainerId: string;
let project: { id: string; number: string; title: string };
let learnerId: string;
let learnerName: string;
const today = warsawToday();
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [trainer, worker, head, outsider] = await Promise.all([
    login(t.app, 'trener'),
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'kierownik.bochnia'),
    login(t.app, 'pracownik.andrychow'),
  ]);
  const kielce = await institutionByShortName(db, 'ROPS Kielce');
  const switched = await trainer.inject({
    method: 'POST',
    url: '/api/auth/institution',
    payload: { institutionId: kielce },
  });
  expect(switched.statusCode).toBe(200);
  trainerId = await userByLocal(db, 'trener');
  const [p] = await q<{ id: string; number: string; title: string }>(
    sql`select id, number, title from projects where leader_institution_id = ${kielce} order by number limit 1`,
  );
  if (!p) throw new Error('no project of ROPS Kielce in the demo data');
  project = p;
  learnerId = await insertLearner(db, { institution: 'MOPS Bochnia', user: 'pracownik.bochnia' });
  const [u] = await q<{ name: string }>(
    sql`select first_name || ' ' || last_name as name from users where id = ${await userByLocal(db, 'pracownik.bochnia')}`,
  );
  learnerName = u?.name ?? '';
});

const call = async <T>(s: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await s.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
};

let seq = 0;
/** A held edition (one session yesterday) of a Kielce training and the learner's registration in it. */
async function heldRegistration(opts: { status?: string; present?: boolean } = {}) {
  seq += 1;
  const trainingId = await insertTraining(db, {
    organiser: 'ROPS Kielce',
    title: `Standardy kooperacji w pomocy społecznej ${seq}`,
    form: 'warsztat',
    projectId: project.id,
    hours: 16,
    trainers: ['Anna Nowak'],
  });
  const edition = await insertEdition(db, trainingId, {
    startsOn: addDays(today, -2),
    endsOn: addDays(today, -1),
    sessions: [addDays(today, -2), addDays(today, -1)],
  });
  const registrationId = await insertRegistration(db, {
    editionId: edition.id,
    learnerId,
    status: opts.status ?? 'potwierdzona',
    registeredBy: trainerId,
  });
  if (opts.present !== false) await markPresent(db, registrationId, edition.sessionIds);
  return { trainingId, editionId: edition.id, registrationId };
}

const issue = (id: string) =>
  call<Registration & Partial<Pick<Problem, 'errors'>>>(
    trainer,
    'POST',
    `/api/trainings/registrations/${id}/certificate`,
  );
const revoke = (id: string, reason: string) =>
  call<Registration & Partial<Pick<Problem, 'errors'>>>(
    trainer,
    'POST',
    `/api/trainings/registrations/${id}/certificate/revoke`,
    {
      reason,
    },
  );
const verify = (code: string, ip: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/public/certificates/${encodeURIComponent(code)}`,
    remoteAddress: ip,
  });

describe('issuing by hand', () => {
  it('issues a certificate to a confirmed learner without a test (the organiser’s decision), once, audited', async () => {
    const { registrationId } = await heldRegistration({ present: false });
    const res = await issue(registrationId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.certificate).toMatchObject({ issuedOn: today, revokedOn: null, revokedReason: null });
    expect(res.body.certificate?.code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    // Indicator 654 counts a valid certificate even without a passed test.
    expect(res.body.raisedQualifications).toBe(true);

    const again = await issue(registrationId);
    expect(again.body.certificate?.code).toBe(res.body.certificate?.code);
    const audit = await q<{ action: string; user_id: string }>(
      sql`select action, user_id from audit_log where record_type = 'training_certificate'
            and details ->> 'registrationId' = ${registrationId} and action = 'record.create'`,
    );
    expect(audit).toEqual([{ action: 'record.create', user_id: trainerId }]);
  });

  it('refuses a registration without a confirmed place, and a training that gives no certificates', async () => {
    const pending = await heldRegistration({ status: 'do_akceptacji' });
    const res = await issue(pending.registrationId);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      field: 'status',
      code: 'training.certificate.notConfirmed',
    });
    expect(res.body.errors?.[0]?.message).toMatch(/potwierdzonym miejscem/);

    const plain = await heldRegistration();
    await q(sql`update trainings set issues_certificate = false where id = ${plain.trainingId}`);
    const refused = await issue(plain.registrationId);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.code).toBe('training.certificate.notOffered');
    expect(await certificateOfRegistration(db, plain.registrationId)).toBeUndefined();
  });

  it('lets only the organiser issue: the learner lacks the permission (403), another organiser sees nothing (404)', async () => {
    const { registrationId } = await heldRegistration();
    expect(
      (await call(worker, 'POST', `/api/trainings/registrations/${registrationId}/certificate`)).status,
    ).toBe(403);
    const krakow = await login(t.app, 'trener');
    await actAs(db, krakow, 'ROPS Kraków');
    expect(
      (await call(krakow, 'POST', `/api/trainings/registrations/${registrationId}/certificate`)).status,
    ).toBe(404);
    expect(await certificateOfRegistration(db, registrationId)).toBeUndefined();
  });
});

describe('the PDF', () => {
  it('shows the learner, the training, the EU-funded project, the code and the verification address', async () => {
    const { registrationId } = await heldRegistration();
    const code = (await issue(registrationId)).body.certificate?.code as string;
    const res = await worker.inject({
      method: 'GET',
      url: `/api/trainings/registrations/${registrationId}/certificate.pdf`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`certyfikat-${code}.pdf`);
    expect(res.headers['cache-control']).toContain('no-store');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('ZAŚWIADCZENIE');
    expect(text).toContain(learnerName);
    expect(text).toContain(code);
    expect(text).toMatch(/Standardy kooperacji w pomocy społecznej \d+/);
    expect(text).toContain('16 godzin');
    expect(text).toContain(periodText(addDays(today, -2), addDays(today, -1)));
    expect(text).toContain(project.number);
    expect(text).toContain('Unii Europejskiej');
    expect(text).toContain(`/weryfikacja/${code}`);

    // The head of the learner's institution may download it too; the read is logged each time.
    expect(
      (
        await head.inject({
          method: 'GET',
          url: `/api/trainings/registrations/${registrationId}/certificate.pdf`,
        })
      ).statusCode,
    ).toBe(200);
    const reads = await q<{ user_id: string }>(
      sql`select user_id from audit_log where action = 'record.read' and record_type = 'training_certificate'
            and details ->> 'registrationId' = ${registrationId} order by id`,
    );
    expect(reads.map((r) => r.user_id)).toEqual([worker.me.user.id, head.me.user.id]);
  });

  it('is 404 for someone outside the registration (logged), and while there is no valid certificate', async () => {
    const { registrationId } = await heldRegistration();
    const url = `/api/trainings/registrations/${registrationId}/certificate.pdf`;
    expect((await worker.inject({ method: 'GET', url })).statusCode).toBe(404); // none yet
    await issue(registrationId);
    expect((await outsider.inject({ method: 'GET', url })).statusCode).toBe(404);
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${registrationId}
            and user_id = ${outsider.me.user.id}`,
    );
    expect(denied?.n).toBe(1);
    await revoke(registrationId, 'Wydane omyłkowo');
    expect((await worker.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('public verification', () => {
  it('verifies a valid code however it is typed, without a login and without caching', async () => {
    const { registrationId } = await heldRegistration();
    const code = (await issue(registrationId)).body.certificate?.code as string;
    const typed = ` ${code.replaceAll('-', '').toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l')} `;
    const res = await verify(typed, '198.51.100.10');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as CertificateVerification;
    expect(body).toMatchObject({
      code,
      valid: true,
      learnerName,
      form: 'warsztat',
      hours: 16,
      editionStartsOn: addDays(today, -2),
      editionEndsOn: addDays(today, -1),
      organiser: expect.stringContaining('Kielc'),
      projectNumber: project.number,
      issuedOn: today,
      revokedOn: null,
    });
    const [logged] = await q<{ user_id: string | null; outcome: string; record_id: string }>(
      sql`select user_id, outcome, record_id from audit_log where action = 'record.read'
            and record_type = 'training_certificate' and details ->> 'public' = 'true' and details ->> 'code' = ${code}`,
    );
    expect(logged).toMatchObject({ user_id: null, outcome: 'success' });
  });

  it('says a revoked certificate is not valid, and a re-issued one has a new code', async () => {
    const { registrationId } = await heldRegistration();
    const code = (await issue(registrationId)).body.certificate?.code as string;
    const revoked = await revoke(registrationId, 'Nieobecność na drugim dniu zajęć');
    expect(revoked.status).toBe(200);
    expect(revoked.body.certificate).toMatchObject({
      code,
      revokedOn: today,
      revokedReason: 'Nieobecność na drugim dniu zajęć',
    });
    expect(revoked.body.raisedQualifications).toBe(false);
    const res = await verify(code, '198.51.100.11');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code, valid: false, revokedOn: today });

    // A second revocation has nothing to revoke.
    const twice = await revoke(registrationId, 'Jeszcze raz');
    expect(twice.status).toBe(400);
    expect(twice.body.errors?.[0]?.code).toBe('training.certificate.notIssued');

    const reissued = await issue(registrationId);
    expect(reissued.body.certificate).toMatchObject({ revokedOn: null, revokedReason: null });
    const newCode = reissued.body.certificate?.code as string;
    expect(newCode).not.toBe(code);
    expect((await verify(newCode, '198.51.100.11')).json()).toMatchObject({ valid: true });
    expect((await verify(code, '198.51.100.11')).statusCode).toBe(404);
    const changes = await q<{ action: string }>(
      sql`select action from audit_log where record_type = 'training_certificate' and user_id = ${trainerId}
            and details ->> 'registrationId' = ${registrationId} order by id`,
    );
    expect(changes.map((c) => c.action)).toEqual(['record.create', 'record.update', 'record.update']);
  });

  it('answers 404 for an unknown code and for a mistyped one (its check character), logged as failures', async () => {
    const { registrationId } = await heldRegistration();
    const code = (await issue(registrationId)).body.certificate?.code as string;
    // One character changed: the check character no longer matches.
    const first = code[0] === '7' ? '8' : '7';
    const mistyped = `${first}${code.slice(1)}`;
    const unknown = certificateCodeFrom(new Uint8Array(11).fill(3));
    for (const c of [mistyped, unknown, 'nie-ma-takiego']) {
      const res = await verify(c, '198.51.100.12');
      expect(res.statusCode, c).toBe(404);
      expect((res.json() as Problem).code).toBe('not_found');
    }
    const failures = await q<{ reason: string }>(
      sql`select details ->> 'reason' as reason from audit_log where action = 'record.read'
            and record_type = 'training_certificate' and outcome = 'failure' and ip = '198.51.100.12'
          order by id`,
    );
    expect(failures.map((f) => f.reason)).toEqual(['malformed_code', 'unknown_code', 'malformed_code']);
  });

  it(`stops an address after ${VERIFY_MAX} look-ups in the window with 429 and a Polish message`, async () => {
    const { registrationId } = await heldRegistration();
    const code = (await issue(registrationId)).body.certificate?.code as string;
    for (let i = 0; i < VERIFY_MAX; i++) expect((await verify(code, '203.0.113.77')).statusCode).toBe(200);
    const stopped = await verify(code, '203.0.113.77');
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect((stopped.json() as Problem).detail).toMatch(/Spróbuj ponownie za \d+ min/);
    // Another address is not affected.
    expect((await verify(code, '203.0.113.78')).statusCode).toBe(200);
    // Once the window has passed, the address may look up again.
    await q(
      sql`update application_throttle set window_start = now() - interval '11 minutes'
            where key = 'certificate-verification:ip:203.0.113.77'`,
    );
    expect((await verify(code, '203.0.113.77')).statusCode).toBe(200);
  });
});

describe('runTrainingRemindersOnce', () => {
  it('reminds confirmed learners with an account once, REMINDER_DAYS_BEFORE days before the start', async () => {
    const trainingId = await insertTraining(db, {
      organiser: 'ROPS Kielce',
      title: 'Superwizja grupowa dla pracowników socjalnych — przypomnienie',
      form: 'superwizja_grupowa',
    });
    const soon = await insertEdition(db, trainingId, {
      startsOn: addDays(today, REMINDER_DAYS_BEFORE),
      endsOn: addDays(today, REMINDER_DAYS_BEFORE),
      sessions: [addDays(today, REMINDER_DAYS_BEFORE)],
    });
    const later = await insertEdition(db, trainingId, {
      startsOn: addDays(today, REMINDER_DAYS_BEFORE + 3),
      endsOn: addDays(today, REMINDER_DAYS_BEFORE + 3),
    });
    const confirmed = await insertRegistration(db, {
      editionId: soon.id,
      learnerId,
      registeredBy: trainerId,
    });
    const noAccount = await insertLearner(db, { institution: 'MOPS Bochnia', lastName: 'Bezkontowa' });
    await insertRegistration(db, { editionId: soon.id, learnerId: noAccount, registeredBy: trainerId });
    const waiting = await insertLearner(db, { institution: 'MOPS Bochnia', user: 'pracownik2.bochnia' });
    await insertRegistration(db, {
      editionId: soon.id,
      learnerId: waiting,
      status: 'rezerwowa',
      registeredBy: trainerId,
    });
    await insertRegistration(db, { editionId: later.id, learnerId, registeredBy: trainerId });

    const first = await runTrainingRemindersOnce(db);
    const second = await runTrainingRemindersOnce(db);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const sent = await q<{ user_id: string; params: Record<string, unknown>; link: string }>(
      sql`select user_id, params, link from notifications where kind = 'training.reminder'
            and params ->> 'training' like 'Superwizja grupowa dla pracowników socjalnych%'`,
    );
    expect(sent).toEqual([
      {
        user_id: worker.me.user.id,
        params: {
          training: 'Superwizja grupowa dla pracowników socjalnych — przypomnienie',
          due: addDays(today, REMINDER_DAYS_BEFORE),
        },
        link: `/szkolenia/zapisy/${confirmed}`,
      },
    ]);
    const editions = await q<{ id: string; reminded_on: string | null }>(
      sql`select id, reminded_on::text from training_editions where id in (${soon.id}, ${later.id}) order by starts_on`,
    );
    expect(editions).toEqual([
      { id: soon.id, reminded_on: today },
      { id: later.id, reminded_on: null },
    ]);
    expect(second.editions).toBe(0);
  });

  it('reminds the heads of a registration waiting for approval more than 3 days, once a day', async () => {
    const trainingId = await insertTraining(db, {
      organiser: 'ROPS Kielce',
      title: 'Coaching kadry kierowniczej',
    });
    const edition = await insertEdition(db, trainingId, {
      startsOn: addDays(today, 20),
      endsOn: addDays(today, 20),
      sessions: [addDays(today, 20)],
    });
    const waitingLong = await insertRegistration(db, {
      editionId: edition.id,
      learnerId,
      status: 'do_akceptacji',
      registeredBy: worker.me.user.id,
      daysAgo: 4,
    });
    const other = await insertLearner(db, { institution: 'MOPS Bochnia', user: 'pracownik2.bochnia' });
    const recent = await insertRegistration(db, {
      editionId: edition.id,
      learnerId: other,
      status: 'do_akceptacji',
      registeredBy: worker.me.user.id,
      daysAgo: 1,
    });
    const pendingFor = (id: string) =>
      q<{ user_id: string; key: string }>(
        sql`select user_id, dedupe_key as key from notifications where kind = 'training.approvalPending'
              and dedupe_key like ${`training.approvalPending:${id}:%`} order by user_id, dedupe_key`,
      );
    await runTrainingRemindersOnce(db);
    await runTrainingRemindersOnce(db);
    const heads = (await pendingFor(waitingLong)).map((n) => n.user_id);
    // The heads of MOPS Bochnia (kierownik and institution admin), not the organiser, not the learner.
    expect(heads).toContain(head.me.user.id);
    expect(heads).not.toContain(trainerId);
    expect(heads).not.toContain(worker.me.user.id);
    expect(new Set(heads).size).toBe(heads.length);
    expect(await pendingFor(recent)).toEqual([]);
    // The next day, another reminder while it still waits.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    await runTrainingRemindersOnce(db, tomorrow);
    expect((await pendingFor(waitingLong)).filter((n) => n.user_id === head.me.user.id)).toHaveLength(2);
  });
});
