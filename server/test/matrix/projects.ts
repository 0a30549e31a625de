import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of the projects capability. Two fixture projects, made on first use: one led
 * by OPS Andrychów and coordinated by `koordynator.andrychow` (the coordinator's own; in
 * Małopolska), one led by ROPS Kielce (the Kielce analyst's own: Świętokrzyskie). Reading needs
 * `projects.read` and the project in scope (the team, the leader's or a partner's staff, an analyst
 * of the region) — otherwise 404; changes need `projects.manage` and a coordinator's place on the
 * team. Writes read the current version from the database; every fixture a write consumes (a
 * partner, a team member, a task, a milestone, a document to delete) is made by the case itself.
 */
let seq = 0;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

interface Fixture {
  id: string;
  partnerId: string;
  taskId: string;
  milestoneId: string;
  documentId: string;
}

/** A placement the projects module accepts: an action or sub-action with no sub-actions below it. */
async function placement(): Promise<string> {
  const [node] = await q<{ id: string }>(
    sql`select n.id from programme_nodes n
        where n.kind in ('dzialanie', 'poddzialanie') and n.active
          and not exists (select 1 from programme_nodes c where c.parent_id = n.id and c.kind in ('dzialanie', 'poddzialanie'))
        order by n.code limit 1`,
  );
  if (node) return node.id;
  const [programme] = await q<{ id: string }>(
    sql`insert into programme_nodes (kind, code, name) values ('program', 'MACIERZ', 'Program macierzowy') returning id`,
  );
  const [action] = await q<{ id: string }>(
    sql`insert into programme_nodes (parent_id, kind, code, name) values (${programme?.id}, 'dzialanie', '1.1', 'Działanie macierzowe') returning id`,
  );
  return action?.id as string;
}

async function freshInstitution(): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`insert into institutions (name, type, sector, teryt) values (${`Partner macierzowy ${++seq}`}, 'ngo', 'ngo', '1201011') returning id`,
  );
  return row?.id as string;
}

async function addTask(projectId: string): Promise<string> {
  const [t] = await q<{ id: string }>(
    sql`insert into project_tasks (project_id, number, name) values (${projectId}, ${500 + ++seq}, 'Zadanie macierzowe') returning id`,
  );
  await q(sql`insert into project_budget_lines (task_id, name, amount) values (${t?.id}, 'Pozycja', 1000)`);
  return t?.id as string;
}

async function addMilestone(projectId: string): Promise<string> {
  const [m] = await q<{ id: string }>(
    sql`insert into project_milestones (project_id, name, due_on) values (${projectId}, 'Kamień macierzowy', '2026-06-30') returning id`,
  );
  return m?.id as string;
}

async function addDocument(projectId: string, leader: string, uploader: string): Promise<string> {
  const [d] = await q<{ id: string }>(
    sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
        values (${leader}, 'wniosek.pdf', 'application/pdf', ${PDF.length}, 'x', ${PDF}, ${uploader}) returning id`,
  );
  const [pd] = await q<{ id: string }>(
    sql`insert into project_documents (project_id, document_id, kind, title) values (${projectId}, ${d?.id}, 'wniosek', 'Wniosek') returning id`,
  );
  return pd?.id as string;
}

let fixtures: Promise<{ andrychow: Fixture; kielce: Fixture; nodeId: string }> | undefined;
function projects() {
  fixtures ??= (async () => {
    const nodeId = await placement();
    const make = async (number: string, leaderShort: string, coordinator: string): Promise<Fixture> => {
      const leader = await institutionId(leaderShort);
      const [p] = await q<{ id: string }>(
        sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
              total_value, eligible_costs, eu_funding, own_contribution)
            values (${number}, 'Projekt macierzowy', ${nodeId}, ${leader}, '2026-01-01', '2027-12-31',
              10000000, 10000000, 8500000, 1500000)
            returning id`,
      );
      const id = p?.id as string;
      await q(
        sql`insert into project_team (project_id, user_id, role) values (${id}, ${uid(coordinator)}, 'koordynator')`,
      );
      const partnerId = await freshInstitution();
      await q(
        sql`insert into project_partners (project_id, institution_id, budget_share) values (${id}, ${partnerId}, 100000)`,
      );
      return {
        id,
        partnerId,
        taskId: await addTask(id),
        milestoneId: await addMilestone(id),
        documentId: await addDocument(id, leader, uid(coordinator)),
      };
    };
    return {
      andrychow: await make('MACIERZ/ANDRYCHOW/1', 'OPS Andrychów', 'koordynator.andrychow'),
      kielce: await make('MACIERZ/KIELCE/1', 'ROPS Kielce', 'koordynator.kielce'),
      nodeId,
    };
  })();
  return fixtures;
}

/** The coordinator's own is Andrychów's project, the analyst's own is the Świętokrzyskie one. */
async function project(c: Ctx): Promise<Fixture> {
  const f = await projects();
  return (c.role === 'analityk_regionalny') === (c.rel === 'own') ? f.kielce : f.andrychow;
}

const inScope = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);

async function versionOf(
  table: 'projects' | 'project_tasks' | 'project_milestones',
  id: string,
): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

const base = async (c: Ctx, rest = '') => `/api/projects/${(await project(c)).id}${rest}`;

const projectBody = (nodeId: string, number: string) => ({
  number,
  title: 'Projekt macierzowy',
  programmeNodeId: nodeId,
  status: 'realizacja',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  targetGroups: ['Grupa testowa'],
  totalValue: 10_000_000,
  eligibleCosts: 10_000_000,
  euFunding: 8_500_000,
  ownContribution: 1_500_000,
});

const taskBody = () => ({
  number: 600 + ++seq,
  name: 'Zadanie macierzowe',
  lines: [{ name: 'Pozycja', category: 'uslugi', amount: 100 }],
});
const milestoneBody = { name: 'Kamień macierzowy', dueOn: '2026-09-30', status: 'planowany' };

export const projectsCases: Record<string, Case> = {
  'GET /api/projects': {
    request: () => ({ url: '/api/projects?status=realizacja&limit=5' }),
    expect: () => 200,
  },
  'POST /api/projects': {
    request: async () => ({
      url: '/api/projects',
      payload: projectBody((await projects()).nodeId, `MACIERZ/NOWY/${++seq}`),
    }),
    expect: () => 201,
  },
  'GET /api/projects/:id': {
    relations: both,
    request: async (c) => ({ url: await base(c) }),
    expect: inScope(200),
  },
  'PUT /api/projects/:id': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const [row] = await q<{ number: string }>(sql`select number from projects where id = ${p.id}`);
      return {
        url: await base(c),
        payload: {
          project: projectBody((await projects()).nodeId, row?.number as string),
          version: await versionOf('projects', p.id),
        },
      };
    },
    expect: inScope(200),
  },
  'POST /api/projects/:id/partners': {
    relations: both,
    request: async (c) => ({
      url: await base(c, '/partners'),
      payload: {
        institutionId: await freshInstitution(),
        role: 'partner',
        budgetShare: 1000,
        version: await versionOf('projects', (await project(c)).id),
      },
    }),
    expect: inScope(201),
  },
  'PUT /api/projects/:id/partners/:institutionId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      return {
        url: await base(c, `/partners/${p.partnerId}`),
        payload: { role: 'realizator', budgetShare: 2000, version: await versionOf('projects', p.id) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:id/partners/:institutionId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const partner = await freshInstitution();
      await q(sql`insert into project_partners (project_id, institution_id) values (${p.id}, ${partner})`);
      return { url: await base(c, `/partners/${partner}?version=${await versionOf('projects', p.id)}`) };
    },
    expect: inScope(200),
  },
  'GET /api/projects/:id/team/candidates': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/team/candidates') }),
    expect: inScope(200),
  },
  'POST /api/projects/:id/team': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const user = uid('pracownik.andrychow');
      await q(sql`delete from project_team where project_id = ${p.id} and user_id = ${user}`);
      return {
        url: await base(c, '/team'),
        payload: { userId: user, role: 'czlonek', version: await versionOf('projects', p.id) },
      };
    },
    expect: inScope(201),
  },
  'PUT /api/projects/:id/team/:userId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const user = uid('pracownik.andrychow');
      await q(
        sql`insert into project_team (project_id, user_id) values (${p.id}, ${user}) on conflict do nothing`,
      );
      return {
        url: await base(c, `/team/${user}`),
        payload: { role: 'czlonek', version: await versionOf('projects', p.id) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:id/team/:userId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const user = uid('pracownik.andrychow');
      await q(
        sql`insert into project_team (project_id, user_id) values (${p.id}, ${user}) on conflict do nothing`,
      );
      return { url: await base(c, `/team/${user}?version=${await versionOf('projects', p.id)}`) };
    },
    expect: inScope(200),
  },
  'GET /api/projects/:id/tasks': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/tasks') }),
    expect: inScope(200),
  },
  'POST /api/projects/:id/tasks': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/tasks'), payload: taskBody() }),
    expect: inScope(201),
  },
  'PUT /api/projects/:id/tasks/:taskId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      return {
        url: await base(c, `/tasks/${p.taskId}`),
        payload: { task: taskBody(), version: await versionOf('project_tasks', p.taskId) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:id/tasks/:taskId': {
    relations: both,
    request: async (c) => {
      const taskId = await addTask((await project(c)).id);
      return { url: await base(c, `/tasks/${taskId}?version=1`) };
    },
    expect: inScope(204),
  },
  'GET /api/projects/:id/milestones': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/milestones') }),
    expect: inScope(200),
  },
  'POST /api/projects/:id/milestones': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/milestones'), payload: milestoneBody }),
    expect: inScope(201),
  },
  'PUT /api/projects/:id/milestones/:milestoneId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      return {
        url: await base(c, `/milestones/${p.milestoneId}`),
        payload: { milestone: milestoneBody, version: await versionOf('project_milestones', p.milestoneId) },
      };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:id/milestones/:milestoneId': {
    relations: both,
    request: async (c) => {
      const milestoneId = await addMilestone((await project(c)).id);
      return { url: await base(c, `/milestones/${milestoneId}?version=1`) };
    },
    expect: inScope(204),
  },
  'GET /api/projects/:id/documents': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/documents') }),
    expect: inScope(200),
  },
  'POST /api/projects/:id/documents': {
    relations: both,
    request: async (c) => ({
      url: await base(c, '/documents?filename=wniosek.pdf&kind=wniosek'),
      payload: PDF,
    }),
    expect: inScope(201),
  },
  'GET /api/projects/:id/documents/:documentId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      return { url: await base(c, `/documents/${p.documentId}`) };
    },
    expect: inScope(200),
  },
  'DELETE /api/projects/:id/documents/:documentId': {
    relations: both,
    request: async (c) => {
      const p = await project(c);
      const [leader] = await q<{ id: string }>(
        sql`select leader_institution_id as id from projects where id = ${p.id}`,
      );
      const documentId = await addDocument(p.id, leader?.id as string, uid('koordynator.andrychow'));
      return { url: await base(c, `/documents/${documentId}`) };
    },
    expect: inScope(204),
  },
};
