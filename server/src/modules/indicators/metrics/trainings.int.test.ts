/**
 * The training platform's metrics (`staff.supported`, `staff.qualifications_raised`) on hand-made
 * records of a project made here (never the demo's): distinct persons, the day the records stood
 * at, the Warsaw calendar day of a lesson started, withdrawn and other projects' registrations, a
 * revoked certificate, the gender breakdown and the institution type filter.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { userIdOf } from '../../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../../db/database.js';
import { staffFixtures } from '../../trainings/staff.fixtures.js';
import { institution, programmeNode, project } from '../indicators.fixtures.js';
import { computeMetric, getMetric, MetricInputError } from './index.js';

let t: TestApp;
let db: DbOrTx;
let projectId: string;

const run = (key: string, asOf: string, params: Record<string, unknown> = {}) =>
  computeMetric(db, key, { projectId, asOf, params });
const supported = (asOf: string, params: Record<string, unknown> = {}) =>
  run('staff.supported', asOf, params);
const raised = (asOf: string, params: Record<string, unknown> = {}) =>
  run('staff.qualifications_raised', asOf, params);

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  const f = staffFixtures(db, await userIdOf(db, 'trener'));
  const ops = await institution(db, { name: 'OPS (szkolenia test)', sector: 'pomoc_spoleczna', type: 'ops' });
  const pcpr = await institution(db, {
    name: 'PCPR (szkolenia test)',
    sector: 'pomoc_spoleczna',
    type: 'pcpr',
  });
  const node = await programmeNode(db);
  projectId = await project(db, { node, leader: ops, startsOn: '2025-01-01', endsOn: '2026-12-31' });
  const otherProject = await project(db, { node, leader: ops, startsOn: '2025-01-01', endsOn: '2026-12-31' });

  const workshop = await f.training({ organiser: pcpr, projectId });
  const elearning = await f.training({ organiser: pcpr, projectId });
  const other = await f.training({ organiser: pcpr, projectId: otherProject });
  const e1 = await f.edition(workshop, ['2025-03-10', '2025-03-11']);
  const e2 = await f.edition(workshop, ['2025-05-12']);
  const e3 = await f.edition(elearning, [], ['2025-03-01', '2025-12-31']);
  const e4 = await f.edition(other, ['2025-03-10']);
  const [day1, day2] = e1.sessions as [string, string];
  const may = e2.sessions[0] as string;
  const lesson = await f.lesson(elearning);

  // Anna: in both editions, present at both — one person; passed the final test on 11 March.
  const anna = await f.learner({ institution: ops, sex: 'k' });
  const a1 = await f.register(e1.id, anna);
  await f.mark(day1, a1);
  await f.mark(day2, a1);
  await f.test(a1, { passed: true, on: '2025-03-11' });
  await f.mark(may, await f.register(e2.id, anna));
  // Bartek: absent on the first day, present on the second; failed the final test, passed the one before.
  const bartek = await f.learner({ institution: ops, sex: 'm' });
  const b1 = await f.register(e1.id, bartek);
  await f.mark(day1, b1, false);
  await f.mark(day2, b1);
  await f.test(b1, { kind: 'wstepny', passed: true, on: '2025-03-10' });
  await f.test(b1, { passed: false, on: '2025-03-11' });
  // Celina (PCPR): started a lesson at 00:30 on 6 March in Warsaw (still the 5th in UTC); a
  // certificate issued on 1 April and revoked on 1 May.
  const celina = await f.learner({ institution: pcpr, sex: 'k' });
  const c3 = await f.register(e3.id, celina);
  await f.started(lesson, celina, '2025-03-05T23:30:00Z');
  await f.certificate(c3, { issuedOn: '2025-04-01', revokedOn: '2025-05-01' });
  // Dana: present, but her registration was withdrawn; Ela: confirmed, absent at every session.
  const dana = await f.learner({ institution: ops, sex: 'n' });
  await f.mark(day1, await f.register(e1.id, dana, 'wycofana'));
  const ela = await f.learner({ institution: ops, sex: 'k' });
  const el = await f.register(e1.id, ela);
  await f.mark(day1, el, false);
  await f.mark(day2, el, false);
  // Filip: another project's training, passed.
  const filip = await f.learner({ institution: pcpr, sex: 'm' });
  const fi = await f.register(e4.id, filip);
  await f.mark(e4.sessions[0] as string, fi);
  await f.test(fi, { passed: true, on: '2025-03-10' });
  // Gosia: one user learning as two institutions' employee — one person; certificate and a passed test.
  const [user] = await queryRows<{ id: string }>(
    db,
    sql`insert into users (email, first_name, last_name) values (${`gosia-${randomUUID()}@example.org`}, 'Małgorzata', 'Testowa')
        returning id`,
  );
  const gosiaOps = await f.learner({ institution: ops, sex: 'k', userId: user?.id });
  const gosiaPcpr = await f.learner({ institution: pcpr, sex: 'k', userId: user?.id });
  const g1 = await f.register(e1.id, gosiaOps);
  await f.mark(day1, g1);
  await f.certificate(g1, { issuedOn: '2025-03-20' });
  const g2 = await f.register(e2.id, gosiaPcpr);
  await f.mark(may, g2);
  await f.test(g2, { passed: true, on: '2025-05-12' });
  // Hanna (PCPR, non-binary): the May edition.
  await f.mark(may, await f.register(e2.id, await f.learner({ institution: pcpr, sex: 'n' })));
});

describe('staff.supported', () => {
  it('counts a person once whatever the editions and institutions they learned in', async () => {
    const v = await supported('2025-06-30');
    // Anna, Bartek, Celina, Gosia (two learner records of one user), Hanna.
    expect(v.value).toBe('5');
    expect(v.breakdown).toEqual({ plec: { k: 3, m: 1, n: 1 } });
  });

  it('counts as the records stood at the end of the day: a session after it does not count', async () => {
    expect((await supported('2025-03-05')).value).toBe('0');
    // A lesson started at 00:30 in Warsaw on 6 March counts on the 6th.
    expect((await supported('2025-03-06')).value).toBe('1');
    // 10 March: Anna and Gosia present; Bartek was absent that day, Dana withdrawn, Ela absent.
    expect(await supported('2025-03-10')).toMatchObject({ value: '3', breakdown: { plec: { k: 3 } } });
    expect(await supported('2025-03-11')).toMatchObject({ value: '4', breakdown: { plec: { k: 3, m: 1 } } });
  });

  it('narrows to the type of the learner’s institution', async () => {
    expect((await supported('2025-06-30', { institutionType: 'ops' })).value).toBe('3');
    expect((await supported('2025-06-30', { institutionType: 'pcpr' })).value).toBe('3');
    expect((await supported('2025-06-30', { institutionType: 'cus' })).value).toBe('0');
    expect(() => getMetric('staff.supported')?.params.parse({ institutionType: 'szkoła' })).toThrow();
    await expect(supported('2025-06-30', { institutionType: 'szkoła' })).rejects.toBeInstanceOf(
      MetricInputError,
    );
  });
});

describe('staff.qualifications_raised', () => {
  it('counts a final test passed or a certificate in force, each person once', async () => {
    expect((await raised('2025-03-10')).value).toBe('0');
    // Anna passed on 11 March; Bartek's passed test before the training does not count.
    expect((await raised('2025-03-11')).value).toBe('1');
    // Gosia's certificate (20 March) and Celina's (1 April).
    expect(await raised('2025-04-15')).toMatchObject({ value: '3', breakdown: { plec: { k: 3 } } });
  });

  it('drops a certificate revoked by the day, and keeps the person who passed in two editions once', async () => {
    // Celina's certificate was revoked on 1 May; Gosia passed in May too (still one person).
    expect((await raised('2025-05-01')).value).toBe('2');
    expect((await raised('2025-06-30')).value).toBe('2');
    expect((await raised('2025-06-30', { institutionType: 'pcpr' })).value).toBe('1');
  });
});
