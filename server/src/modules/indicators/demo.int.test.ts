import type { IndicatorValueSeries, ProjectIndicatorList, ReportingPeriodList } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../test/auth.js';
import { institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { seedDemoIndicators } from './demo.js';
import { programmeNode, project } from './indicators.fixtures.js';
import { computeMetric } from './metrics/index.js';

let t: TestApp;

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}
const idOf = async (number: string) =>
  (await q<{ id: string }>(sql`select id from projects where number = ${number}`))[0]?.id as string;

/**
 * The demo step on the four demo projects. When the template already holds the projects demo and
 * this step, the test checks what is there; otherwise it makes the projects (numbers and periods of
 * the seeds) and runs the step, after checking that the step copes with a database without them.
 */
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const seeded = await q<{ n: number }>(
    sql`select count(*)::int as n from project_indicators pi join projects p on p.id = pi.project_id
        where p.number = 'POWR.02.05.00-00-0202/18'`,
  );
  if ((seeded[0]?.n ?? 0) > 0) return;
  // Without the projects the step adds nothing to them and does not fail.
  const rolledBack = new Error('roll back');
  await expect(
    db.transaction(async (tx) => {
      await seedDemoIndicators(tx);
      throw rolledBack;
    }),
  ).rejects.toBe(rolledBack);
  const node = await programmeNode(db);
  const make = async (
    number: string,
    leader: string,
    coordinator: string,
    startsOn: string,
    endsOn: string,
  ) => {
    if (await idOf(number)) return;
    await project(db, {
      node,
      number,
      leader: await institutionIdOf(db, leader),
      team: [{ userId: await userIdOf(db, coordinator), role: 'koordynator' }],
      startsOn,
      endsOn,
    });
  };
  await make('FERS.04.13-IP.04-0001/23', 'ROPS Kielce', 'koordynator.kielce', '2023-09-01', '2028-12-31');
  await make(
    'RPMP.09.01.02-12-0142/17',
    'OPS Andrychów',
    'koordynator.andrychow',
    '2019-01-01',
    '2022-03-31',
  );
  await make('POWR.02.05.00-00-0201/18', 'ROPS Kielce', 'koordynator.kielce', '2018-04-01', '2023-10-31');
  await make('POWR.02.05.00-00-0202/18', 'ROPS Kraków', 'koordynator.krakow', '2018-04-01', '2023-09-30');
  await db.transaction((tx) => seedDemoIndicators(tx));
});

describe('demo indicators', () => {
  it('gives Kooperacje 3D its targets from the seed, a corrected value and the year 2021 frozen', async () => {
    const coordinator = await login(t.app, 'koordynator.krakow');
    const id = await idOf('POWR.02.05.00-00-0202/18');
    const list = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators` })
    ).json() as ProjectIndicatorList;
    expect(list.items.map((i) => [i.definition.name, i.target])).toEqual([
      ['Liczba gmin, w których przetestowano model kooperacji', '30'],
      ['Liczba powiatów, w których przetestowano model kooperacji', '20'],
      ['Liczba osób i rodzin objętych wsparciem zgodnie z modelem kooperacji', '150'],
    ]);
    expect(list.items.every((i) => i.band === 'osiagniety')).toBe(true);
    const persons = list.items[2] as ProjectIndicatorList['items'][number];
    const series = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators/${persons.id}/values` })
    ).json() as IndicatorValueSeries;
    expect(series.points.find((p) => p.measuredOn === '2022-06-30')?.value).toBe('149');
    expect(series.items.filter((i) => i.supersededById)).toHaveLength(1);
    const periods = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators/periods` })
    ).json() as ReportingPeriodList;
    expect(periods.items.map((p) => [p.name, p.status])).toEqual([
      ['2021', 'zamrozony'],
      ['2022', 'otwarty'],
      ['2023 (do końca projektu)', 'otwarty'],
    ]);
    expect(periods.items[0]?.figures.map((f) => f.value)).toEqual(['27', '18', '128']);
    expect(periods.items[1]?.abilities.freeze).toBe(true);
  });

  it('gives the ROPS Kielce project its three indicators, the LPDI share from numerator and denominator', async () => {
    const analyst = await login(t.app, 'analityk.kielce');
    const id = await idOf('FERS.04.13-IP.04-0001/23');
    const list = (
      await analyst.inject({ method: 'GET', url: `/api/projects/${id}/indicators` })
    ).json() as ProjectIndicatorList;
    expect(list.items.map((i) => i.target)).toEqual(['688', '654', '50']);
    expect(list.items[2]?.current).toMatchObject({ numerator: '44', denominator: '116', value: '37.931' });
    // The staff indicators are computed from the training platform's records (demo:trainings).
    expect(list.items.map((i) => i.metricKey)).toEqual([
      'staff.supported',
      'staff.qualifications_raised',
      null,
    ]);
  });

  it('measures the ROPS Kielce staff indicators from the training records: today’s value is the metric’s', async () => {
    const coordinator = await login(t.app, 'koordynator.kielce');
    const id = await idOf('FERS.04.13-IP.04-0001/23');
    const list = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators` })
    ).json() as ProjectIndicatorList;
    const today = warsawToday();
    for (const item of list.items.slice(0, 2)) {
      const now = await computeMetric(t.database.db, item.metricKey as string, {
        projectId: id,
        asOf: today,
        params: {},
      });
      expect(item.current).toMatchObject({ value: now.value, measuredOn: today, breakdown: now.breakdown });
      expect(Number(now.value)).toBeGreaterThan(0);
      expect(Number(now.value)).toBeLessThan(Number(item.target));
      const series = (
        await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators/${item.id}/values` })
      ).json() as IndicatorValueSeries;
      // A measurement at the end of every quarter since 2024, growing.
      expect(series.points.length).toBeGreaterThanOrEqual(8);
      const values = series.points.map((p) => Number(p.value));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    // The years 2024 and 2025 are frozen with the metrics as of their last day.
    const periods = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${id}/indicators/periods` })
    ).json() as ReportingPeriodList;
    const y2024 = periods.items.find((p) => p.name === '2024');
    expect(y2024?.status).toBe('zamrozony');
    expect(periods.items.find((p) => p.name === '2025')?.status).toBe('zamrozony');
    const atYearEnd = await computeMetric(t.database.db, 'staff.supported', {
      projectId: id,
      asOf: '2024-12-31',
      params: {},
    });
    expect(y2024?.figures.map((f) => f.value)).toContain(atYearEnd.value);
  });

  it('computes indicators from the records on a project of MOPS Bochnia, measured over months', async () => {
    const [row] = await q<{ id: string; number: string }>(
      sql`select p.id, p.number from projects p join project_indicators pi on pi.project_id = p.id
          where pi.source = 'metric' and (p.leader_institution_id = ${await institutionIdOf(t.database.db, 'MOPS Bochnia')}
            or exists (select 1 from project_partners pp join institutions i on i.id = pp.institution_id
                       where pp.project_id = p.id and i.short_name = 'MOPS Bochnia'))
          limit 1`,
    );
    expect(row).toBeDefined();
    const coordinator = await login(t.app, 'koordynator.krakow');
    const list = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${row?.id}/indicators` })
    ).json() as ProjectIndicatorList;
    const byKey = new Map(list.items.map((i) => [i.metricKey, i]));
    expect([...byKey.keys()].sort()).toEqual([
      'agreements.signed',
      'cases.multi_sector_team',
      'cases.multi_sector_team_share',
      'cases.persons_in_multi_sector_cases',
      'partnerships.member_entities',
      'referrals.completed',
    ]);
    // The demo cases of MOPS Bochnia have teams with the school and the police.
    expect(Number(byKey.get('cases.multi_sector_team')?.current?.value)).toBeGreaterThan(0);
    expect(byKey.get('cases.persons_in_multi_sector_cases')?.current?.breakdown.plec).toBeDefined();
    expect(Number(byKey.get('partnerships.member_entities')?.current?.value)).toBeGreaterThanOrEqual(9);
    const series = (
      await coordinator.inject({
        method: 'GET',
        url: `/api/projects/${row?.id}/indicators/${byKey.get('cases.multi_sector_team')?.id}/values`,
      })
    ).json() as IndicatorValueSeries;
    expect(series.points.length).toBeGreaterThanOrEqual(2);
    // A fresh measurement gives the same figure as the one recorded today by the demo.
    const measured = await coordinator.inject({
      method: 'POST',
      url: `/api/projects/${row?.id}/indicators/${byKey.get('cases.multi_sector_team')?.id}/measurements`,
    });
    expect(measured.statusCode).toBe(201);
    expect((measured.json() as IndicatorValueSeries).points.at(-1)?.value).toBe(series.points.at(-1)?.value);
  });
});
