/**
 * E-learning lessons through the API (docs/trainings.md): the organiser writes them with field rules
 * (an image needs its text alternative, a video its address), versions (409) and files checked by
 * their content; learners with a confirmed place follow them (opening records the start, completing
 * records when), others get 404; the last lesson completed after a passed final test issues the
 * certificate by itself, but never brings back a revoked one. Fixtures: an e-learning training of
 * ROPS Kielce (the trainer switches to it) with pracownik.bochnia as the learner.
 */
import type { Lesson, LessonList, Problem } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { addDays } from '../cases/tasks.js';
import {
  actAs,
  certificateOfRegistration,
  insertEdition,
  insertFinalTest,
  insertLearner,
  insertRegistration,
  insertTraining,
  institutionByShortName,
  userByLocal,
} from './certificates.fixtures.js';

let t: TestApp;
let db: DbOrTx;
let trainer: TestSession; // trener — switched to ROPS Kielce, the organiser here
let worker: TestSession; // pracownik.bochnia — the learner with a confirmed place
let worker2: TestSession; // pracownik2.bochnia — no registration
let head: TestSession; // kierownik.bochnia — head of the learner's institution, not a learner
let trainerId: string;
let learnerId: string;
const today = warsawToday();
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);

// The smallest PNG and PDF the content sniffing recognises.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [trainer, worker, worker2, head] = await Promise.all([
    login(t.app, 'trener'),
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
  ]);
  const switched = await trainer.inject({
    method: 'POST',
    url: '/api/auth/institution',
    payload: { institutionId: await institutionByShortName(db, 'ROPS Kielce') },
  });
  expect(switched.statusCode).toBe(200);
  trainerId = await userByLocal(db, 'trener');
  learnerId = await insertLearner(db, { institution: 'MOPS Bochnia', user: 'pracownik.bochnia' });
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

let seq = 0;
/** An e-learning training of ROPS Kielce with an access period (no sessions) and the learner in it. */
async function elearning() {
  seq += 1;
  const trainingId = await insertTraining(db, {
    organiser: 'ROPS Kielce',
    title: `Ochrona danych w pracy socjalnej — kurs e-learningowy ${seq}`,
    form: 'e_learning',
    hours: 4,
  });
  const edition = await insertEdition(db, trainingId, {
    startsOn: addDays(today, -1),
    endsOn: addDays(today, 30),
  });
  const registrationId = await insertRegistration(db, {
    editionId: edition.id,
    learnerId,
    registeredBy: await userByLocal(db, 'pracownik.bochnia'),
  });
  return { trainingId, registrationId };
}

const text = (position: number, extra: Record<string, unknown> = {}) => ({
  title: `Lekcja ${position + 1}: podstawy RODO`,
  kind: 'tekst',
  body: 'Dane osobowe klientów pomocy społecznej przetwarzamy tylko w zakresie niezbędnym.',
  position,
  ...extra,
});

async function addLesson(trainingId: string, input: Record<string, unknown>): Promise<Lesson> {
  const res = await call<Lesson>(trainer, 'POST', `/api/trainings/${trainingId}/lessons`, input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const upload = (trainingId: string, lesson: Lesson, file: Buffer, filename: string) =>
  trainer.inject({
    method: 'PUT',
    url: `/api/trainings/${trainingId}/lessons/${lesson.id}/file?filename=${encodeURIComponent(filename)}&version=${lesson.version}`,
    payload: file,
    headers: { 'content-type': 'application/octet-stream' },
  });

describe('writing lessons', () => {
  it('asks an image for its text alternative and a video for its address (field errors in Polish)', async () => {
    const { trainingId } = await elearning();
    const image = await call<Problem>(trainer, 'POST', `/api/trainings/${trainingId}/lessons`, {
      title: 'Schemat przepływu danych',
      kind: 'obraz',
      position: 0,
    });
    expect(image.status).toBe(400);
    expect(image.body.errors).toEqual([
      expect.objectContaining({ field: 'altText', code: 'training.lesson.altRequired' }),
    ]);
    expect(image.body.errors?.[0]?.message).toMatch(/tekstem alternatywnym/);
    const video = await call<Problem>(trainer, 'POST', `/api/trainings/${trainingId}/lessons`, {
      title: 'Nagranie wykładu',
      kind: 'wideo',
      body: 'Transkrypcja nagrania.',
      position: 1,
    });
    expect(video.status).toBe(400);
    expect(video.body.errors?.[0]).toMatchObject({
      field: 'videoUrl',
      code: 'training.lesson.videoRequired',
    });
    const insecure = await call<Problem>(trainer, 'POST', `/api/trainings/${trainingId}/lessons`, {
      title: 'Nagranie wykładu',
      kind: 'wideo',
      videoUrl: 'http://filmy.example.org/wyklad',
      position: 1,
    });
    expect(insecure.status).toBe(400);
    expect(insecure.body.errors?.[0]).toMatchObject({
      field: 'videoUrl',
      message: 'Adres filmu musi zaczynać się od https://.',
    });
    const [count] = await q<{ n: number }>(
      sql`select count(*)::int as n from training_lessons where training_id = ${trainingId}`,
    );
    expect(count?.n).toBe(0);
  });

  it('stores an image lesson with its file (checked by content), versions and audits the changes', async () => {
    const { trainingId } = await elearning();
    const lesson = await addLesson(trainingId, {
      title: 'Schemat przepływu danych',
      kind: 'obraz',
      altText: 'Schemat: dane klienta trafiają z OPS do PCPR tylko za zgodą.',
      position: 0,
    });
    expect(lesson).toMatchObject({ kind: 'obraz', file: null, completedAt: null, version: 1 });

    const pdf = await upload(trainingId, lesson, PDF, 'schemat.pdf');
    expect(pdf.statusCode).toBe(400);
    expect((pdf.json() as Problem).errors?.[0]?.code).toBe('training.lesson.imageType');
    const notAFile = await upload(trainingId, lesson, Buffer.from('MZ to nie jest obraz'), 'schemat.png');
    expect((notAFile.json() as Problem).errors?.[0]?.code).toBe('training.lesson.fileType');

    const png = await upload(trainingId, lesson, PNG, '../schemat danych');
    expect(png.statusCode, png.body).toBe(200);
    const withFile = png.json() as Lesson;
    expect(withFile.file).toEqual({
      filename: 'schemat danych.png',
      mimeType: 'image/png',
      size: PNG.length,
    });
    expect(withFile.version).toBe(2);
    // The stored file belongs to the organiser institution.
    const [doc] = await q<{ institution: string }>(
      sql`select i.short_name as institution from training_lessons ls join documents d on d.id = ls.document_id
            join institutions i on i.id = d.institution_id where ls.id = ${lesson.id}`,
    );
    expect(doc?.institution).toBe('ROPS Kielce');

    const stale = await call<Problem>(trainer, 'PUT', `/api/trainings/${trainingId}/lessons/${lesson.id}`, {
      lesson: { title: 'Nowy tytuł', kind: 'obraz', altText: 'Opis', position: 0 },
      version: 1,
    });
    expect(stale.status).toBe(409);
    const noAlt = await call<Problem>(trainer, 'PUT', `/api/trainings/${trainingId}/lessons/${lesson.id}`, {
      lesson: { title: 'Nowy tytuł', kind: 'obraz', position: 0 },
      version: 2,
    });
    expect(noAlt.body.errors?.[0]).toMatchObject({
      field: 'lesson.altText',
      code: 'training.lesson.altRequired',
    });
    // Turned into a text lesson, it no longer holds an image.
    const changed = await call<Lesson>(trainer, 'PUT', `/api/trainings/${trainingId}/lessons/${lesson.id}`, {
      lesson: text(0),
      version: 2,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'tekst', file: null, version: 3 });

    const actions = await q<{ action: string }>(
      sql`select action from audit_log where record_type = 'training_lesson' and record_id = ${lesson.id}
            and user_id = ${trainerId} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['record.create', 'record.update', 'record.update']);

    expect(
      (await call(trainer, 'DELETE', `/api/trainings/${trainingId}/lessons/${lesson.id}?version=2`)).status,
    ).toBe(409);
    expect(
      (await call(trainer, 'DELETE', `/api/trainings/${trainingId}/lessons/${lesson.id}?version=3`)).status,
    ).toBe(204);
    expect(
      (await call<LessonList>(trainer, 'GET', `/api/trainings/${trainingId}/lessons`)).body.items,
    ).toEqual([]);
  });

  it('refuses writing to the learner and to an organiser of another institution (403)', async () => {
    const { trainingId } = await elearning();
    expect((await call(worker, 'POST', `/api/trainings/${trainingId}/lessons`, text(0))).status).toBe(403);
    const krakow = await login(t.app, 'trener');
    await actAs(db, krakow, 'ROPS Kraków');
    expect((await call(krakow, 'POST', `/api/trainings/${trainingId}/lessons`, text(0))).status).toBe(403);
  });
});

describe('following lessons', () => {
  it('shows the lessons to the learner with a confirmed place and their file; 404 (logged) to anyone else', async () => {
    const { trainingId } = await elearning();
    const image = await addLesson(trainingId, {
      title: 'Mapa instytucji',
      kind: 'obraz',
      altText: 'Mapa instytucji współpracujących w gminie.',
      position: 1,
    });
    await upload(trainingId, image, PNG, 'mapa.png');
    await addLesson(trainingId, text(0));

    const list = await call<LessonList>(worker, 'GET', `/api/trainings/${trainingId}/lessons`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((l) => [l.position, l.kind, l.completedAt])).toEqual([
      [0, 'tekst', null],
      [1, 'obraz', null],
    ]);
    const file = await worker.inject({
      method: 'GET',
      url: `/api/trainings/${trainingId}/lessons/${image.id}/file`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);

    for (const s of [worker2, head]) {
      expect((await call(s, 'GET', `/api/trainings/${trainingId}/lessons`)).status).toBe(404);
      expect((await call(s, 'GET', `/api/trainings/${trainingId}/lessons/${image.id}`)).status).toBe(404);
      expect(
        (await s.inject({ method: 'GET', url: `/api/trainings/${trainingId}/lessons/${image.id}/file` }))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(s, 'POST', `/api/trainings/${trainingId}/lessons/${image.id}/complete`)).status,
      ).toBe(404);
    }
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${trainingId}
            and user_id = ${worker2.me.user.id}`,
    );
    expect(denied?.n).toBe(4);
    // A withdrawn learner no longer follows the lessons.
    await q(sql`update training_registrations set status = 'wycofana' where learner_id = ${learnerId}
                and edition_id in (select id from training_editions where training_id = ${trainingId})`);
    expect((await call(worker, 'GET', `/api/trainings/${trainingId}/lessons`)).status).toBe(404);
  });

  it('records the start when the learner opens a lesson (not when the organiser does)', async () => {
    const { trainingId } = await elearning();
    const lesson = await addLesson(trainingId, text(0));
    const progress = () =>
      q<{ learner_id: string; completed_at: string | null }>(
        sql`select learner_id, completed_at from training_lesson_progress where lesson_id = ${lesson.id}`,
      );
    expect(
      (await call<Lesson>(trainer, 'GET', `/api/trainings/${trainingId}/lessons/${lesson.id}`)).status,
    ).toBe(200);
    expect(await progress()).toEqual([]);
    const opened = await call<Lesson>(worker, 'GET', `/api/trainings/${trainingId}/lessons/${lesson.id}`);
    expect(opened.body).toMatchObject({
      id: lesson.id,
      completedAt: null,
      body: expect.stringContaining('niezbędnym'),
    });
    await call(worker, 'GET', `/api/trainings/${trainingId}/lessons/${lesson.id}`);
    expect(await progress()).toEqual([{ learner_id: learnerId, completed_at: null }]);
  });

  it('issues the certificate when a learner who passed the final test completes the last lesson', async () => {
    const { trainingId, registrationId } = await elearning();
    const first = await addLesson(trainingId, text(0));
    const second = await addLesson(trainingId, text(1));
    await insertFinalTest(db, registrationId, { percent: 90, passed: true, takenOn: today });

    const one = await call<Lesson>(
      worker,
      'POST',
      `/api/trainings/${trainingId}/lessons/${first.id}/complete`,
    );
    expect(one.status).toBe(200);
    expect(one.body.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await certificateOfRegistration(db, registrationId)).toBeUndefined();
    // Completing again changes nothing.
    const repeat = await call<Lesson>(
      worker,
      'POST',
      `/api/trainings/${trainingId}/lessons/${first.id}/complete`,
    );
    expect(repeat.body.completedAt).toBe(one.body.completedAt);

    // The organiser follows the lessons but does not complete them.
    expect(
      (await call(trainer, 'POST', `/api/trainings/${trainingId}/lessons/${second.id}/complete`)).status,
    ).toBe(403);

    await call(worker, 'POST', `/api/trainings/${trainingId}/lessons/${second.id}/complete`);
    const certificate = await certificateOfRegistration(db, registrationId);
    expect(certificate).toMatchObject({ issuedOn: today, revokedOn: null });
    const [audit] = await q<{ user_id: string; automatic: string }>(
      sql`select user_id, details ->> 'automatic' as automatic from audit_log
            where record_type = 'training_certificate' and action = 'record.create'
              and details ->> 'registrationId' = ${registrationId}`,
    );
    expect(audit).toEqual({ user_id: worker.me.user.id, automatic: 'true' });
    const list = await call<LessonList>(worker, 'GET', `/api/trainings/${trainingId}/lessons`);
    expect(list.body.items.every((l) => l.completedAt !== null)).toBe(true);
  });

  it('issues nothing without a passed final test, and never brings back a revoked certificate', async () => {
    const failed = await elearning();
    const only = await addLesson(failed.trainingId, text(0));
    await insertFinalTest(db, failed.registrationId, { percent: 40, passed: false, takenOn: today });
    await call(worker, 'POST', `/api/trainings/${failed.trainingId}/lessons/${only.id}/complete`);
    expect(await certificateOfRegistration(db, failed.registrationId)).toBeUndefined();

    const revoked = await elearning();
    const a = await addLesson(revoked.trainingId, text(0));
    const b = await addLesson(revoked.trainingId, text(1));
    await insertFinalTest(db, revoked.registrationId, { percent: 100, passed: true, takenOn: today });
    const issued = await call(
      trainer,
      'POST',
      `/api/trainings/registrations/${revoked.registrationId}/certificate`,
    );
    expect(issued.status).toBe(200);
    await call(trainer, 'POST', `/api/trainings/registrations/${revoked.registrationId}/certificate/revoke`, {
      reason: 'Test zaliczony przez inną osobę',
    });
    await call(worker, 'POST', `/api/trainings/${revoked.trainingId}/lessons/${a.id}/complete`);
    await call(worker, 'POST', `/api/trainings/${revoked.trainingId}/lessons/${b.id}/complete`);
    expect((await certificateOfRegistration(db, revoked.registrationId))?.revokedOn).toBe(today);
  });
});
