/**
 * The participant metrics on hand-made participants: the ESF+ outputs from the data at entry
 * (EECO01–EECO17) with their breakdowns, the results on leaving and after six months, and the two
 * effectiveness percentages — each counted as of chosen days, a person recorded twice once.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { userIdOf } from '../../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../../db/database.js';
import { institution, programmeNode, project } from '../indicators.fixtures.js';
import { commonIndicators } from '../reference.js';
import { computeMetric, getMetric, MetricInputError, metricParamsOf } from './index.js';
import { esfParticipantMetrics } from './participants.js';

let t: TestApp;
let db: DbOrTx;
let projectId: string;
let other: string;
let ops: string;
let user: string;

const run = (key: string, asOf: string, params: Record<string, unknown> = {}) =>
  computeMetric(db, key, { projectId, asOf, params });
const value = async (key: string, asOf: string, params: Record<string, unknown> = {}) =>
  (await run(key, asOf, params)).value;

async function person(o: { sex: 'K' | 'M'; pesel?: string; mergedInto?: string }): Promise<string> {
  const [r] = await queryRows<{ id: string }>(
    db,
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex, pesel, merged_into, created_by)
        values (${ops}, 'Osoba', 'Testowa', '1990-01-01', ${o.sex}, ${o.pesel ?? null}, ${o.mergedInto ?? null}, ${user})
        returning id`,
  );
  return r?.id as string;
}

let n = 0;
async function participant(
  personId: string,
  o: {
    project?: string;
    sex: 'K' | 'M';
    age: number;
    joinedOn: string;
    labour: readonly [string, string];
    education: string;
    degurba: number;
    disability?: string;
    foreignOrigin?: string;
    thirdCountry?: string;
    minority?: string;
    homeless?: string;
    left?: { on: string; status: string; completed: boolean; results: string[] };
    followUp?: { on: string; result: string[] };
  },
) {
  await db.execute(
    sql`insert into participants (project_id, person_id, technical_id, joined_on, age_at_entry, sex, education, teryt,
          degurba, labour_status, labour_status_detail, disability, foreign_origin, third_country, minority, homeless,
          status, left_on, completed_path, exit_situation, exit_results, follow_up_on, follow_up_result)
        values (${o.project ?? projectId}, ${personId}, ${`T/${++n}`}, ${o.joinedOn}, ${o.age}, ${o.sex}, ${o.education},
          '1218013', ${o.degurba}, ${o.labour[0]}, ${o.labour[1]}, ${o.disability ?? 'nie'}, ${o.foreignOrigin ?? 'nie'},
          ${o.thirdCountry ?? 'nie'}, ${o.minority ?? 'nie'}, ${o.homeless ?? 'nie'}, ${o.left?.status ?? 'aktywny'},
          ${o.left?.on ?? null}, ${o.left?.completed ?? null}, ${JSON.stringify(o.left ? ['inne'] : [])}::jsonb,
          ${JSON.stringify(o.left?.results ?? [])}::jsonb, ${o.followUp?.on ?? null},
          ${JSON.stringify(o.followUp?.result ?? [])}::jsonb)`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  user = await userIdOf(db, 'koordynator.andrychow');
  ops = await institution(db, { name: 'Ośrodek Uczestników', sector: 'pomoc_spoleczna', type: 'ops' });
  const node = await programmeNode(db);
  projectId = await project(db, { node, leader: ops, startsOn: '2019-01-01', endsOn: '2021-12-31' });
  other = await project(db, { node, leader: ops, startsOn: '2019-01-01', endsOn: '2021-12-31' });

  // A: a girl of 17, long-term unemployed, ISCED 2, with a disability, rural; left employed with social progress; employed after six months.
  const a = await person({ sex: 'K', pesel: '02230112340' });
  const A = {
    sex: 'K',
    age: 17,
    labour: ['bezrobotna_zarejestrowana', 'dlugotrwale_bezrobotna'],
    education: 'isced_2',
    degurba: 3,
    disability: 'tak',
  } as const;
  await participant(a, {
    ...A,
    joinedOn: '2019-02-01',
    left: {
      on: '2019-10-31',
      status: 'zakonczony',
      completed: true,
      results: ['pracuje', 'postep_spoleczny'],
    },
    followUp: { on: '2020-05-10', result: ['pracuje'] },
  });
  // A again: a duplicate record of the registry merged into A, enrolled a second time — one person.
  await participant(await person({ sex: 'K', pesel: '02230112340', mergedInto: a }), {
    ...A,
    joinedOn: '2020-03-01',
  });
  // B: a man of 25, inactive and studying, ISCED 3, third-country national of foreign origin; dropped out, searching for a job.
  await participant(await person({ sex: 'M' }), {
    sex: 'M',
    age: 25,
    joinedOn: '2019-03-01',
    labour: ['bierna_zawodowo', 'uczaca_sie'],
    education: 'isced_3',
    degurba: 1,
    thirdCountry: 'tak',
    foreignOrigin: 'tak',
    left: { on: '2019-12-15', status: 'przerwany', completed: false, results: ['szuka_pracy'] },
  });
  // C: a working woman of 56, ISCED 5–8, refused to answer on minority, homeless; qualification and progress; better situation after six months.
  await participant(await person({ sex: 'K' }), {
    sex: 'K',
    age: 56,
    joinedOn: '2019-06-01',
    labour: ['pracujaca', 'inne_pracujaca'],
    education: 'isced_5_8',
    degurba: 2,
    minority: 'odmowa',
    homeless: 'tak',
    left: {
      on: '2020-01-31',
      status: 'zakonczony',
      completed: true,
      results: ['postep_spoleczny', 'kwalifikacje'],
    },
    followUp: { on: '2020-08-01', result: ['lepsza_sytuacja'] },
  });
  // D: a man of 40, unemployed not registered, ISCED 4, with a disability, of a minority; still in the project.
  await participant(await person({ sex: 'M' }), {
    sex: 'M',
    age: 40,
    joinedOn: '2020-02-01',
    labour: ['bezrobotna_niezarejestrowana', 'inne_bezrobotna'],
    education: 'isced_4',
    degurba: 2,
    disability: 'tak',
    minority: 'tak',
  });
  // Someone of another project of the same institution never counts.
  await participant(await person({ sex: 'M' }), {
    project: other,
    sex: 'M',
    age: 30,
    joinedOn: '2019-02-01',
    labour: ['pracujaca', 'inne_pracujaca'],
    education: 'isced_3',
    degurba: 3,
    left: { on: '2019-05-01', status: 'zakonczony', completed: true, results: ['pracuje'] },
  });
});

describe('participants.entered (EECO01–EECO17)', () => {
  it('counts distinct persons who joined by the day, by sex and age at entry', async () => {
    expect(await run('participants.entered', '2021-12-31')).toMatchObject({
      value: '4',
      breakdown: { plec: { k: 2, m: 2 }, wiek: { ponizej_18: 1, '18_29': 1, '30_54': 1, '55_plus': 1 } },
    });
    expect(await value('participants.entered', '2019-05-31')).toBe('2');
    expect(await value('participants.entered', '2019-01-31')).toBe('0');
  });

  it('filters by the labour-market status, age group and education at entry', async () => {
    const at = '2021-12-31';
    expect(await value('participants.entered', at, { labourStatus: 'bezrobotni' })).toBe('2');
    expect(await value('participants.entered', at, { labourStatus: 'dlugotrwale_bezrobotni' })).toBe('1');
    expect(await value('participants.entered', at, { labourStatus: 'bierni' })).toBe('1');
    expect(await value('participants.entered', at, { labourStatus: 'pracujacy' })).toBe('1');
    expect(await value('participants.entered', at, { ageGroup: 'ponizej_18' })).toBe('1');
    expect(await value('participants.entered', at, { ageGroup: '18_29' })).toBe('1');
    expect(await value('participants.entered', at, { ageGroup: '55_plus' })).toBe('1');
    expect(await value('participants.entered', at, { education: 'isced_0_2' })).toBe('1');
    expect(await value('participants.entered', at, { education: 'isced_3_4' })).toBe('2');
    expect(await value('participants.entered', at, { education: 'isced_5_8' })).toBe('1');
  });

  it('counts only "Tak" of a characteristic (a refusal is not a yes), and rural as DEGURBA 3', async () => {
    const at = '2021-12-31';
    expect(await run('participants.entered', at, { disability: true })).toMatchObject({
      value: '2',
      breakdown: { plec: { k: 1, m: 1 } },
    });
    expect(await value('participants.entered', at, { thirdCountry: true })).toBe('1');
    expect(await value('participants.entered', at, { foreignOrigin: true })).toBe('1');
    expect(await value('participants.entered', at, { minority: true })).toBe('1');
    expect(await value('participants.entered', at, { homeless: true })).toBe('1');
    expect(await value('participants.entered', at, { rural: true })).toBe('1');
    expect(
      await value('participants.entered', at, { labourStatus: 'bezrobotni', disability: true, rural: true }),
    ).toBe('1');
  });

  it('refuses parameters it does not know', () => {
    expect(() => metricParamsOf('participants.entered', { labourStatus: 'emeryci' })).toThrow(
      MetricInputError,
    );
  });
});

describe('results on leaving and after six months (EECR01–EECR06)', () => {
  it('counts persons who left by the day with the result, optionally by their status at entry', async () => {
    expect(await run('participants.result_on_leaving', '2021-12-31', { result: 'pracuje' })).toMatchObject({
      value: '1',
      breakdown: { plec: { k: 1 } },
    });
    expect(
      await value('participants.result_on_leaving', '2021-12-31', {
        result: 'pracuje',
        statusAtEntry: 'niepracujacy',
      }),
    ).toBe('1');
    expect(
      await value('participants.result_on_leaving', '2021-12-31', {
        result: 'pracuje',
        statusAtEntry: 'pracujacy',
      }),
    ).toBe('0');
    expect(
      await value('participants.result_on_leaving', '2021-12-31', {
        result: 'szuka_pracy',
        statusAtEntry: 'bierni',
      }),
    ).toBe('1');
    expect(await value('participants.result_on_leaving', '2021-12-31', { result: 'kwalifikacje' })).toBe('1');
    expect(await value('participants.result_on_leaving', '2019-11-30', { result: 'kwalifikacje' })).toBe('0');
    expect(await value('participants.result_on_leaving', '2019-11-30', { result: 'pracuje' })).toBe('1');
  });

  it('counts the six-month results from the day of the follow-up', async () => {
    expect(await value('participants.result_after_6_months', '2021-12-31')).toBe('1');
    expect(await value('participants.result_after_6_months', '2020-05-09')).toBe('0');
    expect(
      await value('participants.result_after_6_months', '2021-12-31', {
        result: 'lepsza_sytuacja',
        statusAtEntry: 'pracujacy',
      }),
    ).toBe('1');
  });
});

describe('effectiveness', () => {
  it('social: persons who left with progress in social integration among all who left', async () => {
    expect(await run('participants.social_effectiveness', '2021-12-31')).toMatchObject({
      numerator: '2',
      denominator: '3',
      value: '66.6667',
    });
    expect(
      await run('participants.social_effectiveness', '2021-12-31', { completedPathOnly: true }),
    ).toMatchObject({
      numerator: '2',
      denominator: '2',
      value: '100',
    });
  });

  it('employment: persons employed on leaving among all who left, also for persons with disabilities', async () => {
    expect(await run('participants.employment_effectiveness', '2021-12-31')).toMatchObject({
      numerator: '1',
      denominator: '3',
      value: '33.3333',
    });
    expect(
      await run('participants.employment_effectiveness', '2021-12-31', { group: 'z_niepelnosprawnoscia' }),
    ).toMatchObject({ numerator: '1', denominator: '1' });
    expect(await run('participants.employment_effectiveness', '2019-10-30')).toMatchObject({
      numerator: '0',
      denominator: '0',
      value: '0',
    });
  });
});

describe('the ESF+ library', () => {
  it('names a metric with valid parameters for every participant indicator EECO01–17 and EECR01–06', () => {
    const codes = commonIndicators.map((i) => i.code).filter((c) => /^EEC(O(0\d|1[0-7])|R0[1-6])$/.test(c));
    expect(codes).toHaveLength(23);
    for (const code of codes) {
      const m = esfParticipantMetrics[code];
      expect(m, code).toBeDefined();
      const metric = getMetric(m?.key as string);
      expect(metric?.unit, code).toBe('osoby');
      expect(() => metricParamsOf(m?.key as string, m?.params)).not.toThrow();
    }
  });
});
