import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, q } from './kit.js';

/**
 * Route × role cases of the regional monitoring (docs/region.md). Only the regional analyst holds
 * `region.monitor` (everybody else is refused with 403 by the access layer). The analyst's own
 * województwo is Świętokrzyskie (26, ROPS Kielce: they edit its register); another one is
 * Małopolska (12): 404, as if it did not exist. The unit is the gmina Chęciny (2604033).
 */
const woj = (c: Ctx) => (c.rel === 'own' ? '26' : '12');
const unit = (c: Ctx) => (c.rel === 'own' ? '2604033' : '1201011');
const inScope = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);

async function versionOf(teryt: string): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from region_jst where teryt = ${teryt}`);
  return row?.version ?? 0;
}

export const regionCases: Record<string, Case> = {
  'GET /api/region': { request: () => ({ url: '/api/region' }), expect: () => 200 },
  'GET /api/region/:woj/jst': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/jst` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/jst/:teryt': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/jst/${unit(c)}` }),
    expect: inScope(200),
  },
  'PUT /api/region/:woj/jst/:teryt': {
    relations: both,
    request: async (c) => ({
      url: `/api/region/${woj(c)}/jst/${unit(c)}`,
      payload: {
        lpdi: { status: 'w_przygotowaniu', preparationStartedOn: '2026-01-15' },
        cus: { exists: false },
        version: await versionOf(unit(c)),
      },
    }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/jst/:teryt/history': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/jst/${unit(c)}/history` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/map': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/map?measure=participants_per_10k&level=powiat` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/map.csv': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/map.csv?measure=lpdi&asOf=2025-06-30` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/map.xlsx': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/map.xlsx?measure=case_teams_per_10k` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/report.pdf': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/report.pdf?asOf=2025-06-30` }),
    expect: inScope(200),
  },
  'GET /api/region/:woj/report.xlsx': {
    relations: both,
    request: (c) => ({ url: `/api/region/${woj(c)}/report.xlsx` }),
    expect: inScope(200),
  },
};
