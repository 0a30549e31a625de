import { type IndicatorBand, type Portfolio, progressOf } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { warsawToday } from '../cases/tasks.js';
import { definition, institution, programmeNode, project, projectIndicator } from './indicators.fixtures.js';
import { achievedSql, bandSql, elapsedSql } from './portfolio.js';

let t: TestApp;
let analyst: TestSession;
let andrychow: TestSession;
const today = warsawToday();

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}

beforeAll(async () => {
  t = await createTestApp();
  [analyst, andrychow] = await Promise.all([
    login(t.app, 'analityk.kielce'),
    login(t.app, 'koordynator.andrychow'),
  ]);
});

describe('bands in SQL', () => {
  it('gives the same progress and band as the domain rule, for every kind of case', async () => {
    const cases: {
      baseline: string;
      target: string;
      current: string | null;
      s: string;
      e: string;
      d: string;
    }[] = [];
    const periods = [
      ['2024-01-01', '2026-12-31'],
      ['2025-05-05', '2025-05-05'],
      ['2024-03-10', '2024-03-13'],
    ] as const;
    for (const [baseline, target] of [
      ['0', '30'],
      ['5', '5'],
      ['100', '654'],
      ['50', '20'],
      ['0', '3'],
    ])
      for (const current of [null, '0', '1', '2', '10', '29.9999', '30', '35', '327', '700'])
        for (const [s, e] of periods)
          for (const d of [
            '2023-12-31',
            '2024-01-01',
            '2024-03-11',
            '2024-03-12',
            '2025-05-05',
            '2025-06-30',
            '2027-01-01',
          ])
            cases.push({ baseline: baseline as string, target: target as string, current, s, e, d });
    const rows = await q<{ i: number; achieved: number | null; elapsed: number; band: IndicatorBand }>(
      sql`select v.i, ${achievedSql(sql`v.current`, sql`v.baseline`, sql`v.target`)} as achieved,
            ${elapsedSql(sql`v.s`, sql`v.e`, sql`v.d`)} as elapsed,
            ${bandSql(
              achievedSql(sql`v.current`, sql`v.baseline`, sql`v.target`),
              elapsedSql(sql`v.s`, sql`v.e`, sql`v.d`),
              sql`v.e`,
              sql`v.d`,
            )} as band
          from (values ${sql.join(
            cases.map(
              (c, i) =>
                sql`(${i}::int, ${c.baseline}::numeric, ${c.target}::numeric, ${c.current}::numeric, ${c.s}::date, ${c.e}::date, ${c.d}::date)`,
            ),
            sql`, `,
          )}) as v(i, baseline, target, current, s, e, d)
          order by v.i`,
    );
    const mismatches = rows.filter((r) => {
      const c = cases[r.i] as (typeof cases)[number];
      const p = progressOf({
        baseline: c.baseline,
        target: c.target,
        current: c.current,
        startsOn: c.s,
        endsOn: c.e,
        asOf: c.d,
      });
      return p.achieved !== r.achieved || p.elapsed !== Number(r.elapsed) || p.band !== r.band;
    });
    expect(rows).toHaveLength(cases.length);
    expect(mismatches).toEqual([]);
  });
});

describe('the portfolio', () => {
  let gmina: string;
  let p1: string;
  let p3: string;
  let p2: string;
  let child: string;
  let parent: string;
  let shared: string;
  let p2Indicator: string;

  beforeAll(async () => {
    const db = t.database.db;
    parent = await programmeNode(db);
    const [c] = await q<{ id: string }>(
      sql`insert into programme_nodes (parent_id, kind, code, name) values (${parent}, 'dzialanie', '1.1', 'Działanie testowe')
          returning id`,
    );
    child = c?.id as string;
    gmina = await institution(db, { name: 'Gmina Testowa', sector: 'administracja', teryt: '2661011' });
    const running = { startsOn: '2024-01-01', endsOn: '2027-12-31' };
    p1 = await project(db, { node: child, leader: gmina, number: 'PORTFEL/1', ...running });
    p3 = await project(db, {
      node: parent,
      leader: gmina,
      number: 'PORTFEL/3',
      status: 'zakonczony',
      startsOn: '2020-01-01',
      endsOn: '2023-12-31',
    });
    p2 = await project(db, {
      node: parent,
      leader: await institutionIdOf(db, 'OPS Andrychów'),
      number: 'PORTFEL/2',
      team: [{ userId: await userIdOf(db, 'koordynator.andrychow'), role: 'koordynator' }],
      ...running,
    });
    shared = await definition(db, { name: 'Wspólny wskaźnik portfela' });
    const stored = async (projectId: string, target: string, current: string | null, def = shared) => {
      const id = await projectIndicator(db, { projectId, definitionId: def, target });
      await q(
        sql`update project_indicators set current_value = ${current}::numeric, current_on = ${current === null ? null : today}::date where id = ${id}`,
      );
    };
    await stored(p1, '100', '100'); // achieved
    await stored(p1, '100', null, await definition(db)); // no value yet
    await stored(p1, '100', '1', await definition(db)); // far behind
    await stored(p3, '50', '20'); // the project ended: not achieved
    await stored(p2, '10', '10');
    p2Indicator = (
      await q<{ id: string }>(sql`select id from project_indicators where project_id = ${p2}`)
    )[0]?.id as string;
  });

  const portfolio = async (session: TestSession, query: string) => {
    const res = await session.inject({ method: 'GET', url: `/api/indicators/portfolio?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Portfolio;
  };

  it('counts bands per project from the stored figures, over the projects the analyst reads', async () => {
    const p = await portfolio(analyst, `institution=${gmina}`);
    expect(p.totals).toMatchObject({
      projects: 2,
      indicators: 4,
      byBand: { osiagniety: 1, brak_danych: 1, zagrozony: 1, nieosiagniety: 1, zgodnie: 0, ryzyko: 0 },
    });
    expect(p.projects.map((x) => x.number)).toEqual(['PORTFEL/1', 'PORTFEL/3']);
    expect(p.projects[0]).toMatchObject({
      leader: { name: 'Gmina Testowa' },
      indicators: 3,
      byBand: { osiagniety: 1, brak_danych: 1, zagrozony: 1 },
    });
    const sharedRow = p.indicators.find((d) => d.definitionId === shared);
    expect(sharedRow).toMatchObject({ projects: 2, target: '150', current: '120', achieved: 8_000 });
  });

  it('filters by programme (with the nodes below), status and region', async () => {
    expect((await portfolio(analyst, `institution=${gmina}&programme=${parent}`)).totals.projects).toBe(2);
    expect(
      (await portfolio(analyst, `institution=${gmina}&programme=${child}`)).projects.map((x) => x.number),
    ).toEqual(['PORTFEL/1']);
    expect(
      (await portfolio(analyst, `institution=${gmina}&status=zakonczony`)).projects.map((x) => x.number),
    ).toEqual(['PORTFEL/3']);
    // The analyst of świętokrzyskie sees no project of małopolskie.
    const elsewhere = await portfolio(analyst, 'region=12');
    expect(elsewhere.projects.map((x) => x.id)).not.toContain(p2);
    expect((await portfolio(analyst, 'limit=1&offset=0')).projects).toHaveLength(1);
  });

  it('shows a coordinator their own projects only', async () => {
    const p = await portfolio(andrychow, '');
    const ids = p.projects.map((x) => x.id);
    expect(ids).toContain(p2);
    expect(ids).not.toContain(p1);
    expect(p.projects.find((x) => x.id === p2)?.byBand.osiagniety).toBe(1);
  });

  it('shows a value just entered at once, although portfolios are kept for a while', async () => {
    const before = await portfolio(andrychow, '');
    expect(before.projects.find((x) => x.id === p2)?.byBand.osiagniety).toBe(1);
    // The figures behind the cached answer change without the API: the cache answers as before.
    await q(sql`update project_indicators set current_value = 1 where id = ${p2Indicator}`);
    expect((await portfolio(andrychow, '')).projects.find((x) => x.id === p2)?.byBand.osiagniety).toBe(1);
    // A value entered through the API forgets the cached portfolios.
    const res = await andrychow.inject({
      method: 'POST',
      url: `/api/projects/${p2}/indicators/${p2Indicator}/values`,
      payload: { measuredOn: today, value: '2', breakdown: {}, sourceNote: 'Listy obecności' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await portfolio(andrychow, '');
    expect(after.projects.find((x) => x.id === p2)?.byBand.osiagniety).toBe(0);
  });
});
