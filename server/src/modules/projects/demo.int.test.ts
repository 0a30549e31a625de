/**
 * The demo projects carry the figures of the source documents to the grosz (seeds 001–004), meet
 * every co-financing rule, and name the right leaders, partners, places and coordinators.
 */
import { moneyIssues, parseAmount } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { seedDemoProjects } from './demo.js';
import { grosze, loadPartners, tasksTotal } from './queries.js';

let t: TestApp;
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const zl = (printed: string) => {
  const p = parseAmount(printed);
  if (!p.ok) throw new Error(printed);
  return p.grosze;
};

/** As the sources print them. */
const sources = {
  'FERS.04.13-IP.04-0001/23': {
    leader: 'ROPS Kielce',
    programme: 'FERS 2021-2027/4/04.13',
    period: ['2023-09-01', '2028-12-31'],
    total: '13 768 806,14',
    eu: '11 362 018,82',
    subsidy: '2 406 787,32',
    state: '0,00',
    own: '0,00',
    partners: [],
    coordinator: 'koordynator.kielce',
  },
  'RPMP.09.01.02-12-0142/17': {
    leader: 'OPS Andrychów',
    programme: 'RPO WM 2014-2020/9/9.1/9.1.2',
    total: '1 216 630,61',
    eu: '1 031 544,93',
    state: '0,00',
    subsidy: '0,00',
    own: '185 085,68',
    partners: [],
    coordinator: 'koordynator.andrychow',
  },
  'POWR.02.05.00-00-0201/18': {
    leader: 'ROPS Rzeszów',
    programme: 'POWER 2014-2020/II/2.5',
    period: ['2018-04-01', '2023-10-31'],
    total: '34 895 692,40',
    eu: '29 657 848,97',
    state: '5 237 843,43',
    subsidy: '0,00',
    own: '0,00',
    partners: ['MCPS Warszawa', 'ROPS Białystok', 'ROPS Kielce', 'ROPS Lublin'],
    coordinator: null,
  },
  'POWR.02.05.00-00-0202/18': {
    leader: 'ROPS Katowice',
    programme: 'POWER 2014-2020/II/2.5',
    period: ['2018-04-01', '2023-09-30'],
    total: '22 681 431,03',
    eu: '19 215 910,07',
    state: '3 465 520,96',
    subsidy: '0,00',
    own: '0,00',
    partners: ['RCPS Łódź', 'ROPS Kraków', 'ROPS Opole'],
    coordinator: 'koordynator.krakow',
  },
} as const;

beforeAll(async () => {
  t = await createTestApp();
  const [present] = await q<{ n: number }>(sql`select count(*)::int as n from projects`);
  if (!present?.n) await t.database.db.transaction((tx) => seedDemoProjects(tx));
});

describe('demo projects', () => {
  it.each(Object.entries(sources))('%s has the money of its source to the grosz', async (number, s) => {
    const [p] = await q<Record<string, string>>(
      sql`select p.id, p.total_value::text as total, p.eligible_costs::text as eligible, p.eu_funding::text as eu,
            p.state_budget::text as state, p.targeted_subsidy::text as subsidy, p.own_contribution::text as own,
            p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", i.short_name as leader,
            (with recursive up(id, parent_id, code, depth) as (
               select n.id, n.parent_id, n.code, 0 from programme_nodes n where n.id = p.programme_node_id
               union all select n.id, n.parent_id, n.code, up.depth + 1 from programme_nodes n join up on n.id = up.parent_id)
             select string_agg(code, '/' order by depth desc) from up) as programme
          from projects p join institutions i on i.id = p.leader_institution_id where p.number = ${number}`,
    );
    expect(p).toBeDefined();
    const money = {
      totalValue: grosze(p?.total),
      eligibleCosts: grosze(p?.eligible),
      euFunding: grosze(p?.eu),
      stateBudget: grosze(p?.state),
      targetedSubsidy: grosze(p?.subsidy),
      ownContribution: grosze(p?.own),
    };
    expect(money).toEqual({
      totalValue: zl(s.total),
      eligibleCosts: zl(s.total),
      euFunding: zl(s.eu),
      stateBudget: zl(s.state),
      targetedSubsidy: zl(s.subsidy),
      ownContribution: zl(s.own),
    });
    expect([p?.leader, p?.programme]).toEqual([s.leader, s.programme]);
    if ('period' in s) expect([p?.startsOn, p?.endsOn]).toEqual(s.period);
    const partners = await loadPartners(t.database.db, p?.id as string);
    expect(partners.map((x) => x.institution.shortName).sort()).toEqual([...s.partners].sort());
    expect(
      moneyIssues(money, {
        partnerShares: partners.map((x) => x.budgetShare),
        tasksTotal: await tasksTotal(t.database.db, p?.id as string),
      }),
    ).toEqual([]);
    const coordinators = await q<{ email: string }>(
      sql`select u.email from project_team pt join users u on u.id = pt.user_id
          where pt.project_id = ${p?.id} and pt.role = 'koordynator'`,
    );
    expect(coordinators.map((c) => c.email.split('@')[0])).toEqual(s.coordinator ? [s.coordinator] : []);
  });

  it('ranks "Wykorzystaj swoją szansę" 15th of 56', async () => {
    const [p] = await q<{ rank: number; total: number }>(
      sql`select call_rank as rank, call_total as total from projects where number = 'RPMP.09.01.02-12-0142/17'`,
    );
    expect(p).toEqual({ rank: 15, total: 56 });
  });

  it('places the regional centres it adds in their cities', async () => {
    const rows = await q<{ shortName: string; teryt: string; unit: string; level: string }>(
      sql`select i.short_name as "shortName", i.teryt, u.name as unit, u.level
          from institutions i join territorial_units u on u.teryt = i.teryt
          where i.short_name in ('ROPS Rzeszów', 'ROPS Białystok', 'ROPS Lublin', 'MCPS Warszawa', 'ROPS Katowice',
                                 'ROPS Opole', 'RCPS Łódź')`,
    );
    const byName = (a: string[], b: string[]) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1);
    expect(rows.map((r) => [r.shortName, r.unit, r.level]).sort(byName)).toEqual(
      [
        ['MCPS Warszawa', 'Warszawa', 'gmina'],
        ['RCPS Łódź', 'Łódź', 'gmina'],
        ['ROPS Białystok', 'Białystok', 'gmina'],
        ['ROPS Katowice', 'Katowice', 'gmina'],
        ['ROPS Lublin', 'Lublin', 'gmina'],
        ['ROPS Opole', 'Opole', 'gmina'],
        ['ROPS Rzeszów', 'Rzeszów', 'gmina'],
      ].sort(byName),
    );
  });
});
