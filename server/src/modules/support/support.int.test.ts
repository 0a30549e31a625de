/**
 * Stories of support delivered: a coordinator plans a workshop with sessions, enrols participants,
 * records the attendance list and reads each participant's hours back; the catalogue decides which
 * support types a project may use and which only come with another form; a flat never holds more
 * people than places; the 9.1.3 time window is checked against the application; only the project
 * team sees any of it (a partner institution that reads the project gets 404); a stale attendance
 * list answers 409; and every read of participant-level data is in the audit log.
 */
import type {
  Occupancy,
  ParticipantSupport,
  Problem,
  SessionAttendance,
  SupportActivity,
  SupportActivityDetail,
  SupportActivityList,
  SupportEpisodeSaved,
  SupportSession,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';
import { findProgrammeNode } from '../programmes/index.js';
import { seedDemoProjects } from '../projects/index.js';

let t: TestApp;
let coordinator: TestSession; // koordynator.andrychow — coordinates "Wykorzystaj swoją szansę" (9.1.2)
let kielce: TestSession; // koordynator.kielce — another project's coordinator
let projectId: string;
let leaderId: string;
let seq = 0;

const WSS = 'RPMP.09.01.02-12-0142/17';
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

async function call<T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  status = 200,
) {
  const res = await s.inject({ method, url, payload, headers: { 'accept-language': 'pl' } });
  expect(res.statusCode, res.body).toBe(status);
  return (res.body ? res.json() : undefined) as T;
}
const base = (rest = '', project = projectId) => `/api/projects/${project}/support${rest}`;
const fieldCodes = (p: Problem) => (p.errors ?? []).map((e) => `${e.field}:${e.code}`);

/** A support type of the catalogue by its code path under RPO WM › 9 › 9.1. */
const typeId = (sub: string, code: string) =>
  findProgrammeNode(t.database.db, ['RPO WM 2014-2020', '9', '9.1', sub, code]);

/** A participant of the project (a person of the leader's registry), optionally from an application. */
async function participant(
  project: string,
  name: [string, string],
  opts: {
    joinedOn?: string;
    leftOn?: string | null;
    stay?: { inInstitution: boolean; leftOn: string | null };
  } = {},
): Promise<string> {
  const [leader] = await q<{ id: string }>(
    sql`select leader_institution_id as id from projects where id = ${project}`,
  );
  const [person] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
        values (${leader?.id}, ${name[0]}, ${name[1]}, '1990-04-02', 'K') returning id`,
  );
  let applicationId: string | null = null;
  if (opts.stay) {
    const code = `T-${++seq}`;
    const [call] = await q<{ id: string }>(
      sql`insert into recruitment_calls (project_id, code, name, opens_at, closes_at, places_total)
          values (${project}, ${code}, 'Nabór', '2019-01-01T00:00:00Z', '2019-02-01T00:00:00Z', 10) returning id`,
    );
    const [app] = await q<{ id: string }>(
      sql`insert into applications (call_id, number, form_kind, channel, first_name, last_name, no_pesel, birth_date, sex,
            in_institution, institution_left_on)
          values (${call?.id}, ${`${code}/0001`}, 'wsparcie', 'papier', ${name[0]}, ${name[1]}, true, '2003-04-02', 'K',
            ${opts.stay.inInstitution}, ${opts.stay.leftOn}) returning id`,
    );
    applicationId = app?.id ?? null;
  }
  const [p] = await q<{ id: string }>(
    sql`insert into participants (project_id, person_id, application_id, technical_id, joined_on, left_on, age_at_entry, sex,
          education, labour_status, disability, foreign_origin, third_country, minority, homeless)
        values (${project}, ${person?.id}, ${applicationId}, ${`UCZ/${++seq}`}, ${opts.joinedOn ?? '2019-02-01'},
          ${opts.leftOn ?? null}, 29, 'K', 'isced_3', 'bierna_zawodowo', 'nie', 'nie', 'nie', 'nie', 'nie')
        returning id`,
  );
  return p?.id as string;
}

async function activity(body: Record<string, unknown>, project = projectId) {
  return call<SupportActivity>(coordinator, 'POST', base('/activities', project), body, 201);
}
async function enrol(activityId: string, body: Record<string, unknown>, status = 201, project = projectId) {
  return call<SupportEpisodeSaved & Problem>(
    coordinator,
    'POST',
    base(`/activities/${activityId}/episodes`, project),
    body,
    status,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const [present] = await q<{ n: number }>(
    sql`select count(*)::int as n from projects where number = ${WSS}`,
  );
  if (!present?.n) await t.database.db.transaction((tx) => seedDemoProjects(tx));
  const [p] = await q<{ id: string; leader: string }>(
    sql`select id, leader_institution_id as leader from projects where number = ${WSS}`,
  );
  projectId = p?.id as string;
  leaderId = p?.leader as string;
  coordinator = await login(t.app, 'koordynator.andrychow');
  kielce = await login(t.app, 'koordynator.kielce');
});

describe('a workshop with sessions and attendance', () => {
  let workshop: SupportActivity;
  let sessions: SupportSession[];
  const people: Record<string, string> = {};

  it('offers the support types of the sub-action and plans a workshop with its schedule', async () => {
    const list = await call<SupportActivityList>(coordinator, 'GET', base('/activities'));
    expect(list.supportTypes.map((s) => s.code)).toContain('9.1.2.08');
    expect(list.supportTypes.every((s) => s.code.startsWith('9.1.2.'))).toBe(true);
    expect(list.supportTypes.find((s) => s.code === '9.1.2.12')?.rules.onlyWithOther).toBe(true);
    expect(list.abilities.manage).toBe(true);

    workshop = await activity({
      kind: 'grupowe',
      supportTypeId: await typeId('9.1.2', '9.1.2.08'),
      name: 'Warsztaty kompetencji społecznych',
      place: 'OPS Andrychów, sala 2',
      startsOn: '2019-03-01',
      endsOn: '2019-06-30',
      capacity: 12,
    });
    expect(workshop.supportType?.code).toBe('9.1.2.08');
    sessions = [];
    for (const [date, hours] of [
      ['2019-03-04', '3'],
      ['2019-03-11', '2,5'],
    ] as const)
      sessions.push(
        await call<SupportSession>(
          coordinator,
          'POST',
          base(`/activities/${workshop.id}/sessions`),
          { date, startTime: '10:00', hours, topic: 'Komunikacja' },
          201,
        ),
      );
    expect(sessions.map((s) => s.hours)).toEqual(['3', '2.5']);
    // A session outside the activity's period is refused with the dates named.
    const outside = await call<Problem>(
      coordinator,
      'POST',
      base(`/activities/${workshop.id}/sessions`),
      { date: '2019-07-01', hours: 2 },
      400,
    );
    expect(outside.errors?.[0]).toMatchObject({
      field: 'date',
      code: 'support.session.outsideActivity',
      message: 'Zajęcia muszą odbyć się w okresie formy wsparcia (01.03.2019 – 30.06.2019).',
    });
  });

  it('enrols participants and lists the enrolled ones on the session’s attendance list', async () => {
    people.anna = await participant(projectId, ['Anna', 'Kowalska']);
    people.jan = await participant(projectId, ['Jan', 'Nowak']);
    people.ewa = await participant(projectId, ['Ewa', 'Zielińska']);
    await enrol(workshop.id, { participantId: people.anna, startsOn: '2019-03-01' });
    await enrol(workshop.id, { participantId: people.jan, startsOn: '2019-03-01' });
    // Ewa joins the workshop after its first session.
    await enrol(workshop.id, { participantId: people.ewa, startsOn: '2019-03-05' });
    // Hours of a group activity come from the attendance lists, not from the episode.
    const withHours = await enrol(
      workshop.id,
      { participantId: people.anna, startsOn: '2019-05-01', hours: 3 },
      400,
    );
    expect(fieldCodes(withHours)).toContain('hours:support.episode.hoursFromAttendance');
    expect(fieldCodes(withHours)).toContain('startsOn:support.episode.overlap');

    const first = await call<SessionAttendance>(
      coordinator,
      'GET',
      base(`/activities/${workshop.id}/sessions/${sessions[0]?.id}/attendance`),
    );
    expect(first.rows.map((r) => [r.participant.name, r.present, r.hours])).toEqual([
      ['Anna Kowalska', null, '3'],
      ['Jan Nowak', null, '3'],
    ]);
  });

  it('records the whole list at once and reads each participant’s hours back', async () => {
    const [s1, s2] = sessions as [SupportSession, SupportSession];
    const url = (s: SupportSession) => base(`/activities/${workshop.id}/sessions/${s.id}/attendance`);
    const saved = await call<SessionAttendance>(coordinator, 'PUT', url(s1), {
      version: s1.version,
      rows: [
        { participantId: people.anna, present: true },
        { participantId: people.jan, present: false },
      ],
    });
    expect(saved.rows.map((r) => [r.participant.name, r.present, r.hours])).toEqual([
      ['Anna Kowalska', true, '3'],
      ['Jan Nowak', false, '0'],
    ]);
    expect(saved.session.version).toBe(s1.version + 1);
    expect(saved.session).toMatchObject({ recorded: true, present: 1 });
    // Ewa was not enrolled on the first day; 4 hours at a 3-hour session are refused.
    const wrong = await call<Problem>(
      coordinator,
      'PUT',
      url(s1),
      {
        version: saved.session.version,
        rows: [
          { participantId: people.ewa, present: true },
          { participantId: people.anna, present: true, hours: '4' },
        ],
      },
      400,
    );
    expect(fieldCodes(wrong)).toEqual([
      'rows.0.participantId:support.attendance.notEnrolled',
      'rows.1.hours:support.attendance.hoursOverSession',
    ]);
    await call(coordinator, 'PUT', url(s2), {
      version: s2.version,
      rows: [
        { participantId: people.anna, present: true, hours: '2,25' },
        { participantId: people.jan, present: true },
        { participantId: people.ewa, present: true },
      ],
    });

    const anna = await call<ParticipantSupport>(coordinator, 'GET', base(`/participants/${people.anna}`));
    expect(anna.totals).toMatchObject({ group: '5.25', total: '5.25' });
    expect(anna.episodes.map((e) => [e.activity.name, e.hoursCounted])).toEqual([
      ['Warsztaty kompetencji społecznych', '5.25'],
    ]);
    const detail = await call<SupportActivityDetail>(coordinator, 'GET', base(`/activities/${workshop.id}`));
    expect(detail.episodes.map((e) => [e.participant.name, e.attendedHours])).toEqual([
      ['Anna Kowalska', '5.25'],
      ['Jan Nowak', '2.5'],
      ['Ewa Zielińska', '2.5'],
    ]);
    expect(detail.sessionHours).toBe('5.5');
  });

  it('answers 409 to an attendance list saved on a stale version, and keeps the newer list', async () => {
    const s = sessions[0] as SupportSession;
    const stale = await call<Problem>(
      coordinator,
      'PUT',
      base(`/activities/${workshop.id}/sessions/${s.id}/attendance`),
      { version: s.version, rows: [{ participantId: people.jan, present: true }] },
      409,
    );
    expect(stale.code).toBe('conflict');
    const [row] = await q<{ present: boolean }>(
      sql`select present from session_attendance where session_id = ${s.id} and participant_id = ${people.jan}`,
    );
    expect(row?.present).toBe(false);
  });

  it('prints the list with the names and a signature column, and logs the download', async () => {
    const s = sessions[1] as SupportSession;
    const res = await coordinator.inject({
      method: 'GET',
      url: base(`/activities/${workshop.id}/sessions/${s.id}/attendance/pdf`),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    for (const s of [
      'LISTA OBECNOŚCI',
      'Warsztaty kompetencji społecznych',
      '11.03.2019',
      'Anna Kowalska',
      'Ewa Zielińska',
      'Podpis uczestnika',
      '2,25',
    ])
      expect(text).toContain(s);
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_type = 'support_session' and record_id = ${s.id}`,
    );
    expect(audit?.n).toBe(1);
  });

  it('logs every read of participant-level data and every change', async () => {
    const rows = await q<{ action: string; record_type: string }>(
      sql`select action, record_type from audit_log
          where record_type in ('support_activity', 'support_session', 'support_episode', 'participant')
          order by id`,
    );
    const seen = new Set(rows.map((r) => `${r.action} ${r.record_type}`));
    for (const k of [
      'record.create support_activity',
      'record.create support_session',
      'record.create support_episode',
      'record.read support_session',
      'record.update support_session',
      'record.read support_activity',
      'record.read participant',
      'export.download support_session',
    ])
      expect(seen, k).toContain(k);
    const [update] = await q<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      sql`select changes from audit_log where action = 'record.update' and record_type = 'support_session'
            and record_id = ${sessions[0]?.id} order by id limit 1`,
    );
    expect(update?.changes.attendance?.after).toEqual({
      [people.anna as string]: { present: true, hours: '3' },
      [people.jan as string]: { present: false, hours: '0' },
    });
  });
});

describe('what the catalogue allows', () => {
  it('refuses a support type from outside the project’s sub-action with a field error', async () => {
    const res = await call<Problem>(
      coordinator,
      'POST',
      base('/activities'),
      {
        kind: 'indywidualne',
        supportTypeId: await typeId('9.1.3', '9.1.3.02'),
        name: 'Poradnictwo',
        startsOn: '2019-03-01',
      },
      400,
    );
    expect(res.errors).toEqual([
      expect.objectContaining({ field: 'supportTypeId', code: 'support.type.notAllowed' }),
    ]);
    expect(res.errors?.[0]?.message).toMatch(/^Ten typ wsparcia nie jest dozwolony.*9\.1\.2\.01/);
    const none = await call<Problem>(
      coordinator,
      'POST',
      base('/activities'),
      { kind: 'indywidualne', name: 'Poradnictwo', startsOn: '2019-03-01' },
      400,
    );
    expect(fieldCodes(none)).toEqual(['supportTypeId:support.type.required']);
  });

  it('gives an only-with-other type only to a participant with another form, and keeps that form', async () => {
    const ngo = await activity({
      kind: 'grupowe',
      supportTypeId: await typeId('9.1.2', '9.1.2.12'),
      name: 'Szkolenie dla organizacji pozarządowych',
      startsOn: '2019-04-01',
    });
    const counselling = await activity({
      kind: 'indywidualne',
      supportTypeId: await typeId('9.1.2', '9.1.2.06'),
      name: 'Poradnictwo psychologiczne',
      startsOn: '2019-03-01',
    });
    const piotr = await participant(projectId, ['Piotr', 'Wiśniewski']);
    const alone = await enrol(ngo.id, { participantId: piotr, startsOn: '2019-04-01' }, 400);
    expect(fieldCodes(alone)).toEqual(['activityId:support.onlyWithOther.missing']);
    const other = await enrol(counselling.id, {
      participantId: piotr,
      startsOn: '2019-03-01',
      endsOn: '2019-03-31',
      hours: '4,5',
    });
    expect(other.hours).toBe('4.5');
    await enrol(ngo.id, { participantId: piotr, startsOn: '2019-04-01' });
    const removal = await call<Problem>(
      coordinator,
      'DELETE',
      base(`/activities/${counselling.id}/episodes/${other.id}?version=${other.version}`),
      undefined,
      409,
    );
    expect(removal.detail).toContain('Szkolenie dla organizacji pozarządowych');
    const summary = await call<ParticipantSupport>(coordinator, 'GET', base(`/participants/${piotr}`));
    expect(summary.totals).toMatchObject({ individual: '4.5', group: '0', total: '4.5' });
  });
});

describe('a training flat', () => {
  it('never holds more people than places, frees a place the day after a stay, and shows the timeline', async () => {
    const flat = await activity({
      kind: 'mieszkanie',
      supportTypeId: await typeId('9.1.2', '9.1.2.11'),
      name: 'Mieszkanie treningowe, ul. Krakowska',
      startsOn: '2019-03-01',
      capacity: 2,
    });
    const [a, b, c] = [
      await participant(projectId, ['Adam', 'Lis']),
      await participant(projectId, ['Beata', 'Sowa']),
      await participant(projectId, ['Cezary', 'Wilk']),
    ];
    await enrol(flat.id, { participantId: a, startsOn: '2019-03-01', endsOn: '2019-05-31' });
    await enrol(flat.id, { participantId: b, startsOn: '2019-04-01' });
    const over = await enrol(
      flat.id,
      { participantId: c, startsOn: '2019-05-15', endsOn: '2019-08-31' },
      400,
    );
    expect(over.errors?.[0]).toMatchObject({
      field: 'startsOn',
      code: 'support.capacity.full',
      message:
        'Brak wolnego miejsca: 15.05.2019 zajętych jest już 2 z 2 miejsc. Zmień daty albo zwiększ liczbę miejsc.',
    });
    await enrol(flat.id, { participantId: c, startsOn: '2019-06-01', endsOn: '2019-08-31' });
    // Fewer places than the people there at once is refused.
    const shrink = await call<Problem>(
      coordinator,
      'PUT',
      base(`/activities/${flat.id}`),
      {
        version: flat.version,
        activity: {
          kind: 'mieszkanie',
          supportTypeId: flat.supportType?.id,
          name: flat.name,
          startsOn: flat.startsOn,
          capacity: 1,
        },
      },
      400,
    );
    expect(fieldCodes(shrink)).toEqual(['capacity:support.capacity.belowOccupied']);

    const timeline = await call<Occupancy>(
      coordinator,
      'GET',
      base(`/activities/${flat.id}/occupancy?by=miesiac&from=2019-03-01&to=2019-06-30`),
    );
    expect(timeline.periods.map((p) => [p.from, p.occupied, p.free, p.residents.length])).toEqual([
      ['2019-03-01', 1, 1, 1],
      ['2019-04-01', 2, 0, 2],
      ['2019-05-01', 2, 0, 2],
      ['2019-06-01', 2, 0, 2],
    ]);
    expect(timeline.residents.map((r) => r.participant.name).sort()).toEqual([
      'Adam Lis',
      'Beata Sowa',
      'Cezary Wilk',
    ]);
  });
});

describe('the time window of 9.1.3', () => {
  let project913: string;
  let course: SupportActivity;
  beforeAll(async () => {
    const node = await findProgrammeNode(t.database.db, ['RPO WM 2014-2020', '9', '9.1', '9.1.3']);
    const [p] = await q<{ id: string }>(
      sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
            total_value, eligible_costs, eu_funding, own_contribution)
          values ('RPMP.09.01.03-12-TEST/19', 'Samodzielni', ${node}, ${leaderId}, '2019-01-01', '2021-12-31',
            100000, 100000, 85000, 15000) returning id`,
    );
    project913 = p?.id as string;
    await q(
      sql`insert into project_team (project_id, user_id, role) values (${project913}, ${coordinator.me.user.id}, 'koordynator')`,
    );
    course = await activity(
      {
        kind: 'grupowe',
        supportTypeId: await typeId('9.1.3', '9.1.3.01'),
        name: 'Kurs prawa jazdy',
        startsOn: '2019-02-01',
      },
      project913,
    );
  });

  it('ends support within 12 months of leaving the institution, as the application says', async () => {
    const left = await participant(project913, ['Kamil', 'Mazur'], {
      stay: { inInstitution: false, leftOn: '2019-01-15' },
    });
    const late = await enrol(
      course.id,
      { participantId: left, startsOn: '2019-06-01', endsOn: '2020-03-31' },
      400,
      project913,
    );
    expect(late.errors).toEqual([
      expect.objectContaining({
        field: 'endsOn',
        code: 'support.timeWindow.endAfter',
        message:
          'Wsparcie musi zakończyć się najpóźniej 15.01.2020 — 12 mies. po opuszczeniu placówki (15.01.2019). Podaj datę zakończenia.',
      }),
    ]);
    const ok = await enrol(
      course.id,
      { participantId: left, startsOn: '2019-06-01', endsOn: '2020-01-15' },
      201,
      project913,
    );
    expect(ok.warnings).toEqual([]);
  });

  it('accepts a participant still in the institution, and warns when the application says nothing', async () => {
    const staying = await participant(project913, ['Ola', 'Kruk'], {
      stay: { inInstitution: true, leftOn: null },
    });
    const a = await enrol(course.id, { participantId: staying, startsOn: '2019-06-01' }, 201, project913);
    expect(a.warnings).toEqual([]);
    const unknown = await participant(project913, ['Igor', 'Sęk']);
    const b = await enrol(course.id, { participantId: unknown, startsOn: '2019-06-01' }, 201, project913);
    expect(b.warnings.map((w) => w.code)).toEqual(['support.timeWindow.unknown']);
    expect(b.warnings[0]?.message).toContain('do 12 miesięcy po jej opuszczeniu');
  });
});

describe('only the project team', () => {
  it('hides support from a reader of the project outside the team (404, logged) and from other coordinators', async () => {
    // ROPS Kielce becomes a partner: its coordinator reads the project, but not its participants.
    const [rops] = await q<{ id: string }>(sql`select id from institutions where short_name = 'ROPS Kielce'`);
    await q(
      sql`insert into project_partners (project_id, institution_id) values (${projectId}, ${rops?.id}) on conflict do nothing`,
    );
    await call(kielce, 'GET', `/api/projects/${projectId}`);
    await call<Problem>(kielce, 'GET', base('/activities'), undefined, 404);
    const [some] = await q<{ id: string; session: string }>(
      sql`select a.id, s.id as session from support_activities a join support_sessions s on s.activity_id = a.id
          where a.project_id = ${projectId} limit 1`,
    );
    await call<Problem>(kielce, 'GET', base(`/activities/${some?.id}`), undefined, 404);
    await call<Problem>(
      kielce,
      'GET',
      base(`/activities/${some?.id}/sessions/${some?.session}/attendance`),
      undefined,
      404,
    );
    const denied = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${projectId}
            and user_id = ${kielce.me.user.id}`,
    );
    expect(denied[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses changes by a team member who is not a coordinator (403)', async () => {
    await q(
      sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${kielce.me.user.id}, 'czlonek')`,
    );
    const list = await call<SupportActivityList>(kielce, 'GET', base('/activities'));
    expect(list.abilities.manage).toBe(false);
    await call<Problem>(
      kielce,
      'POST',
      base('/activities'),
      { kind: 'indywidualne', name: 'X', startsOn: '2019-03-01' },
      403,
    );
    await q(sql`delete from project_team where project_id = ${projectId} and user_id = ${kielce.me.user.id}`);
  });
});
