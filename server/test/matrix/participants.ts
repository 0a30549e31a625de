import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of participants (docs/participants.md). Two fixture projects, made on first
 * use: one led by OPS Andrychów and coordinated by `koordynator.andrychow` (the coordinator's own),
 * one led by ROPS Kielce and coordinated by `koordynator.kielce` (the Kielce analyst reads that
 * project, so it is the analyst's own — yet its persons are the team's alone: 404; the counts are
 * not). Each has a participant who has left (so a follow-up can be recorded). The DEGURBA table is
 * the system administrator's; its lookup is any project reader's.
 */
let seq = 0;

interface Fixture {
  projectId: string;
  participantId: string;
}

async function node(): Promise<string> {
  const [n] = await q<{ id: string }>(
    sql`insert into programme_nodes (kind, code, name) values ('program', 'MACIERZ-UCZESTNICY', 'Program macierzowy uczestników') returning id`,
  );
  return n?.id as string;
}

async function make(
  nodeId: string,
  number: string,
  leaderShort: string,
  coordinator: string,
): Promise<Fixture> {
  const leader = await institutionId(leaderShort);
  const [p] = await q<{ id: string }>(
    sql`insert into projects (number, title, short_title, programme_node_id, leader_institution_id, starts_on, ends_on,
          total_value, eligible_costs)
        values (${number}, 'Projekt macierzowy uczestników', ${`MU${++seq}`}, ${nodeId}, ${leader}, '2019-01-01',
          '2030-12-31', 100000, 100000)
        returning id`,
  );
  const projectId = p?.id as string;
  await q(
    sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${uid(coordinator)}, 'koordynator')`,
  );
  const [person] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
        values (${leader}, 'Uczestnik', ${`Macierzowy ${seq}`}, '1990-01-01', 'K') returning id`,
  );
  const [pa] = await q<{ id: string }>(
    sql`insert into participants (project_id, person_id, technical_id, joined_on, age_at_entry, sex, education,
          labour_status, labour_status_detail, disability, foreign_origin, third_country, minority, homeless,
          status, left_on, exit_situation, completed_path, follow_up_due_on, teryt, degurba)
        values (${projectId}, ${person?.id}, ${`MU/${seq}`}, '2020-01-01', 30, 'K', 'isced_3', 'bierna_zawodowo',
          'inne_bierna', 'nie', 'nie', 'nie', 'nie', 'nie', 'zakonczony', '2020-06-30', '["inne"]'::jsonb, true,
          '2020-12-30', '1218013', 2)
        returning id`,
  );
  return { projectId, participantId: pa?.id as string };
}

let fixtures: Promise<{ andrychow: Fixture; kielce: Fixture }> | undefined;
function projects() {
  fixtures ??= (async () => {
    const nodeId = await node();
    return {
      andrychow: await make(nodeId, 'MACIERZ/UCZESTNICY/ANDRYCHOW', 'OPS Andrychów', 'koordynator.andrychow'),
      kielce: await make(nodeId, 'MACIERZ/UCZESTNICY/KIELCE', 'ROPS Kielce', 'koordynator.kielce'),
    };
  })();
  return fixtures;
}

/** The coordinator's own is Andrychów's project, the analyst's own is the Świętokrzyskie one. */
async function project(c: Ctx): Promise<Fixture> {
  const f = await projects();
  return (c.role === 'analityk_regionalny') === (c.rel === 'own') ? f.kielce : f.andrychow;
}

/** Persons of participants: the coordinator on the team only; every other reader of the project 404. */
const team = (ok: number) => (c: Ctx) => (c.role === 'koordynator_projektu' && c.rel === 'own' ? ok : 404);

const url = async (c: Ctx, rest = '') => `/api/projects/${(await project(c)).projectId}/participants${rest}`;
const one = async (c: Ctx, rest = '') => url(c, `/${(await project(c)).participantId}${rest}`);
const versionOf = async (id: string) => {
  const [row] = await q<{ version: number }>(sql`select version from participants where id = ${id}`);
  return row?.version ?? 1;
};

const entry = {
  joinedOn: '2020-01-01',
  education: 'isced_3',
  teryt: '1218013',
  degurba: 2,
  labourStatus: 'bierna_zawodowo',
  labourStatusDetail: 'inne_bierna',
  disability: 'nie',
  foreignOrigin: 'nie',
  thirdCountry: 'nie',
  minority: 'nie',
  homeless: 'nie',
};

export const participantsCases: Record<string, Case> = {
  'GET /api/projects/:projectId/participants/summary': {
    relations: both,
    request: async (c) => ({ url: await url(c, '/summary') }),
    expect: (c) => (c.rel === 'own' ? 200 : 404),
  },
  'GET /api/projects/:projectId/participants': {
    relations: both,
    request: async (c) => ({ url: await url(c, '?status=zakonczony') }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/participants/follow-ups': {
    relations: both,
    request: async (c) => ({ url: await url(c, '/follow-ups') }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/participants': {
    relations: both,
    request: async (c) => ({
      url: await url(c),
      payload: {
        ...entry,
        firstName: 'Nowy',
        lastName: 'Uczestnik',
        noPesel: true,
        otherIdType: 'paszport',
        otherIdNumber: `MU${++seq}`,
        birthDate: '1985-05-05',
        sex: 'M',
      },
    }),
    expect: team(201),
  },
  'GET /api/projects/:projectId/participants/:participantId': {
    relations: both,
    request: async (c) => ({ url: await one(c) }),
    expect: team(200),
  },
  'PUT /api/projects/:projectId/participants/:participantId': {
    relations: both,
    request: async (c) => ({
      url: await one(c),
      payload: { participant: entry, version: await versionOf((await project(c)).participantId) },
    }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/participants/:participantId/exit': {
    relations: both,
    request: async (c) => ({
      url: await one(c, '/exit'),
      payload: {
        status: 'zakonczony',
        leftOn: '2020-06-30',
        exitSituation: ['inne'],
        completedPath: true,
        version: await versionOf((await project(c)).participantId),
      },
    }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/participants/:participantId/follow-up': {
    relations: both,
    request: async (c) => ({
      url: await one(c, '/follow-up'),
      payload: {
        followUpOn: '2021-01-05',
        followUpResult: ['bez_zmian'],
        version: await versionOf((await project(c)).participantId),
      },
    }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/participants/:participantId/contract.pdf': {
    relations: both,
    request: async (c) => ({ url: await one(c, '/contract.pdf') }),
    expect: team(200),
  },
  'GET /api/degurba': { request: () => ({ url: '/api/degurba' }), expect: () => 200 },
  'GET /api/degurba/:teryt': { request: () => ({ url: '/api/degurba/1218013' }), expect: () => 200 },
  'POST /api/degurba/import': {
    request: () => ({
      url: '/api/degurba/import',
      payload: { csv: 'teryt;degurba\n1218013;2\n', apply: false },
    }),
    expect: () => 200,
  },
};
