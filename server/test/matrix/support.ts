import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, q, uid } from './kit.js';

/**
 * Route × role cases of support delivered (docs/support.md). Two fixture projects, made on first
 * use, each under a programme of its own with one support type: one led by OPS Andrychów and
 * coordinated by `koordynator.andrychow` (the coordinator's own), one led by ROPS Kielce and
 * coordinated by `koordynator.kielce` (the Kielce analyst reads that project, so it is the analyst's
 * own — yet support is the team's alone: 404). Each project has a workshop with a session and an
 * enrolled participant, and a flat. Only the coordinator on the team gets through; every other
 * holder of the permission gets 404. Writes read the current version from the database; what a
 * write consumes (an activity, a session, an episode to delete, a participant to enrol) is made by
 * the case itself.
 */
let seq = 0;

interface Fixture {
  projectId: string;
  leaderId: string;
  typeId: string;
  workshopId: string;
  flatId: string;
  sessionId: string;
  participantId: string;
  episodeId: string;
}

async function supportType(): Promise<string> {
  const [programme] = await q<{ id: string }>(
    sql`insert into programme_nodes (kind, code, name) values ('program', 'MACIERZ-WSPARCIE', 'Program macierzowy wsparcia') returning id`,
  );
  const [axis] = await q<{ id: string }>(
    sql`insert into programme_nodes (parent_id, kind, code, name) values (${programme?.id}, 'os', '1', 'Oś macierzowa') returning id`,
  );
  const [action] = await q<{ id: string }>(
    sql`insert into programme_nodes (parent_id, kind, code, name) values (${axis?.id}, 'dzialanie', '1.1', 'Działanie macierzowe') returning id`,
  );
  await q(
    sql`insert into programme_nodes (parent_id, kind, code, name) values (${action?.id}, 'typ_wsparcia', '1.1.01', 'Szkolenia macierzowe')`,
  );
  return action?.id as string;
}

async function addParticipant(projectId: string, leaderId: string): Promise<string> {
  const [person] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
        values (${leaderId}, 'Uczestnik', ${`Macierzowy ${++seq}`}, '1990-01-01', 'M') returning id`,
  );
  const [p] = await q<{ id: string }>(
    sql`insert into participants (project_id, person_id, technical_id, joined_on, age_at_entry, sex, education,
          labour_status, disability, foreign_origin, third_country, minority, homeless)
        values (${projectId}, ${person?.id}, ${`MACIERZ/${seq}`}, '2026-01-01', 36, 'M', 'isced_3', 'bierna_zawodowo',
          'nie', 'nie', 'nie', 'nie', 'nie')
        returning id`,
  );
  return p?.id as string;
}

async function addActivity(
  projectId: string,
  typeId: string,
  kind: 'grupowe' | 'mieszkanie',
): Promise<string> {
  const [a] = await q<{ id: string }>(
    sql`insert into support_activities (project_id, kind, support_type_id, name, starts_on, capacity)
        values (${projectId}, ${kind}, ${typeId}, ${`Wsparcie macierzowe ${++seq}`}, '2026-01-01', ${kind === 'mieszkanie' ? 500 : null})
        returning id`,
  );
  return a?.id as string;
}

async function addSession(activityId: string): Promise<string> {
  const [s] = await q<{ id: string }>(
    sql`insert into support_sessions (activity_id, date, hours) values (${activityId}, '2026-03-02', 2) returning id`,
  );
  return s?.id as string;
}

async function addEpisode(activityId: string, participantId: string): Promise<string> {
  const [e] = await q<{ id: string }>(
    sql`insert into support_episodes (activity_id, participant_id, starts_on) values (${activityId}, ${participantId}, '2026-02-01') returning id`,
  );
  return e?.id as string;
}

let fixtures: Promise<{ andrychow: Fixture; kielce: Fixture }> | undefined;
function projects() {
  fixtures ??= (async () => {
    const nodeId = await supportType();
    const [type] = await q<{ id: string }>(
      sql`select id from programme_nodes where parent_id = ${nodeId} and kind = 'typ_wsparcia'`,
    );
    const typeId = type?.id as string;
    const make = async (number: string, leaderShort: string, coordinator: string): Promise<Fixture> => {
      const leaderId = await institutionId(leaderShort);
      const [p] = await q<{ id: string }>(
        sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
              total_value, eligible_costs, eu_funding, own_contribution)
            values (${number}, 'Projekt macierzowy wsparcia', ${nodeId}, ${leaderId}, '2026-01-01', '2027-12-31',
              10000000, 10000000, 8500000, 1500000)
            returning id`,
      );
      const projectId = p?.id as string;
      await q(
        sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${uid(coordinator)}, 'koordynator')`,
      );
      const workshopId = await addActivity(projectId, typeId, 'grupowe');
      const participantId = await addParticipant(projectId, leaderId);
      return {
        projectId,
        leaderId,
        typeId,
        workshopId,
        flatId: await addActivity(projectId, typeId, 'mieszkanie'),
        sessionId: await addSession(workshopId),
        participantId,
        episodeId: await addEpisode(workshopId, participantId),
      };
    };
    return {
      andrychow: await make('MACIERZ/WSPARCIE/ANDRYCHOW', 'OPS Andrychów', 'koordynator.andrychow'),
      kielce: await make('MACIERZ/WSPARCIE/KIELCE', 'ROPS Kielce', 'koordynator.kielce'),
    };
  })();
  return fixtures;
}

/** The coordinator's own is Andrychów's project, the analyst's own the Świętokrzyskie one (readable, not the team's). */
async function project(c: Ctx): Promise<Fixture> {
  const f = await projects();
  return (c.role === 'analityk_regionalny') === (c.rel === 'own') ? f.kielce : f.andrychow;
}

/** Only a coordinator on the team passes; any other reader of the project is out of scope. */
const team = (ok: number) => (c: Ctx) => (c.role === 'koordynator_projektu' && c.rel === 'own' ? ok : 404);

async function versionOf(
  table: 'support_activities' | 'support_sessions' | 'support_episodes',
  id: string,
): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

const url = async (c: Ctx, rest = '') => `/api/projects/${(await project(c)).projectId}/support${rest}`;
const workshop = async (c: Ctx, rest = '') => url(c, `/activities/${(await project(c)).workshopId}${rest}`);
const session = async (c: Ctx, rest = '') => workshop(c, `/sessions/${(await project(c)).sessionId}${rest}`);

export const supportCases: Record<string, Case> = {
  'GET /api/projects/:projectId/support/activities': {
    relations: both,
    request: async (c) => ({ url: await url(c, '/activities') }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/support/activities': {
    relations: both,
    request: async (c) => ({
      url: await url(c, '/activities'),
      payload: {
        kind: 'grupowe',
        supportTypeId: (await project(c)).typeId,
        name: `Warsztat macierzowy ${++seq}`,
        startsOn: '2026-02-01',
      },
    }),
    expect: team(201),
  },
  'GET /api/projects/:projectId/support/activities/:activityId': {
    relations: both,
    request: async (c) => ({ url: await workshop(c) }),
    expect: team(200),
  },
  'PUT /api/projects/:projectId/support/activities/:activityId': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      return {
        url: await workshop(c),
        payload: {
          activity: {
            kind: 'grupowe',
            supportTypeId: f.typeId,
            name: 'Warsztat zmieniony',
            startsOn: '2026-01-01',
          },
          version: await versionOf('support_activities', f.workshopId),
        },
      };
    },
    expect: team(200),
  },
  'DELETE /api/projects/:projectId/support/activities/:activityId': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      const id = await addActivity(f.projectId, f.typeId, 'grupowe');
      return { url: await url(c, `/activities/${id}?version=1`) };
    },
    expect: team(204),
  },
  'POST /api/projects/:projectId/support/activities/:activityId/sessions': {
    relations: both,
    request: async (c) => ({
      url: await workshop(c, '/sessions'),
      payload: { date: '2026-03-09', startTime: '10:00', hours: '2,5', topic: 'Temat macierzowy' },
    }),
    expect: team(201),
  },
  'PUT /api/projects/:projectId/support/activities/:activityId/sessions/:sessionId': {
    relations: both,
    request: async (c) => ({
      url: await session(c),
      payload: {
        session: { date: '2026-03-02', hours: 3, topic: 'Temat zmieniony' },
        version: await versionOf('support_sessions', (await project(c)).sessionId),
      },
    }),
    expect: team(200),
  },
  'DELETE /api/projects/:projectId/support/activities/:activityId/sessions/:sessionId': {
    relations: both,
    request: async (c) => {
      const id = await addSession((await project(c)).workshopId);
      return { url: await workshop(c, `/sessions/${id}?version=1`) };
    },
    expect: team(204),
  },
  'GET /api/projects/:projectId/support/activities/:activityId/sessions/:sessionId/attendance': {
    relations: both,
    request: async (c) => ({ url: await session(c, '/attendance') }),
    expect: team(200),
  },
  'PUT /api/projects/:projectId/support/activities/:activityId/sessions/:sessionId/attendance': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      return {
        url: await session(c, '/attendance'),
        payload: {
          version: await versionOf('support_sessions', f.sessionId),
          rows: [{ participantId: f.participantId, present: true }],
        },
      };
    },
    expect: team(200),
  },
  'GET /api/projects/:projectId/support/activities/:activityId/sessions/:sessionId/attendance/pdf': {
    relations: both,
    request: async (c) => ({ url: await session(c, '/attendance/pdf') }),
    expect: team(200),
  },
  'POST /api/projects/:projectId/support/activities/:activityId/episodes': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      return {
        url: await workshop(c, '/episodes'),
        payload: { participantId: await addParticipant(f.projectId, f.leaderId), startsOn: '2026-02-01' },
      };
    },
    expect: team(201),
  },
  'PUT /api/projects/:projectId/support/activities/:activityId/episodes/:episodeId': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      return {
        url: await workshop(c, `/episodes/${f.episodeId}`),
        payload: {
          episode: { participantId: f.participantId, startsOn: '2026-02-01', notes: 'Notatka macierzowa' },
          version: await versionOf('support_episodes', f.episodeId),
        },
      };
    },
    expect: team(200),
  },
  'DELETE /api/projects/:projectId/support/activities/:activityId/episodes/:episodeId': {
    relations: both,
    request: async (c) => {
      const f = await project(c);
      const id = await addEpisode(f.workshopId, await addParticipant(f.projectId, f.leaderId));
      return { url: await workshop(c, `/episodes/${id}?version=1`) };
    },
    expect: team(204),
  },
  'GET /api/projects/:projectId/support/activities/:activityId/occupancy': {
    relations: both,
    request: async (c) => ({
      url: await url(c, `/activities/${(await project(c)).flatId}/occupancy?by=miesiac`),
    }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/support/participants': {
    relations: both,
    request: async (c) => ({ url: await url(c, '/participants') }),
    expect: team(200),
  },
  'GET /api/projects/:projectId/support/participants/:participantId': {
    relations: both,
    request: async (c) => ({ url: await url(c, `/participants/${(await project(c)).participantId}`) }),
    expect: team(200),
  },
};
