import { sql } from 'drizzle-orm';
import {
  definition,
  PDF,
  programmeNode,
  project,
  projectIndicator,
} from '../../src/modules/indicators/indicators.fixtures.js';
import { type Case, type Ctx, institutionId, isSys, kit, q, type Rel, uid } from './kit.js';

/**
 * Route × role cases of the indicators capability. The project routes need `projects.read` (reads)
 * or `projects.manage` (changes): among the demo roles the project coordinator (koordynator.andrychow)
 * and the regional analyst (analityk.kielce, reads only) hold them. "own" is a project in the
 * caller's scope — the coordinator's project of OPS Andrychów, for the analyst a project of ROPS
 * Kielce (his region); "other" is the other one, out of scope: 404. The library is reference data
 * readable with `institutions.read`; its changes are the system administrator's (403 for others).
 *
 * Fixtures, made on first use: the two projects, each with a manual indicator holding a value with
 * an evidence file, a computed indicator, an indicator to remove, an ended open period to freeze and
 * an open period to remove; and a common definition to change.
 */
interface ProjectFixture {
  id: string;
  manual: string;
  metric: string;
  removable: string;
  valueWithEvidence: string;
  toFreeze: string;
  toRemove: string;
}
let fixtures: Promise<{ andrychow: ProjectFixture; kielce: ProjectFixture; definition: string }> | undefined;

async function makeProject(
  node: string,
  leader: string,
  coordinator: string | null,
): Promise<ProjectFixture> {
  const db = kit.t.database.db;
  const id = await project(db, {
    node,
    leader,
    team: coordinator ? [{ userId: coordinator, role: 'koordynator' }] : [],
    startsOn: '2024-01-01',
    endsOn: '2027-12-31',
  });
  const manual = await projectIndicator(db, {
    projectId: id,
    definitionId: await definition(db),
    target: '10',
  });
  const metric = await projectIndicator(db, {
    projectId: id,
    definitionId: await definition(db, { unit: 'podmioty' }),
    target: '5',
    metric: { key: 'partnerships.member_entities' },
  });
  const removable = await projectIndicator(db, {
    projectId: id,
    definitionId: await definition(db),
    target: '3',
  });
  const [doc] = await q<{ id: string }>(
    sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
        values (${leader}, 'dowod.pdf', 'application/pdf', ${PDF.length}, 'x', decode(${PDF.toString('hex')}, 'hex'),
                ${uid('admin')})
        returning id`,
  );
  const [value] = await q<{ id: string }>(
    sql`insert into indicator_values (project_indicator_id, measured_on, value, origin, source_note, evidence_document_id)
        values (${manual}, '2025-01-10', 2, 'manual', 'Listy obecności', ${doc?.id}) returning id`,
  );
  const period = async (startsOn: string, endsOn: string) => {
    const [row] = await q<{ id: string }>(
      sql`insert into reporting_periods (project_id, name, starts_on, ends_on)
          values (${id}, ${`Okres ${startsOn}`}, ${startsOn}, ${endsOn}) returning id`,
    );
    return row?.id as string;
  };
  return {
    id,
    manual,
    metric,
    removable,
    valueWithEvidence: value?.id as string,
    toFreeze: await period('2024-01-01', '2024-06-30'),
    toRemove: await period('2024-07-01', '2024-12-31'),
  };
}

function fixture() {
  fixtures ??= (async () => {
    const db = kit.t.database.db;
    const node = await programmeNode(db);
    const andrychow = await makeProject(
      node,
      await institutionId('OPS Andrychów'),
      uid('koordynator.andrychow'),
    );
    const kielce = await makeProject(node, await institutionId('ROPS Kielce'), null);
    // A common definition of the library that only the matrix changes.
    const [def] = await q<{ id: string }>(
      sql`insert into indicator_definitions (name, unit, type, scope) values ('Wskaźnik macierzy', 'liczba', 'produkt', 'wspolny')
          returning id`,
    );
    return { andrychow, kielce, definition: def?.id as string };
  })();
  return fixtures;
}

/** The project in (own) or out of (other) the caller's scope. */
async function target(c: Ctx): Promise<ProjectFixture> {
  const f = await fixture();
  const ownIsKielce = c.role === 'analityk_regionalny';
  const own: Rel = c.rel;
  return (own === 'own') === ownIsKielce ? f.kielce : f.andrychow;
}

const base = (p: ProjectFixture) => `/api/projects/${p.id}/indicators`;
const inScope = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);
const both: Rel[] = ['own', 'other'];

async function versionOf(
  table: 'project_indicators' | 'reporting_periods' | 'indicator_definitions',
  id: string,
) {
  const rows = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return rows[0]?.version ?? 1;
}

const manualValue = { measuredOn: '2025-02-01', value: '1', sourceNote: 'Listy obecności' };

export const indicatorsCases: Record<string, Case> = {
  'GET /api/indicators/definitions': {
    request: () => ({ url: '/api/indicators/definitions?q=EECO' }),
    expect: () => 200,
  },
  'GET /api/indicators/definitions/:id': {
    request: async () => ({ url: `/api/indicators/definitions/${(await fixture()).definition}` }),
    expect: () => 200,
  },
  'POST /api/indicators/definitions': {
    request: () => ({
      url: '/api/indicators/definitions',
      payload: { scope: 'wspolny', name: 'Nowy wskaźnik wspólny', unit: 'osoby', type: 'produkt' },
    }),
    expect: (c) => (isSys(c) ? 201 : 403),
  },
  'PUT /api/indicators/definitions/:id': {
    request: async () => {
      const id = (await fixture()).definition;
      return {
        url: `/api/indicators/definitions/${id}`,
        payload: {
          definition: { name: 'Wskaźnik macierzy', unit: 'liczba', type: 'produkt' },
          active: true,
          version: await versionOf('indicator_definitions', id),
        },
      };
    },
    expect: (c) => (isSys(c) ? 200 : 403),
  },
  'GET /api/indicators/metrics': { request: () => ({ url: '/api/indicators/metrics' }), expect: () => 200 },
  'GET /api/indicators/portfolio': {
    request: () => ({ url: '/api/indicators/portfolio' }),
    expect: () => 200,
  },

  'GET /api/projects/:projectId/indicators': {
    relations: both,
    request: async (c) => ({ url: `${base(await target(c))}?asOf=2025-06-30` }),
    expect: inScope(200),
  },
  'POST /api/projects/:projectId/indicators': {
    relations: both,
    request: async (c) => ({
      url: base(await target(c)),
      payload: {
        newDefinition: { name: `Wskaźnik projektu ${c.role} ${c.rel}`, unit: 'osoby', type: 'produkt' },
        target: 10,
        source: 'manual',
      },
    }),
    expect: inScope(201),
  },
  'PUT /api/projects/:projectId/indicators/:indicatorId': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return {
        url: `${base(p)}/${p.manual}`,
        payload: { target: '12', source: 'manual', version: await versionOf('project_indicators', p.manual) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:projectId/indicators/:indicatorId': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return {
        url: `${base(p)}/${p.removable}?version=${await versionOf('project_indicators', p.removable)}`,
      };
    },
    expect: inScope(204),
  },
  'GET /api/projects/:projectId/indicators/:indicatorId/values': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return { url: `${base(p)}/${p.manual}/values` };
    },
    expect: inScope(200),
  },
  'POST /api/projects/:projectId/indicators/:indicatorId/values': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return { url: `${base(p)}/${p.manual}/values`, payload: manualValue };
    },
    expect: inScope(201),
  },
  'POST /api/projects/:projectId/indicators/:indicatorId/values/:valueId/correction': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      const [v] = await q<{ id: string }>(
        sql`insert into indicator_values (project_indicator_id, measured_on, value, origin, source_note)
            values (${p.manual}, '2025-03-01', 3, 'manual', 'Do korekty') returning id`,
      );
      return { url: `${base(p)}/${p.manual}/values/${v?.id}/correction`, payload: manualValue };
    },
    expect: inScope(201),
  },
  'GET /api/projects/:projectId/indicators/:indicatorId/values/:valueId/evidence': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return { url: `${base(p)}/${p.manual}/values/${p.valueWithEvidence}/evidence` };
    },
    expect: inScope(200),
  },
  'POST /api/projects/:projectId/indicators/:indicatorId/measurements': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return { url: `${base(p)}/${p.metric}/measurements` };
    },
    expect: inScope(201),
  },
  'POST /api/projects/:projectId/indicators/evidence': {
    relations: both,
    request: async (c) => ({ url: `${base(await target(c))}/evidence?filename=lista.pdf`, payload: PDF }),
    expect: inScope(201),
  },
  'GET /api/projects/:projectId/indicators/periods': {
    relations: both,
    request: async (c) => ({ url: `${base(await target(c))}/periods` }),
    expect: inScope(200),
  },
  'POST /api/projects/:projectId/indicators/periods': {
    relations: both,
    request: async (c) => ({
      url: `${base(await target(c))}/periods`,
      payload: { name: '2026 – I kwartał', startsOn: '2026-01-01', endsOn: '2026-03-31' },
    }),
    expect: inScope(201),
  },
  'POST /api/projects/:projectId/indicators/periods/:periodId/freeze': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return {
        url: `${base(p)}/periods/${p.toFreeze}/freeze`,
        payload: { version: await versionOf('reporting_periods', p.toFreeze) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:projectId/indicators/periods/:periodId': {
    relations: both,
    request: async (c) => {
      const p = await target(c);
      return {
        url: `${base(p)}/periods/${p.toRemove}?version=${await versionOf('reporting_periods', p.toRemove)}`,
      };
    },
    expect: inScope(204),
  },
};
