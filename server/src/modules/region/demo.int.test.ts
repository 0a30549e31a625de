/**
 * The demo of the regional monitoring: the register of Świętokrzyskie with its history by the ROPS
 * Kielce analyst, the LPDI figures the ROPS project reports by hand, and the Małopolska analyst who
 * sees the demo partnerships on the map.
 */
import type { JstHistory, JstRegisterList, RegionMap } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { computeMetric } from '../indicators/metrics/index.js';

let t: TestApp;
let kielce: TestSession;
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

beforeAll(async () => {
  t = await createTestApp();
  kielce = await login(t.app, 'analityk.kielce');
});

describe('demo: the JST register of Świętokrzyskie', () => {
  it('has an entry for every gmina and powiat: a third with a plan, some preparing, about ten CUS', async () => {
    const list = (
      await kielce.inject({ method: 'GET', url: '/api/region/26/jst' })
    ).json() as JstRegisterList;
    expect(list.items).toHaveLength(116);
    expect(list.items.every((i) => i.lpdi !== null && i.version > 0)).toBe(true);
    const count = (status: string) => list.items.filter((i) => i.lpdi?.status === status).length;
    expect(count('przyjety') + count('zaktualizowany')).toBe(44);
    expect(count('zaktualizowany')).toBe(6);
    expect(count('w_przygotowaniu')).toBe(20);
    expect(count('brak')).toBe(52);
    for (const i of list.items.filter((i) => i.lpdi?.status === 'przyjety'))
      expect(i.lpdi?.resolutionNumber).toMatch(/^[IVXL]+\/\d+\/20(24|25|26)$/);
    const kielceCity = list.items.filter((i) => i.teryt.startsWith('2661'));
    expect(kielceCity.every((i) => i.lpdi?.status === 'zaktualizowany')).toBe(true);

    const gminy = list.items.filter((i) => i.level === 'gmina');
    expect(gminy.every((g) => g.cus !== null)).toBe(true);
    const withCus = gminy.filter((g) => g.cus?.exists);
    expect(withCus).toHaveLength(11);
    expect(new Set(withCus.map((g) => g.cus?.mode))).toEqual(
      new Set(['przeksztalcenie_ops', 'nowa_jednostka', 'porozumienie_miedzygminne']),
    );
    expect(list.items.filter((i) => i.level === 'powiat').every((p) => p.cus === null)).toBe(true);
    expect(new Set(list.items.map((i) => i.updatedBy))).toEqual(new Set(['Aleksander Analityczny']));
  });

  it('keeps the history of each entry: from the inventory to the current entry, by the analyst', async () => {
    const [rows] = await q<{ n: number; authors: number }>(
      sql`select count(*)::int as n, count(distinct changed_by)::int as authors from region_jst_history`,
    );
    expect(rows?.authors).toBe(1);
    const [versions] = await q<{ n: number }>(sql`select sum(version)::int as n from region_jst`);
    expect(rows?.n).toBe(versions?.n);

    const history = (
      await kielce.inject({ method: 'GET', url: '/api/region/26/jst/2661011/history' })
    ).json() as JstHistory;
    const entry = (await kielce.inject({ method: 'GET', url: '/api/region/26/jst/2661011' })).json();
    expect(history.items[0]?.after).toEqual({ lpdi: entry.lpdi, cus: entry.cus });
    expect(history.items.at(-1)?.before).toBeNull();
    expect(history.items.map((h) => h.after.lpdi?.status)).toEqual([
      'zaktualizowany',
      'przyjety',
      'w_przygotowaniu',
    ]);
    expect(history.items.every((h) => h.changedBy === 'Aleksander Analityczny')).toBe(true);
  });

  it('matches the figures the ROPS project reports by hand: 12, 27, 38 and 44 of 116 JST', async () => {
    const [project] = await q<{ id: string }>(
      sql`select id from projects where number = 'FERS.04.13-IP.04-0001/23'`,
    );
    expect(project).toBeDefined();
    const figures: [string, string][] = [
      ['2024-12-31', '12'],
      ['2025-06-30', '27'],
      ['2025-12-31', '38'],
      ['2026-06-30', '44'],
    ];
    for (const [asOf, numerator] of figures) {
      const v = await computeMetric(t.database.db, 'jst.lpdi_share', {
        projectId: project?.id as string,
        asOf,
        params: {},
      });
      expect([asOf, v.numerator, v.denominator]).toEqual([asOf, numerator, '116']);
    }
    const map = (
      await kielce.inject({ method: 'GET', url: '/api/region/26/map?measure=lpdi&asOf=2024-01-01' })
    ).json() as RegionMap;
    expect(map.units.some((u) => u.category === 'przyjety')).toBe(false);
    // Kielce, Ostrowiec Świętokrzyski, Starachowice and Skarżysko-Kamienna (created on 1 January 2024).
    expect(map.summary.gminyWithCus).toBe(4);
  });
});

describe('demo: Małopolska', () => {
  it('lets the ROPS Kraków analyst see the demo partnerships on the map', async () => {
    const krakow = await login(t.app, 'analityk.krakow');
    const map = (
      await krakow.inject({ method: 'GET', url: '/api/region/12/map?measure=partnerships&level=powiat' })
    ).json() as RegionMap;
    expect(map.units.find((u) => u.teryt === '1201')?.value).toBe(2);
    expect(map.summary.jstWithPartnership).toBe(2);
    expect(map.summary.jstWithLpdi).toBe(0);
  });
});
