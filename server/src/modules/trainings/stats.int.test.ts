/**
 * The organiser's statistics `GET /api/trainings/stats` (docs/trainings.md): staff supported and
 * staff who raised their qualifications in the trainings of the active institution as of a day, by
 * institution type and by place — the definitions of the indicators, so the ROPS Kielce demo gives
 * the same totals as the FERS project's metrics; other organisers' trainings never count.
 */
import type { Problem, TrainingStats } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { computeMetric } from '../indicators/metrics/index.js';
import { staffFixtures } from './staff.fixtures.js';

let t: TestApp;
let trainer: TestSession; // trener — organiser at ROPS Kraków (made active here) and ROPS Kielce

/** The demo trainer with the given institution active. */
async function trainerAt(shortName: string): Promise<TestSession> {
  const s = await login(t.app, 'trener');
  const res = await s.inject({
    method: 'POST',
    url: '/api/auth/institution',
    payload: { institutionId: await institutionIdOf(t.database.db, shortName) },
  });
  expect(res.statusCode).toBe(200);
  return s;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  trainer = await trainerAt('ROPS Kraków');
  const f = staffFixtures(db, await userIdOf(db, 'trener'));
  const krakow = await institutionIdOf(db, 'ROPS Kraków');
  const mops = await institutionIdOf(db, 'MOPS Bochnia'); // ops, gmina miejska Bochnia
  const pcpr = await institutionIdOf(db, 'PCPR Bochnia'); // pcpr, powiat bocheński
  const andrychow = await institutionIdOf(db, 'OPS Andrychów');

  const own = await f.training({ organiser: krakow });
  const spring = await f.edition(own, ['2023-05-10', '2023-05-11']);
  const june = await f.edition(own, ['2023-06-05']);
  const attend = async (e: { id: string; sessions: string[] }, learner: string) => {
    const r = await f.register(e.id, learner);
    await f.mark(e.sessions[0] as string, r);
    return r;
  };
  // MOPS Bochnia: one in both editions (passed in June), one in spring only.
  const anna = await f.learner({ institution: mops });
  await attend(spring, anna);
  await f.test(await attend(june, anna), { passed: true, on: '2023-06-05' });
  await attend(spring, await f.learner({ institution: mops, sex: 'm' }));
  // PCPR Bochnia: a certificate in June.
  await f.certificate(await attend(spring, await f.learner({ institution: pcpr })), {
    issuedOn: '2023-06-12',
  });
  // Another organiser's training with its own learner: not ROPS Kraków's.
  const theirs = await f.training({ organiser: andrychow });
  await attend(await f.edition(theirs, ['2023-05-10']), await f.learner({ institution: andrychow }));
});

const stats = async (s: TestSession, asOf?: string) => {
  const res = await s.inject({ method: 'GET', url: `/api/trainings/stats${asOf ? `?asOf=${asOf}` : ''}` });
  return { status: res.statusCode, body: res.json() as TrainingStats & Problem };
};

describe('GET /api/trainings/stats', () => {
  it('counts the active institution’s trainings by institution type and by place, each person once', async () => {
    const { status, body } = await stats(trainer, '2023-06-30');
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2023-06-30', supported: 3, raised: 2 });
    expect(body.byInstitutionType).toEqual([
      { type: 'ops', supported: 2, raised: 1 },
      { type: 'pcpr', supported: 1, raised: 1 },
    ]);
    expect(body.byGmina).toEqual([
      { teryt: '1201011', name: expect.stringContaining('Bochnia'), supported: 2, raised: 1 },
      { teryt: '1201', name: 'powiat bocheński', supported: 1, raised: 1 },
    ]);
  });

  it('counts as of the day asked', async () => {
    const before = await stats(trainer, '2023-05-09');
    expect(before.body).toEqual({
      asOf: '2023-05-09',
      supported: 0,
      raised: 0,
      byInstitutionType: [],
      byGmina: [],
    });
    // 10 May: present, nobody tested or certified yet.
    expect((await stats(trainer, '2023-05-10')).body).toMatchObject({ supported: 3, raised: 0 });
  });

  it('gives ROPS Kielce the totals of its FERS project’s indicators (every training of the demo is financed by it)', async () => {
    const kielce = await trainerAt('ROPS Kielce');
    const today = warsawToday();
    const { body } = await stats(kielce);
    expect(body.asOf).toBe(today);
    const [project] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from projects where number = 'FERS.04.13-IP.04-0001/23'`,
    );
    const metric = async (key: string) =>
      Number(
        (
          await computeMetric(t.database.db, key, {
            projectId: project?.id as string,
            asOf: today,
            params: {},
          })
        ).value,
      );
    expect(body.supported).toBe(await metric('staff.supported'));
    expect(body.raised).toBe(await metric('staff.qualifications_raised'));
    expect(body.supported).toBeGreaterThan(400);
    expect(body.byInstitutionType.map((r) => r.type)).toEqual(expect.arrayContaining(['ops', 'cus', 'pcpr']));
    expect(body.byGmina.length).toBeGreaterThan(30);
  });

  it('refuses an impossible day field by field, and staff without trainings.manage', async () => {
    const bad = await stats(trainer, '2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toContain('asOf');
    const worker = await login(t.app, 'pracownik.bochnia');
    expect((await stats(worker)).status).toBe(403);
  });
});
