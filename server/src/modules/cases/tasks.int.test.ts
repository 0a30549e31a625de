import type { Task, TaskList } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { type CaseFixture, insertCase, insertPlan, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { addDays, bucketTasks, warsawToday } from './tasks.js';

let t: TestApp;
let worker: TestSession;
let coWorker: TestSession;
let supervisor: TestSession;
let outsider: TestSession;
let active: CaseFixture;
let intake: CaseFixture;
let freshIntake: CaseFixture;
let diagnosed: CaseFixture;
let closed: CaseFixture;
let planId: string;
let actionIds: string[];
const today = warsawToday();
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  [worker, coWorker, supervisor, outsider] = await Promise.all([
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
    login(t.app, 'pracownik.andrychow'),
  ]);
  const supervisorId = await userIdOf(db, 'kierownik.bochnia');
  active = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    coWorkers: ['pracownik2.bochnia'],
    lastName: 'Zadaniowa',
  });
  ({ planId, actionIds } = await insertPlan(db, {
    caseId: active.caseId,
    title: 'Kontrakt na 2026',
    reviewDates: [day(-20), day(-3), day(5)],
    actions: [
      { description: 'Rejestracja w PUP', deadline: day(-2) },
      { description: 'Wizyta u lekarza rodzinnego', deadline: day(0), status: 'w_toku' },
      { description: 'Złożenie wniosku o dodatek mieszkaniowy', deadline: day(3) },
      { description: 'Udział w warsztatach', deadline: day(30) },
      { description: 'Już zrobione', deadline: day(-5), status: 'wykonane' },
      { description: 'Zaniechane', deadline: day(-5), status: 'niewykonane' },
      { description: 'Bez terminu', deadline: null },
      { description: 'Za daleko', deadline: day(90) },
      { description: 'Konsultacja z kierownikiem', deadline: day(1), responsibleUserId: supervisorId },
    ],
  }));
  // A finished plan gives no tasks.
  await insertPlan(db, {
    caseId: active.caseId,
    status: 'zakonczony',
    reviewDates: [day(1)],
    actions: [{ description: 'Stary plan', deadline: day(-1) }],
  });
  intake = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    status: 'zgloszenie',
    openedOn: day(-20),
    lastName: 'Zgłoszona',
  });
  freshIntake = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    status: 'zgloszenie',
    openedOn: day(0),
  });
  diagnosed = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    status: 'zgloszenie',
    openedOn: day(-20),
  });
  await db.execute(
    sql`insert into diagnoses (case_id, version_no, areas, interview, author_id)
        values (${diagnosed.caseId}, 1, '{}'::jsonb, '{}'::jsonb, ${worker.me.user.id})`,
  );
  closed = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    status: 'zamknieta',
  });
  await insertPlan(db, { caseId: closed.caseId, actions: [{ deadline: day(-1) }] });
});

async function tasks(s: TestSession, query = '') {
  const res = await s.inject({ method: 'GET', url: `/api/tasks${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TaskList;
}
const all = (l: TaskList): Task[] => [...l.overdue, ...l.today, ...l.week, ...l.later];
const ofCase = (ts: Task[], c: CaseFixture) => ts.filter((x) => x.caseId === c.caseId);

describe('Moje zadania', () => {
  it('sorts plan actions and review dates into overdue, today, this week and later', async () => {
    const list = await tasks(worker);
    const titles = (ts: Task[]) => ofCase(ts, active).map((x) => x.title);
    expect(titles(list.overdue)).toEqual(['Przegląd planu: Kontrakt na 2026', 'Rejestracja w PUP']);
    expect(titles(list.today)).toEqual(['Wizyta u lekarza rodzinnego']);
    expect(titles(list.week)).toEqual([
      'Konsultacja z kierownikiem',
      'Złożenie wniosku o dodatek mieszkaniowy',
      'Przegląd planu: Kontrakt na 2026',
    ]);
    expect(titles(list.later)).toEqual(['Udział w warsztatach']);
    const overdueAction = list.overdue.find((x) => x.actionId === actionIds[0]);
    expect(overdueAction).toMatchObject({
      key: `action:${actionIds[0]}`,
      kind: 'action',
      due: day(-2),
      overdue: true,
      planId,
      caseNumber: active.number,
      subjectName: 'Anna Zadaniowa',
    });
    expect(list.overdue.find((x) => x.kind === 'review' && x.caseId === active.caseId)?.key).toBe(
      `review:${planId}:${day(-3)}`,
    );
    expect(list.today.every((x) => !x.overdue)).toBe(true);
  });

  it('shows the diagnosis deadline of a case waiting in zgłoszenie without a diagnosis', async () => {
    const list = await tasks(worker);
    expect(ofCase(list.overdue, intake)).toEqual([
      expect.objectContaining({
        key: `diagnosis:${intake.caseId}`,
        kind: 'diagnosis',
        due: day(-6),
        overdue: true,
        subjectName: 'Anna Zgłoszona',
      }),
    ]);
    expect(ofCase(list.later, freshIntake).map((x) => x.due)).toEqual([day(14)]);
    expect(ofCase(all(list), diagnosed)).toEqual([]);
    expect(ofCase(all(list), closed)).toEqual([]);
  });

  it('titles follow the request language', async () => {
    const res = await worker.inject({
      method: 'GET',
      url: '/api/tasks',
      headers: { 'accept-language': 'en' },
    });
    const list = res.json() as TaskList;
    expect(ofCase(list.overdue, intake)[0]?.title).toMatch(/^Diagnosis/);
    expect(ofCase(list.overdue, active).map((x) => x.title)).toContain('Plan review: Kontrakt na 2026');
  });

  it('a co-worker sees the tasks of the case; the supervisor only what is theirs, or a case asked for', async () => {
    expect(ofCase(all(await tasks(coWorker)), active)).toHaveLength(7);
    expect(ofCase(all(await tasks(coWorker)), intake)).toEqual([]);
    const mine = await tasks(supervisor);
    expect(ofCase(all(mine), active).map((x) => x.title)).toEqual(['Konsultacja z kierownikiem']);
    expect(ofCase(all(mine), intake)).toEqual([]);
    const one = await tasks(supervisor, `?caseId=${intake.caseId}`);
    expect(all(one).map((x) => x.key)).toEqual([`diagnosis:${intake.caseId}`]);
  });

  it('counts overdue and today for the badge', async () => {
    const res = await worker.inject({ method: 'GET', url: '/api/tasks/summary' });
    expect(res.statusCode).toBe(200);
    const list = await tasks(worker);
    expect(res.json()).toEqual({ overdue: list.overdue.length, today: list.today.length });
    expect(list.overdue.length).toBeGreaterThanOrEqual(3);
  });

  it('a worker of another institution sees none of it and cannot ask for the case (404)', async () => {
    const list = await tasks(outsider);
    expect(all(list).filter((x) => [active.caseId, intake.caseId].includes(x.caseId))).toEqual([]);
    const res = await outsider.inject({ method: 'GET', url: `/api/tasks?caseId=${active.caseId}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('bucketTasks', () => {
  it('puts the 7th day in the week and the 8th later', () => {
    const task = (due: string): Task => ({
      key: due,
      kind: 'action',
      title: due,
      due,
      caseId: active.caseId,
      caseNumber: 'X',
      subjectName: 'X',
      planId: null,
      actionId: null,
      overdue: due < '2026-03-28',
    });
    const l = bucketTasks(['2026-03-27', '2026-03-28', '2026-04-04', '2026-04-05'].map(task), '2026-03-28');
    expect([l.overdue, l.today, l.week, l.later].map((b) => b.map((x) => x.due))).toEqual([
      ['2026-03-27'],
      ['2026-03-28'],
      ['2026-04-04'],
      ['2026-04-05'],
    ]);
  });
});
