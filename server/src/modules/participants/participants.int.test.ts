/**
 * Stories of participants: a coordinator enrols an accepted applicant who is already in the
 * institution's person registry (matched by PESEL, no second person), enrols someone without an
 * application or a PESEL, cannot enrol the same person twice, edits the data at entry without the
 * locked age moving, records the exit and the six-month follow-up; the persons stay with the project
 * team (a partner's staff and the regional analyst see counts only, 404 otherwise), a stale save
 * is 409 and every read and change is in the audit log.
 */
import type {
  Participant,
  ParticipantAggregate,
  ParticipantFollowUpList,
  ParticipantList,
  Problem,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';
import { programmeNode } from '../indicators/indicators.fixtures.js';

let t: TestApp;
let coordinator: TestSession; // koordynator.andrychow — coordinates the project
let partner: TestSession; // koordynator.kielce — staff of the partner ROPS Kielce, not on the team at first
let analyst: TestSession; // analityk.kielce — regional analyst of Świętokrzyskie (the partner's region)
let projectId: string;
let leaderId: string;
let cohortId: string;
let annaId: string; // Anna Nowak in OPS Andrychów's registry already
const ANNA_PESEL = '90050112343'; // born 01.05.1990, a woman
const base = () => `/api/projects/${projectId}/participants`;
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

async function call<T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  status = 200,
  lang = 'pl',
) {
  const res = await s.inject({ method, url, payload, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const errorsOf = (p: Problem) => Object.fromEntries((p.errors ?? []).map((e) => [e.field, e]));

let seq = 0;
async function application(o: {
  status: string;
  pesel?: string | null;
  firstName?: string;
  lastName?: string;
}) {
  const [a] = await q<{ id: string; number: string }>(
    sql`insert into applications (call_id, cohort_id, number, form_kind, channel, first_name, last_name, pesel, no_pesel,
          birth_date, sex, teryt, street, postal_code, city, education, labour_status, disability, status)
        select rc.id, ${cohortId}, ${`WSS-2019/${String(++seq).padStart(4, '0')}`}, 'wsparcie', 'papier',
          ${o.firstName ?? 'Anna'}, ${o.lastName ?? 'Nowak'}, ${o.pesel === undefined ? ANNA_PESEL : o.pesel},
          ${o.pesel === null}, '1990-05-01', 'K', '1218013', 'ul. Krakowska 1', '34-120', 'Andrychów',
          'isced_3', 'bezrobotna_zarejestrowana', 'tak', ${o.status}
        from recruitment_calls rc where rc.project_id = ${projectId}
        returning id, number`,
  );
  return a as { id: string; number: string };
}

/** The SM EFS data the application does not hold. */
const rest = {
  joinedOn: '2019-03-01',
  labourStatusDetail: 'dlugotrwale_bezrobotna',
  foreignOrigin: 'nie',
  thirdCountry: 'nie',
  minority: 'odmowa',
  homeless: 'nie',
  degurba: 3,
};

/** A complete enrolment without an application: Jan, no PESEL, a passport, living in Kraków. */
const jan = {
  firstName: 'Jan',
  lastName: 'Wójcik',
  noPesel: true,
  otherIdType: 'paszport',
  otherIdNumber: 'AB1234567',
  birthDate: '2001-06-15',
  sex: 'M',
  joinedOn: '2019-06-14',
  education: 'isced_2',
  teryt: '1261011',
  city: 'Kraków',
  postalCode: '30-001',
  labourStatus: 'bierna_zawodowo',
  labourStatusDetail: 'uczaca_sie',
  disability: 'nie',
  foreignOrigin: 'tak',
  thirdCountry: 'nie',
  minority: 'nie',
  homeless: 'nie',
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await login(t.app, 'koordynator.andrychow');
  partner = await login(t.app, 'koordynator.kielce');
  analyst = await login(t.app, 'analityk.kielce');
  const [leader] = await q<{ id: string }>(
    sql`select id from institutions where short_name = 'OPS Andrychów'`,
  );
  const [kielce] = await q<{ id: string }>(sql`select id from institutions where short_name = 'ROPS Kielce'`);
  leaderId = leader?.id as string;
  const [p] = await q<{ id: string }>(
    sql`insert into projects (number, title, short_title, programme_node_id, leader_institution_id, status, starts_on, ends_on,
          total_value, eligible_costs)
        values ('TEST/UCZESTNICY/1', 'Wykorzystaj swoją szansę (test)', 'WSS', ${await programmeNode(t.database.db)},
          ${leaderId}, 'realizacja', '2019-01-01', '2021-12-31', 100000, 100000)
        returning id`,
  );
  projectId = p?.id as string;
  await q(
    sql`insert into project_partners (project_id, institution_id) values (${projectId}, ${kielce?.id})`,
  );
  await q(
    sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${coordinator.me.user.id}, 'koordynator')`,
  );
  const [c] = await q<{ id: string }>(
    sql`insert into recruitment_calls (project_id, code, name, opens_at, closes_at, places_total, status)
        values (${projectId}, 'WSS-TEST-2019', 'Nabór 2019', '2019-01-10', '2019-02-20', 12, 'rozstrzygniety') returning id`,
  );
  const [co] = await q<{ id: string }>(
    sql`insert into recruitment_cohorts (call_id, name, year, places)
        values (${c?.id}, 'Osoby z niepełnosprawnościami', 2019, 12) returning id`,
  );
  cohortId = co?.id as string;
  const [anna] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, pesel, birth_date, sex)
        values (${leaderId}, 'Anna', 'Nowak', ${ANNA_PESEL}, '1990-05-01', 'K') returning id`,
  );
  annaId = anna?.id as string;
  // Andrychów is in the DEGURBA table (2); Kraków is not.
  await q(sql`insert into degurba_units (teryt, degurba) values ('1218013', 2)`);
});

describe('enrolment', () => {
  let enrolled: Participant;

  it('enrols an accepted applicant, matching the person already in the registry by PESEL', async () => {
    const app = await application({ status: 'zakwalifikowane' });
    enrolled = await call<Participant>(coordinator, 'POST', base(), { applicationId: app.id, ...rest }, 201);
    expect(enrolled).toMatchObject({
      technicalId: app.number,
      applicationNumber: app.number,
      cohortId,
      cohortName: 'Osoby z niepełnosprawnościami',
      ageAtEntry: 28,
      sex: 'K',
      education: 'isced_3',
      labourStatus: 'bezrobotna_zarejestrowana',
      disability: 'tak',
      teryt: '1218013',
      gminaName: 'Andrychów',
      powiatName: 'wadowicki',
      // the table's value wins over the one typed in
      degurba: 2,
      status: 'aktywny',
      version: 1,
      abilities: { manage: true },
    });
    expect(enrolled.person).toMatchObject({ id: annaId, pesel: ANNA_PESEL, birthDate: '1990-05-01' });
    const [persons] = await q<{ n: number }>(
      sql`select count(*)::int as n from persons where pesel = ${ANNA_PESEL} and institution_id = ${leaderId}`,
    );
    expect(persons?.n).toBe(1);
    const [a] = await q<{ status: string; version: number }>(
      sql`select status, version from applications where id = ${app.id}`,
    );
    expect(a).toEqual({ status: 'przyjete', version: 2 });
    const audit = await q<{
      action: string;
      recordType: string;
      changes: Record<string, { after: unknown }>;
    }>(
      sql`select action, record_type as "recordType", changes from audit_log
          where record_id in (${enrolled.id}, ${app.id}) order by id`,
    );
    expect(audit.map((e) => `${e.action} ${e.recordType}`)).toEqual([
      'record.update application',
      'record.create participant',
    ]);
    // special-category data is logged as set, never by value
    expect(audit[1]?.changes.disability?.after).toBe('[redacted]');
    expect(audit[1]?.changes.ageAtEntry?.after).toBe(28);
  });

  it('refuses the same person twice, and an application that was not qualified', async () => {
    const twice = await call<Problem>(
      coordinator,
      'POST',
      base(),
      {
        ...jan,
        degurba: 1,
        noPesel: false,
        pesel: ANNA_PESEL,
        otherIdType: null,
        otherIdNumber: null,
        birthDate: null,
        sex: null,
      },
      400,
    );
    expect(errorsOf(twice).pesel?.code).toBe('participant.alreadyEnrolled');
    expect(errorsOf(twice).pesel?.message).toBe(
      `Ta osoba już jest uczestnikiem projektu (${enrolled.technicalId}).`,
    );
    const rejected = await application({ status: 'odrzucone', pesel: '85122412355', firstName: 'Piotr' });
    const refused = await call<Problem>(
      coordinator,
      'POST',
      base(),
      { applicationId: rejected.id, ...rest },
      400,
    );
    expect(errorsOf(refused).applicationId?.message).toContain('„Odrzucone”');
    const [persons] = await q<{ n: number }>(
      sql`select count(*)::int as n from persons where pesel = '85122412355'`,
    );
    expect(persons?.n).toBe(0);
  });

  it('enrols without an application or PESEL, asks for DEGURBA where the table has none, and numbers the participant', async () => {
    const missing = await call<Problem>(coordinator, 'POST', base(), jan, 400);
    expect(errorsOf(missing).degurba?.message).toBe(
      'Tabela DEGURBA nie ma tej gminy: wybierz stopień urbanizacji (1, 2 albo 3).',
    );
    const english = await call<Problem>(
      coordinator,
      'POST',
      base(),
      { ...jan, joinedOn: '2018-12-31' },
      400,
      'en',
    );
    expect(errorsOf(english).joinedOn?.message).toBe(
      'The date must lie within the project period (01.01.2019 – 31.12.2021).',
    );
    const p = await call<Participant>(coordinator, 'POST', base(), { ...jan, degurba: 1 }, 201);
    expect(p).toMatchObject({
      technicalId: 'WSS/0001',
      ageAtEntry: 17,
      degurba: 1,
      applicationId: null,
      sex: 'M',
    });
    expect(p.person).toMatchObject({ pesel: null, otherIdType: 'paszport', otherIdNumber: 'AB1234567' });
    const [person] = await q<{ institutionId: string }>(
      sql`select institution_id as "institutionId" from persons where id = ${p.person.id}`,
    );
    expect(person?.institutionId).toBe(leaderId);
    // the same passport and birth date is the same person
    const again = await call<Problem>(coordinator, 'POST', base(), { ...jan, degurba: 1 }, 400);
    expect(errorsOf(again).otherIdNumber?.code).toBe('participant.alreadyEnrolled');
  });

  it('reports every wrong field of a bare body at once, in the user’s language', async () => {
    const bad = await call<Problem>(
      coordinator,
      'POST',
      base(),
      { firstName: 'X', pesel: '90050112344' },
      400,
    );
    const fields = Object.keys(errorsOf(bad));
    expect(fields).toEqual(
      expect.arrayContaining(['lastName', 'pesel', 'joinedOn', 'education', 'labourStatus']),
    );
    expect(errorsOf(bad).pesel?.message).not.toBe('pesel.invalid');
  });
});

describe('edits, exit and follow-up', () => {
  let p: Participant;

  beforeAll(async () => {
    const app = await application({
      status: 'rezerwa',
      pesel: '03211500026',
      firstName: 'Ewa',
      lastName: 'Łącka',
    });
    p = await call<Participant>(
      coordinator,
      'POST',
      base(),
      { applicationId: app.id, ...rest, birthDate: '2003-01-15', joinedOn: '2019-01-14' },
      201,
    );
    expect(p.ageAtEntry).toBe(15);
  });

  it('keeps the age at entry when the day of joining is corrected; a stale save is 409', async () => {
    const {
      cohortId: c,
      participantType,
      institutionName,
      education,
      citizenship,
      country,
      teryt,
      city,
      postalCode,
      degurba,
      phone,
      email,
      labourStatus,
      labourStatusDetail,
      disability,
      foreignOrigin,
      thirdCountry,
      minority,
      homeless,
    } = p;
    const entry = {
      cohortId: c,
      participantType,
      institutionName,
      education,
      citizenship,
      country,
      teryt,
      city,
      postalCode,
      degurba,
      phone,
      email,
      labourStatus,
      labourStatusDetail,
      disability,
      foreignOrigin,
      thirdCountry,
      minority,
      homeless,
    };
    const saved = await call<Participant>(coordinator, 'PUT', `${base()}/${p.id}`, {
      participant: { ...entry, joinedOn: '2019-02-01', education: 'isced_2' },
      version: p.version,
    });
    expect(saved).toMatchObject({
      joinedOn: '2019-02-01',
      education: 'isced_2',
      ageAtEntry: 15,
      version: p.version + 1,
    });
    const stale = await call<Problem>(
      coordinator,
      'PUT',
      `${base()}/${p.id}`,
      { participant: { ...entry, joinedOn: '2019-02-01' }, version: p.version },
      409,
    );
    expect(stale.code).toBe('conflict');
    p = saved;
  });

  it('records the exit and then the follow-up, which falls due six months later', async () => {
    const early = await call<Problem>(
      coordinator,
      'POST',
      `${base()}/${p.id}/follow-up`,
      { followUpOn: '2020-06-01', followUpResult: ['pracuje'], version: p.version },
      400,
    );
    expect(errorsOf(early).followUpOn?.code).toBe('participant.followUpNotLeft');
    const exit = {
      status: 'zakonczony',
      leftOn: '2019-12-20',
      exitSituation: ['podjela_prace'],
      completedPath: true,
      exitResults: ['pracuje', 'postep_spoleczny'],
      version: p.version,
    };
    const before = await call<Problem>(
      coordinator,
      'POST',
      `${base()}/${p.id}/exit`,
      { ...exit, leftOn: '2019-01-31' },
      400,
    );
    expect(errorsOf(before).leftOn?.message).toBe(
      'Data zakończenia udziału nie może być wcześniejsza niż data rozpoczęcia (01.02.2019).',
    );
    const left = await call<Participant>(coordinator, 'POST', `${base()}/${p.id}/exit`, exit);
    expect(left).toMatchObject({
      status: 'zakonczony',
      leftOn: '2019-12-20',
      completedPath: true,
      exitResults: ['pracuje', 'postep_spoleczny'],
      followUpDueOn: '2020-06-20',
      followUp: 'zalegly',
    });
    const due = await call<ParticipantFollowUpList>(coordinator, 'GET', `${base()}/follow-ups`);
    expect(due.items.map((i) => [i.technicalId, i.followUp])).toEqual([[p.technicalId, 'zalegly']]);
    const list = await call<ParticipantList>(coordinator, 'GET', `${base()}?followUp=do_zrobienia`);
    expect([list.followUpsDue, list.items.map((i) => i.id)]).toEqual([1, [p.id]]);

    const followed = await call<Participant>(coordinator, 'POST', `${base()}/${p.id}/follow-up`, {
      followUpOn: '2020-06-22',
      followUpResult: ['pracuje'],
      version: left.version,
    });
    expect(followed).toMatchObject({ followUpOn: '2020-06-22', followUpResult: ['pracuje'], followUp: null });
    expect((await call<ParticipantFollowUpList>(coordinator, 'GET', `${base()}/follow-ups`)).items).toEqual(
      [],
    );
    const [audit] = await q<{ changes: Record<string, unknown> }>(
      sql`select changes from audit_log where record_id = ${p.id} and action = 'record.update' order by id desc limit 1`,
    );
    expect(audit?.changes).toEqual({
      followUpOn: { before: null, after: '2020-06-22' },
      followUpResult: { before: [], after: ['pracuje'] },
    });
  });
});

describe('who sees the participants', () => {
  it('lists with filters and counts for the team, and logs the read', async () => {
    const all = await call<ParticipantList>(coordinator, 'GET', base());
    expect(all.counts).toEqual({
      total: 3,
      byStatus: { aktywny: 2, zakonczony: 1, przerwany: 0 },
      bySex: { K: 2, M: 1 },
    });
    expect(all.cohorts).toEqual([{ id: cohortId, name: 'Osoby z niepełnosprawnościami (2019)' }]);
    const found = await call<ParticipantList>(
      coordinator,
      'GET',
      `${base()}?q=${encodeURIComponent('lacka ewa')}`,
    );
    expect(found.items.map((i) => i.lastName)).toEqual(['Łącka']);
    const active = await call<ParticipantList>(coordinator, 'GET', `${base()}?status=aktywny`);
    expect([active.total, active.counts.total]).toEqual([2, 3]);
    const [read] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read' and record_type = 'participant_list'
          and record_id = ${projectId} and user_id = ${coordinator.me.user.id}`,
    );
    expect(read?.n).toBeGreaterThanOrEqual(3);
  });

  it('shows other readers of the project only the counts: the persons are 404, logged', async () => {
    const one = (await call<ParticipantList>(coordinator, 'GET', base()))
      .items[0] as ParticipantList['items'][number];
    for (const s of [partner, analyst]) {
      const summary = await call<ParticipantAggregate>(s, 'GET', `${base()}/summary`);
      expect(summary).toMatchObject({
        counts: { total: 3 },
        abilities: { readPersons: false, manage: false },
      });
      await call<Problem>(s, 'GET', base(), undefined, 404);
      await call<Problem>(s, 'GET', `${base()}/${one.id}`, undefined, 404);
      await call<Problem>(s, 'GET', `${base()}/${one.id}/contract.pdf`, undefined, 404);
      const [denied] = await q<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'access.denied' and user_id = ${s.me.user.id}
            and record_id = ${projectId}`,
      );
      expect(denied?.n).toBe(3);
    }
    // On the team as a member: reads (the card read is logged), cannot change (403).
    await q(
      sql`insert into project_team (project_id, user_id, role) values (${projectId}, ${partner.me.user.id}, 'czlonek')`,
    );
    const card = await call<Participant>(partner, 'GET', `${base()}/${one.id}`);
    expect(card.abilities.manage).toBe(false);
    const [logged] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read' and record_type = 'participant'
          and record_id = ${one.id} and user_id = ${partner.me.user.id}`,
    );
    expect(logged?.n).toBe(1);
    await call<Problem>(
      partner,
      'POST',
      `${base()}/${one.id}/exit`,
      {
        status: 'przerwany',
        leftOn: '2019-05-01',
        exitSituation: ['inne'],
        completedPath: false,
        version: card.version,
      },
      403,
    );
  });

  it('prints the participation contract in Polish, and logs the download', async () => {
    const list = await call<ParticipantList>(coordinator, 'GET', `${base()}?q=${ANNA_PESEL}`);
    const anna = list.items[0] as ParticipantList['items'][number];
    const res = await coordinator.inject({ method: 'GET', url: `${base()}/${anna.id}/contract.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="umowa-uczestnictwa-WSS-2019-0001.pdf"',
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('UMOWA UCZESTNICTWA W PROJEKCIE');
    expect(text).toContain('Wykorzystaj swoją szansę (test)');
    expect(text).toContain('Panią Anna Nowak');
    expect(text).toContain(`PESEL ${ANNA_PESEL}`);
    expect(text).toContain('w partnerstwie z');
    expect(text).toContain('01.03.2019');
    const [download] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_id = ${anna.id}`,
    );
    expect(download?.n).toBe(1);
  });
});
