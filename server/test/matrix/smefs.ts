import { SMEFS_CSV_BOM, smefsCsvLine, smefsHeaders } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of the SM EFS export and import. Participants are personal data: only the
 * project team reads them (report, exports, an import's problems) and only its coordinators import —
 * a reader of the project who is not on its team (the Kielce analyst on the Świętokrzyskie project)
 * gets 404 like anybody else. Two fixture projects, made on first use: one led by OPS Andrychów and
 * coordinated by `koordynator.andrychow`, one led by ROPS Kielce and coordinated by
 * `koordynator.kielce`. Every import a call consumes (to confirm, to discard) is made by the case.
 */
const HEADER_ONLY = Buffer.from(SMEFS_CSV_BOM + smefsCsvLine(smefsHeaders), 'utf8');

let fixtures: Promise<{ andrychow: string; kielce: string }> | undefined;
function projects() {
  fixtures ??= (async () => {
    const [node] = await q<{ id: string }>(
      sql`select id from programme_nodes where kind in ('dzialanie', 'poddzialanie') order by code limit 1`,
    );
    const make = async (number: string, leaderShort: string, coordinator: string) => {
      const [p] = await q<{ id: string }>(
        sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
              total_value, eligible_costs, eu_funding, own_contribution)
            values (${number}, 'Projekt macierzowy SM EFS', ${node?.id}, ${await institutionId(leaderShort)},
              '2026-01-01', '2027-12-31', 10000000, 10000000, 8500000, 1500000)
            returning id`,
      );
      await q(
        sql`insert into project_team (project_id, user_id, role) values (${p?.id}, ${uid(coordinator)}, 'koordynator')`,
      );
      return p?.id as string;
    };
    return {
      andrychow: await make('MACIERZ/SMEFS/ANDRYCHOW', 'OPS Andrychów', 'koordynator.andrychow'),
      kielce: await make('MACIERZ/SMEFS/KIELCE', 'ROPS Kielce', 'koordynator.kielce'),
    };
  })();
  return fixtures;
}

/** The coordinator's own is Andrychów's project, the analyst's own the Świętokrzyskie one (read, not on its team). */
async function project(c: Ctx): Promise<string> {
  const f = await projects();
  return (c.role === 'analityk_regionalny') === (c.rel === 'own') ? f.kielce : f.andrychow;
}

/** Only the team: the Andrychów coordinator on their own project; every other reader gets 404. */
const teamOnly = (ok: number) => (c: Ctx) =>
  c.role === 'koordynator_projektu' && c.rel === 'own' ? ok : 404;

async function addImport(
  projectId: string,
  status: 'bledy' | 'gotowy',
): Promise<{ id: string; version: number }> {
  const [row] = await q<{ id: string; version: number }>(
    sql`insert into smefs_imports (project_id, filename, format, status, payload)
        values (${projectId}, 'macierz.csv', 'csv', ${status}, ${HEADER_ONLY}) returning id, version`,
  );
  return row as { id: string; version: number };
}

const base = async (c: Ctx, rest: string) => `/api/projects/${await project(c)}/smefs${rest}`;

export const smefsCases: Record<string, Case> = {
  'GET /api/projects/:projectId/smefs/validation': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/validation') }),
    expect: teamOnly(200),
  },
  'GET /api/projects/:projectId/smefs/export.csv': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/export.csv') }),
    expect: teamOnly(200),
  },
  'GET /api/projects/:projectId/smefs/export.xlsx': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/export.xlsx') }),
    expect: teamOnly(200),
  },
  'POST /api/projects/:projectId/smefs/imports': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/imports?filename=macierz.csv'), payload: HEADER_ONLY }),
    expect: teamOnly(202),
  },
  'GET /api/projects/:projectId/smefs/imports/:importId': {
    relations: both,
    request: async (c) => {
      const imp = await addImport(await project(c), 'bledy');
      return { url: await base(c, `/imports/${imp.id}`) };
    },
    expect: teamOnly(200),
  },
  'POST /api/projects/:projectId/smefs/imports/:importId/confirm': {
    relations: both,
    request: async (c) => {
      const imp = await addImport(await project(c), 'gotowy');
      return { url: await base(c, `/imports/${imp.id}/confirm`), payload: { version: imp.version } };
    },
    expect: teamOnly(202),
  },
  'DELETE /api/projects/:projectId/smefs/imports/:importId': {
    relations: both,
    request: async (c) => {
      const imp = await addImport(await project(c), 'bledy');
      return { url: await base(c, `/imports/${imp.id}`) };
    },
    expect: teamOnly(204),
  },
};
