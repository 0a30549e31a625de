/**
 * The map measure `staff_trained` (docs/region.md, docs/trainings.md): staff "supported" by the
 * training platform on the day, by the gmina of their institution (a powiat adds its gminy and its
 * own institutions up), each person once, counts 1–4 suppressed and a powiat that would give a
 * suppressed gmina away suppressed too; the CSV of the map leaves a suppressed value empty. Records
 * of 2023 made here, before any of the demo's trainings.
 */
import type { RegionMap } from '@kooperacja/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { institution } from '../indicators/indicators.fixtures.js';
import { staffFixtures } from '../trainings/staff.fixtures.js';

let t: TestApp;
let analyst: TestSession;

const GNOJNO = '2601022';
const TUCZEPY = '2601072';
const WISLICA = '2601083';
const BUSKI = '2601';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  analyst = await login(t.app, 'analityk.kielce');
  const f = staffFixtures(db, await userIdOf(db, 'trener'));
  const at = (teryt: string, type: string) =>
    institution(db, { name: `Instytucja ${teryt} (test)`, sector: 'pomoc_spoleczna', type, teryt });
  const gnojno = await at(GNOJNO, 'ops');
  const tuczepy = await at(TUCZEPY, 'ops');
  const pcpr = await at(BUSKI, 'pcpr');
  const training = await f.training({ organiser: pcpr });
  const may = await f.edition(training, ['2023-05-10']);
  const september = await f.edition(training, ['2023-09-12']);
  const attend = async (edition: { id: string; sessions: string[] }, learner: string, present = true) =>
    f.mark(edition.sessions[0] as string, await f.register(edition.id, learner), present);

  // Gnojno: three in May (one of them again in September), two more in September.
  const gnojnoStaff = [];
  for (let i = 0; i < 3; i++) gnojnoStaff.push(await f.learner({ institution: gnojno }));
  for (const l of gnojnoStaff) await attend(may, l);
  await attend(september, gnojnoStaff[0] as string);
  for (let i = 0; i < 2; i++) await attend(september, await f.learner({ institution: gnojno }));
  // Not counted: absent, or waiting (never confirmed).
  await attend(may, await f.learner({ institution: gnojno }), false);
  await f.register(may.id, await f.learner({ institution: gnojno }), 'rezerwowa');
  // Tuczępy: five in May. The PCPR of the powiat: one in May.
  for (let i = 0; i < 5; i++) await attend(may, await f.learner({ institution: tuczepy }));
  await attend(may, await f.learner({ institution: pcpr, sex: 'm' }));
});

const mapOf = async (query: string) => {
  const res = await analyst.inject({
    method: 'GET',
    url: `/api/region/26/map?measure=staff_trained&${query}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as RegionMap;
};
const unitOn = (map: RegionMap, teryt: string) => map.units.find((u) => u.teryt === teryt);

describe('map measure staff_trained', () => {
  it('shows 5 or more and zero, hides 1–4, and hides the powiat that would give a gmina away', async () => {
    const gminy = await mapOf('level=gmina&asOf=2023-06-30');
    expect(unitOn(gminy, GNOJNO)).toMatchObject({ value: null, suppressed: true });
    expect(unitOn(gminy, TUCZEPY)).toMatchObject({ value: 5, suppressed: false });
    expect(unitOn(gminy, WISLICA)).toMatchObject({ value: 0, suppressed: false });
    // 9 in the powiat less Tuczępy's 5 would leave Gnojno's 3 (and the PCPR's 1) in the open.
    const powiaty = await mapOf('level=powiat&asOf=2023-06-30');
    expect(unitOn(powiaty, BUSKI)).toMatchObject({ value: null, suppressed: true });
  });

  it('counts the day the records stood at, each person once, with the powiat’s own institutions', async () => {
    const before = await mapOf('level=gmina&asOf=2023-05-09');
    expect(unitOn(before, TUCZEPY)).toMatchObject({ value: 0, suppressed: false });
    // September: Gnojno's five (one of them at both sessions); the powiat 5 + 5 + the PCPR's 1.
    const gminy = await mapOf('level=gmina&asOf=2023-09-30');
    expect(unitOn(gminy, GNOJNO)).toMatchObject({ value: 5, suppressed: false });
    const powiaty = await mapOf('level=powiat&asOf=2023-09-30');
    expect(unitOn(powiaty, BUSKI)).toMatchObject({ value: 11, suppressed: false });
  });

  it('exports the measure with a suppressed value as an empty cell', async () => {
    const res = await analyst.inject({
      method: 'GET',
      url: '/api/region/26/map.csv?measure=staff_trained&level=gmina&asOf=2023-06-30',
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('Przeszkoleni pracownicy (platforma szkoleń)');
    expect(lines.find((l) => l.startsWith(`${GNOJNO};`))).toMatch(/;;tak$/);
    expect(lines.find((l) => l.startsWith(`${TUCZEPY};`))).toMatch(/;5;$/);
  });
});
