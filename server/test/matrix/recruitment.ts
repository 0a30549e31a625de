import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of recruitment. Two fixture projects, made on first use, each with an open call,
 * a cohort, regulations and one checked application: one led by OPS Andrychów and coordinated by
 * `koordynator.andrychow` (the coordinator's own), one led by ROPS Kielce (the Kielce analyst's own:
 * a regional reader, not on its team). Calls, cohorts and regulations are read by every reader of
 * the project; applications, rankings and their exports only by the project team (the analyst gets
 * 404 on their own project); changes need `projects.manage` and a coordinator's place on the team.
 * Writes read the current version from the database; what a write consumes is made by the case.
 */
let seq = 0;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

interface Fixture {
  projectId: string;
  callId: string;
  cohortId: string;
  applicationId: string;
}

async function placement(): Promise<string> {
  const [node] = await q<{ id: string }>(
    sql`select n.id from programme_nodes n
        where n.kind in ('dzialanie', 'poddzialanie') and n.active
          and not exists (select 1 from programme_nodes c where c.parent_id = n.id and c.kind in ('dzialanie', 'poddzialanie'))
        order by n.code limit 1`,
  );
  if (!node) throw new Error('no programme node to place a project');
  return node.id;
}

const checked = JSON.stringify({
  eligible: true,
  reasons: [],
  scoring: { total: 0, items: [] },
  onDate: '2026-01-05',
  checkedAt: '2026-01-05T10:00:00.000Z',
});

async function addApplication(callId: string, cohortId: string): Promise<string> {
  const [a] = await q<{ id: string }>(
    sql`insert into applications (call_id, cohort_id, number, form_kind, channel, first_name, last_name, no_pesel,
          birth_date, sex, phone, eligibility, score)
        values (${callId}, ${cohortId}, ${`MX/${String(++seq).padStart(4, '0')}`}, 'wsparcie', 'papier', 'Anna',
          'Macierzowa', true, '1980-01-01', 'K', '600100200', ${checked}::jsonb, 0)
        returning id`,
  );
  return a?.id as string;
}

async function addCohort(callId: string): Promise<string> {
  const [h] = await q<{ id: string }>(
    sql`insert into recruitment_cohorts (call_id, name, places, reserve_places)
        values (${callId}, ${`Grupa macierzowa ${++seq}`}, 1, 0) returning id`,
  );
  return h?.id as string;
}

async function addCall(projectId: string, status = 'otwarty'): Promise<string> {
  const [c] = await q<{ id: string }>(
    sql`insert into recruitment_calls (project_id, code, name, opens_at, closes_at, places_total, status)
        values (${projectId}, ${`MX-${++seq}`}, 'Nabór macierzowy', now() - interval '1 day', now() + interval '30 days',
          1000, ${status})
        returning id`,
  );
  return c?.id as string;
}

let fixtures: Promise<{ andrychow: Fixture; kielce: Fixture }> | undefined;
function recruitment() {
  fixtures ??= (async () => {
    const nodeId = await placement();
    const make = async (number: string, leaderShort: string, coordinator: string): Promise<Fixture> => {
      const leader = await institutionId(leaderShort);
      const [p] = await q<{ id: string }>(
        sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
              total_value, eligible_costs, eu_funding, own_contribution)
            values (${number}, 'Projekt z naborem', ${nodeId}, ${leader}, '2026-01-01', '2027-12-31',
              1000000, 1000000, 850000, 150000)
            returning id`,
      );
      const projectId = p?.id as string;
      await q(
        sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${uid(coordinator)}, 'koordynator')`,
      );
      const callId = await addCall(projectId);
      const [d] = await q<{ id: string }>(
        sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
            values (${leader}, 'regulamin.pdf', 'application/pdf', ${PDF.length}, 'x', ${PDF}, ${uid(coordinator)})
            returning id`,
      );
      await q(sql`update recruitment_calls set regulations_document_id = ${d?.id} where id = ${callId}`);
      const cohortId = await addCohort(callId);
      return { projectId, callId, cohortId, applicationId: await addApplication(callId, cohortId) };
    };
    return {
      andrychow: await make('MACIERZ/NABOR/ANDRYCHOW', 'OPS Andrychów', 'koordynator.andrychow'),
      kielce: await make('MACIERZ/NABOR/KIELCE', 'ROPS Kielce', 'koordynator.kielce'),
    };
  })();
  return fixtures;
}

/** The coordinator's own is the Andrychów project, the analyst's own the Świętokrzyskie one. */
async function fixture(c: Ctx): Promise<Fixture> {
  const f = await recruitment();
  return (c.role === 'analityk_regionalny') === (c.rel === 'own') ? f.kielce : f.andrychow;
}

/** Readers of the project: the coordinator of their own, the analyst of their region. */
const reader = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);
/** The project team only: the analyst reads the project but is not on its team. */
const team = (ok: number) => (c: Ctx) => (c.rel === 'own' && c.role !== 'analityk_regionalny' ? ok : 404);

const calls = async (c: Ctx, rest = '') => `/api/projects/${(await fixture(c)).projectId}/calls${rest}`;
const callUrl = async (c: Ctx, rest = '') => {
  const f = await fixture(c);
  return `/api/projects/${f.projectId}/calls/${f.callId}${rest}`;
};
const cohortUrl = async (c: Ctx, rest = '') => {
  const f = await fixture(c);
  return `/api/projects/${f.projectId}/calls/${f.callId}/cohorts/${f.cohortId}${rest}`;
};
const appUrl = async (c: Ctx, rest = '') => {
  const f = await fixture(c);
  return `/api/projects/${f.projectId}/applications/${f.applicationId}${rest}`;
};
async function versionOf(
  table: 'recruitment_calls' | 'recruitment_cohorts' | 'applications',
  id: string,
): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

const callBody = (code: string, status = 'otwarty') => ({
  code,
  name: 'Nabór macierzowy',
  opensAt: new Date(Date.now() - 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  placesTotal: 1000,
  formKinds: ['wsparcie'],
  status,
});
const cohortBody = { name: 'Grupa macierzowa', places: 1, reservePlaces: 0 };
const applicationBody = {
  formKind: 'wsparcie',
  firstName: 'Anna',
  lastName: 'Macierzowa',
  noPesel: true,
  birthDate: '1980-01-01',
  sex: 'K',
  phone: '600100200',
};

export const recruitmentCases: Record<string, Case> = {
  'GET /api/projects/:projectId/calls': {
    relations: both,
    request: async (c) => ({ url: await calls(c) }),
    expect: reader(200),
  },
  'POST /api/projects/:projectId/calls': {
    relations: both,
    request: async (c) => ({ url: await calls(c), payload: callBody(`MXN-${++seq}`, 'projekt') }),
    expect: reader(201),
  },
  'GET /api/projects/:projectId/calls/:callId': {
    relations: both,
    request: async (c) => ({ url: await callUrl(c) }),
    expect: reader(200),
  },
  'PUT /api/projects/:projectId/calls/:callId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const [row] = await q<{ code: string }>(sql`select code from recruitment_calls where id = ${f.callId}`);
      return {
        url: await callUrl(c),
        payload: {
          call: callBody(row?.code as string),
          version: await versionOf('recruitment_calls', f.callId),
        },
      };
    },
    expect: reader(200),
  },
  'DELETE /api/projects/:projectId/calls/:callId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const callId = await addCall(f.projectId, 'projekt');
      return { url: `/api/projects/${f.projectId}/calls/${callId}?version=1` };
    },
    expect: reader(204),
  },
  'GET /api/projects/:projectId/calls/:callId/regulations': {
    relations: both,
    request: async (c) => ({ url: await callUrl(c, '/regulations') }),
    expect: reader(200),
  },
  'PUT /api/projects/:projectId/calls/:callId/regulations': {
    relations: both,
    request: async (c) => ({ url: await callUrl(c, '/regulations?filename=regulamin.pdf'), payload: PDF }),
    expect: reader(200),
  },
  'POST /api/projects/:projectId/calls/:callId/cohorts': {
    relations: both,
    request: async (c) => ({ url: await callUrl(c, '/cohorts'), payload: cohortBody }),
    expect: reader(201),
  },
  'PUT /api/projects/:projectId/calls/:callId/cohorts/:cohortId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: await cohortUrl(c),
        payload: { cohort: cohortBody, version: await versionOf('recruitment_cohorts', f.cohortId) },
      };
    },
    expect: reader(200),
  },
  'DELETE /api/projects/:projectId/calls/:callId/cohorts/:cohortId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const cohortId = await addCohort(f.callId);
      return { url: `/api/projects/${f.projectId}/calls/${f.callId}/cohorts/${cohortId}?version=1` };
    },
    expect: reader(204),
  },
  'GET /api/projects/:projectId/calls/:callId/cohorts/:cohortId/ranking': {
    relations: both,
    request: async (c) => ({ url: await cohortUrl(c, '/ranking') }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/calls/:callId/cohorts/:cohortId/ranking/approve': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      const url = await cohortUrl(c, '/ranking');
      const shown = await c.session.inject({ method: 'GET', url });
      const digest = shown.statusCode === 200 ? (shown.json() as { digest: string }).digest : 'nie-pokazano';
      return {
        url: `${url}/approve`,
        payload: { digest, version: await versionOf('recruitment_cohorts', f.cohortId) },
      };
    },
    expect: team(200),
  },
  'GET /api/projects/:projectId/calls/:callId/cohorts/:cohortId/ranking/pdf': {
    relations: both,
    request: async (c) => ({ url: await cohortUrl(c, '/ranking/pdf') }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/calls/:callId/cohorts/:cohortId/ranking/xlsx': {
    relations: both,
    request: async (c) => ({ url: await cohortUrl(c, '/ranking/xlsx?anonim=1') }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/calls/:callId/applications': {
    relations: both,
    request: async (c) => ({ url: await callUrl(c, '/applications?status=zlozone') }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/calls/:callId/applications': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: await callUrl(c, '/applications'),
        payload: { application: { ...applicationBody, cohortId: f.cohortId } },
      };
    },
    expect: team(201),
  },
  'GET /api/projects/:projectId/applications/:applicationId': {
    relations: both,
    request: async (c) => ({ url: await appUrl(c) }),
    expect: team(200),
  },
  'PUT /api/projects/:projectId/applications/:applicationId': {
    relations: both,
    request: async (c) => {
      const f = await fixture(c);
      return {
        url: await appUrl(c),
        payload: {
          application: { ...applicationBody, cohortId: f.cohortId },
          version: await versionOf('applications', f.applicationId),
        },
      };
    },
    expect: team(200),
  },
  'POST /api/projects/:projectId/applications/:applicationId/eligibility': {
    relations: both,
    request: async (c) => ({
      url: await appUrl(c, '/eligibility'),
      payload: { version: await versionOf('applications', (await fixture(c)).applicationId) },
    }),
    expect: team(200),
  },
  'PUT /api/projects/:projectId/applications/:applicationId/documents': {
    relations: both,
    request: async (c) => ({
      url: await appUrl(c, '/documents'),
      payload: {
        missingDocuments: [{ name: 'Zaświadczenie z urzędu pracy', received: false }],
        version: await versionOf('applications', (await fixture(c)).applicationId),
      },
    }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/applications/:applicationId/decision': {
    relations: both,
    request: async (c) => ({
      url: await appUrl(c, '/decision'),
      payload: {
        status: 'w_weryfikacji',
        version: await versionOf('applications', (await fixture(c)).applicationId),
      },
    }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/applications/:applicationId/pdf': {
    relations: both,
    request: async (c) => ({ url: await appUrl(c, '/pdf') }),
    expect: team(200),
  },
};
