import type { CaseMeeting, CaseMeetingList } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, login, type TestSession } from '../../../test/auth.js';
import { insertCase, institutionIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

/**
 * Case-team meetings, told as a story: Paulina Pomocna (MOPS Bochnia) leads the Wiśniewski case with
 * a team of the police (KPP Bochnia, Piotr Posterunkowy named, plan shared) and the school (SP 1
 * Bochnia, Beata Szkolna named, basic data only). She holds a meeting with the police; the school is
 * not invited and sees nothing of it; when the police's membership ends, so does their view.
 */
let t: TestApp;
let paulina: TestSession;
let piotr: TestSession;
let beata: TestSession;
let marek: TestSession;
let agata: TestSession;
let mops: string;
let kpp: string;
let sp1: string;

const warsawDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(d);
const today = () => warsawDay(new Date());
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

beforeAll(async () => {
  t = await createTestApp();
  paulina = await login(t.app, 'pracownik.bochnia');
  piotr = await login(t.app, 'policja.bochnia');
  beata = await login(t.app, 'pedagog.bochnia');
  marek = await login(t.app, 'pracownik2.bochnia');
  agata = await login(t.app, 'pracownik.andrychow');
  mops = await institutionIdOf(t.database.db, 'MOPS Bochnia');
  kpp = await institutionIdOf(t.database.db, 'KPP Bochnia');
  sp1 = await institutionIdOf(t.database.db, 'SP 1 Bochnia');
});

/** A case of Paulina with the police (plan shared) and the school (basic data) in its team. */
async function teamCase() {
  const c = await insertCase(t.database.db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    lastName: 'Wiśniewska',
  });
  const member = async (inst: string, user: string, scopes: string[]) => {
    const [row] = await q<{ id: string }>(
      sql`insert into case_team_members (case_id, institution_id, user_id, role, status, basis, legal_basis, scopes,
            starts_on, invited_by)
          values (${c.caseId}, ${inst}, ${user}, 'czlonek', 'aktywny', 'przepis', 'ups_art_110_8',
                  ${sql.param(scopes)}::text[], current_date - 7, ${paulina.me.user.id})
          returning id`,
    );
    return row?.id as string;
  };
  const police = await member(kpp, piotr.me.user.id, ['podstawowe', 'plan']);
  const school = await member(sp1, beata.me.user.id, ['podstawowe']);
  return { ...c, police, school };
}

const meetingsUrl = (caseId: string, rest = '') => `/api/cases/${caseId}/meetings${rest}`;
const sharedUrl = (caseId: string, rest = '') => `/api/shared-cases/${caseId}/meetings${rest}`;

async function plan(caseId: string, payload: Record<string, unknown>) {
  const res = await paulina.inject({
    method: 'POST',
    url: meetingsUrl(caseId),
    payload: {
      title: 'Spotkanie zespołu: bezpieczeństwo dzieci',
      startsAt: inDays(3),
      place: 'MOPS Bochnia, sala 2',
      agenda: '1. Sytuacja w domu\n2. Podział zadań',
      attendees: [
        { institutionId: mops, userId: paulina.me.user.id },
        { institutionId: kpp },
        { name: 'Anna Wiśniewska' },
      ],
      ...payload,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseMeeting;
}

describe('a case-team meeting with the police', () => {
  it('invites the police, shows it to them and not to the school, and ends with the membership', async () => {
    const c = await teamCase();
    await t.database.db.execute(
      sql`update cases set blue_card_since = current_date - 3 where id = ${c.caseId}`,
    );

    // The owner side is offered the case's workers, the active team and the family.
    const empty = await paulina.inject({ method: 'GET', url: meetingsUrl(c.caseId) });
    expect(empty.statusCode, empty.body).toBe(200);
    const list = empty.json() as CaseMeetingList;
    expect(list.items).toEqual([]);
    expect(list.canManage).toBe(true);
    expect(list.candidates?.workers.map((w) => w.id)).toContain(paulina.me.user.id);
    expect(list.candidates?.team.map((m) => [m.institution.id, m.user?.id])).toEqual(
      expect.arrayContaining([
        [kpp, piotr.me.user.id],
        [sp1, beata.me.user.id],
      ]),
    );
    expect(list.candidates?.family).toEqual(['Anna Wiśniewska']);

    const m = await plan(c.caseId, {});
    // The police are invited through their named member worker, filled in by the server.
    expect(m.attendees.map((a) => [a.kind, a.institution?.id ?? null, a.user?.id ?? null, a.name])).toEqual([
      ['wlasny', mops, paulina.me.user.id, expect.stringContaining('Paulina')],
      ['zespol', kpp, piotr.me.user.id, expect.stringContaining('Piotr')],
      ['osoba', null, null, 'Anna Wiśniewska'],
    ]);
    expect(m.institutions.map((i) => i.id)).toEqual([kpp]);
    expect(m.abilities.manage).toBe(true);

    // The invitation reaches Piotr (not Paulina, who planned it): the case number and the date, no title.
    const [note] = await q<{ link: string; params: Record<string, string> }>(
      sql`select link, params from notifications where user_id = ${piotr.me.user.id} and kind = 'meeting.invited'`,
    );
    expect(note?.link).toBe(`/wspolpraca/${c.caseId}`);
    expect(note?.params).toEqual({ case: c.number, due: warsawDay(new Date(m.startsAt)) });
    const mails = await q<{ body: string }>(
      sql`select body from email_outbox where to_address = ${demo('policja.bochnia')}`,
    );
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.body).not.toMatch(/Wiśniew|bezpieczeństwo/);
    const [self] = await q<{ n: number }>(
      sql`select count(*)::int as n from notifications where user_id = ${paulina.me.user.id} and kind = 'meeting.invited'`,
    );
    expect(self?.n).toBe(0);
    // The owner's timeline tells the meeting was planned.
    const [entry] = await q<{ title: string; body: string }>(
      sql`select title, body from timeline_entries where case_id = ${c.caseId} and kind = 'wspolpraca'`,
    );
    expect(entry?.title).toBe('Zaplanowano spotkanie zespołu: Spotkanie zespołu: bezpieczeństwo dzieci');
    expect(entry?.body).toContain('Komenda Powiatowa Policji w Bochni');

    // The police see their meeting, with the agenda; nothing of the Niebieska Karta flag.
    const theirs = await piotr.inject({ method: 'GET', url: sharedUrl(c.caseId) });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.json()).toMatchObject({ canManage: false, candidates: null });
    expect(theirs.json().items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    const one = await piotr.inject({ method: 'GET', url: sharedUrl(c.caseId, `/${m.id}`) });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ agenda: m.agenda, restricted: false, abilities: { manage: false } });
    expect(one.body).not.toMatch(/blue|niebiesk/i);
    const [read] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read' and record_type = 'case.meeting'
            and record_id = ${m.id} and user_id = ${piotr.me.user.id}`,
    );
    expect(read?.n).toBe(1);

    // The school is in the team but was not invited: no meeting in its list, and 404 for this one.
    const school = await beata.inject({ method: 'GET', url: sharedUrl(c.caseId) });
    expect(school.statusCode, school.body).toBe(200);
    expect(school.json().items).toEqual([]);
    expect((await beata.inject({ method: 'GET', url: sharedUrl(c.caseId, `/${m.id}`) })).statusCode).toBe(
      404,
    );

    // Nobody else of either side sees the meetings.
    for (const s of [marek, agata, piotr])
      expect((await s.inject({ method: 'GET', url: meetingsUrl(c.caseId) })).statusCode).toBe(404);
    expect((await agata.inject({ method: 'GET', url: sharedUrl(c.caseId) })).statusCode).toBe(404);

    // The membership ends: the police's next request is a 404, logged.
    const [member] = await q<{ version: number }>(
      sql`select version from case_team_members where id = ${c.police}`,
    );
    const end = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/team/${c.police}/end`,
      payload: { reason: 'Zakończenie współpracy', version: member?.version },
    });
    expect(end.statusCode, end.body).toBe(204);
    expect((await piotr.inject({ method: 'GET', url: sharedUrl(c.caseId) })).statusCode).toBe(404);
    expect((await piotr.inject({ method: 'GET', url: sharedUrl(c.caseId, `/${m.id}`) })).statusCode).toBe(
      404,
    );
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${c.caseId}
            and user_id = ${piotr.me.user.id}`,
    );
    expect(denied?.n).toBeGreaterThanOrEqual(2);

    // The owner still edits the meeting: the police stay on it although their membership ended.
    const kept = await paulina.inject({
      method: 'PUT',
      url: meetingsUrl(c.caseId, `/${m.id}`),
      payload: {
        meeting: {
          title: m.title,
          startsAt: m.startsAt,
          place: m.place,
          agenda: m.agenda,
          status: 'odwolane',
          attendees: m.attendees.map((a) => ({
            institutionId: a.institution?.id ?? null,
            userId: a.user?.id ?? null,
            name: a.name,
          })),
        },
        version: m.version,
      },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((kept.json() as CaseMeeting).attendees.map((a) => a.institution?.id ?? null)).toEqual([
      mops,
      kpp,
      null,
    ]);
  });
});

describe('minutes, decisions and action items', () => {
  it('shows minutes to a partner with the plan scope only, and lets a partner mark its own items done', async () => {
    const c = await teamCase();
    const m = await plan(c.caseId, {
      title: 'Spotkanie zespołu',
      startsAt: inDays(-1),
      status: 'odbyte',
      minutes: 'Dzielnicowy odwiedził rodzinę; szkoła zgłasza nieobecności.',
      decisions: 'Wizyta dzielnicowego co dwa tygodnie.',
      attendees: [
        { institutionId: mops, userId: paulina.me.user.id, present: true },
        { institutionId: kpp, present: true },
        { institutionId: sp1, present: false },
      ],
    });
    expect(m.attendees.map((a) => a.present)).toEqual([true, true, false]);

    const addItem = (payload: Record<string, unknown>) =>
      paulina.inject({
        method: 'POST',
        url: meetingsUrl(c.caseId, `/${m.id}/action-items`),
        payload: { dueOn: today(), ...payload },
      });
    expect((await addItem({ description: 'Wizyta u rodziny', ownerInstitutionId: kpp })).statusCode).toBe(
      201,
    );
    expect(
      (
        await addItem({
          description: 'Sprawdzić frekwencję',
          ownerInstitutionId: sp1,
          ownerUserId: beata.me.user.id,
        })
      ).statusCode,
    ).toBe(201);
    const last = await addItem({
      description: 'Zwołać kolejne spotkanie',
      ownerInstitutionId: mops,
      ownerUserId: paulina.me.user.id,
    });
    expect(last.statusCode, last.body).toBe(201);
    const items = (last.json() as CaseMeeting).actionItems;
    expect(items).toHaveLength(3);
    const item = (inst: string) => items.find((i) => i.ownerInstitution.id === inst)?.id as string;

    // The police (plan shared) see the minutes, decisions and every item; they complete only theirs.
    const police = (await piotr.inject({ method: 'GET', url: sharedUrl(c.caseId, `/${m.id}`) })).json();
    expect(police).toMatchObject({ minutes: m.minutes, decisions: m.decisions, restricted: false });
    expect(
      police.actionItems.map((i: CaseMeeting['actionItems'][number]) => [
        i.ownerInstitution.id,
        i.abilities.complete,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [kpp, true],
        [sp1, false],
        [mops, false],
      ]),
    );

    // The school (basic data only): the agenda and its own item, no minutes, decisions nor other items.
    const schoolRes = await beata.inject({ method: 'GET', url: sharedUrl(c.caseId, `/${m.id}`) });
    const school = schoolRes.json() as CaseMeeting;
    expect(school).toMatchObject({ minutes: null, decisions: null, restricted: true });
    expect(school.actionItems.map((i) => i.ownerInstitution.id)).toEqual([sp1]);
    expect(schoolRes.body).not.toContain('Dzielnicowy odwiedził');
    const schoolList = (await beata.inject({ method: 'GET', url: sharedUrl(c.caseId) })).json();
    expect(schoolList.items[0].openActionItems).toBe(1);

    const done = (s: TestSession, itemId: string, value = true) =>
      s.inject({
        method: 'POST',
        url: sharedUrl(c.caseId, `/${m.id}/action-items/${itemId}/done`),
        payload: { done: value },
      });
    const ok = await done(piotr, item(kpp));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ doneOn: today(), overdue: false });
    const notOurs = await done(piotr, item(sp1));
    expect(notOurs.statusCode).toBe(403);
    expect(notOurs.json().code).toBe('forbidden');
    // The school does not even see the police's item.
    expect((await done(beata, item(kpp))).statusCode).toBe(404);

    // The owner side sees it done, and the timeline tells who did it.
    const owner = (
      await paulina.inject({ method: 'GET', url: meetingsUrl(c.caseId, `/${m.id}`) })
    ).json() as CaseMeeting;
    expect(owner.actionItems.find((i) => i.id === item(kpp))?.doneOn).toBe(today());
    const [entry] = await q<{ title: string }>(
      sql`select title from timeline_entries where case_id = ${c.caseId} and title like 'Zadanie ze spotkania%'`,
    );
    expect(entry?.title).toBe(
      'Zadanie ze spotkania zespołu wykonane przez: Komenda Powiatowa Policji w Bochni',
    );
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.update'
            and record_type = 'case.meeting_action_item' and record_id = ${item(kpp)} and user_id = ${piotr.me.user.id}`,
    );
    expect(audit?.n).toBe(1);

    // Reopened by the owner side.
    const reopen = await paulina.inject({
      method: 'POST',
      url: meetingsUrl(c.caseId, `/${m.id}/action-items/${item(kpp)}/done`),
      payload: { done: false },
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect(reopen.json().doneOn).toBeNull();
  });
});

describe('concurrent edits and validation', () => {
  it('answers a stale version with 409 and keeps the newer change', async () => {
    const c = await teamCase();
    const m = await plan(c.caseId, {});
    const body = (version: number, title: string) => ({
      meeting: { title, startsAt: m.startsAt, place: m.place, attendees: [] },
      version,
    });
    const first = await paulina.inject({
      method: 'PUT',
      url: meetingsUrl(c.caseId, `/${m.id}`),
      payload: body(m.version, 'Nowy tytuł'),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(m.version + 1);
    const stale = await paulina.inject({
      method: 'PUT',
      url: meetingsUrl(c.caseId, `/${m.id}`),
      payload: body(m.version, 'Starsza wersja'),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const now = (await paulina.inject({ method: 'GET', url: meetingsUrl(c.caseId, `/${m.id}`) })).json();
    expect(now.title).toBe('Nowy tytuł');
  });

  it('explains each wrong field, in Polish and in English', async () => {
    const c = await teamCase();
    const post = (payload: Record<string, unknown>, lang = 'pl') =>
      paulina.inject({
        method: 'POST',
        url: meetingsUrl(c.caseId),
        headers: { 'accept-language': lang },
        payload: { title: 'Spotkanie', startsAt: inDays(2), place: 'MOPS', ...payload },
      });
    const fieldsOf = (res: { json(): { errors: Array<{ field: string; code: string }> } }) =>
      res.json().errors.map((e) => [e.field, e.code]);

    const shape = await post({ title: ' ', place: null, attendees: [{ userId: paulina.me.user.id }, {}] });
    expect(shape.statusCode).toBe(400);
    const messages = Object.fromEntries(
      shape.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(messages).toEqual({
      title: expect.any(String),
      place: 'Podaj miejsce spotkania albo link do spotkania online.',
      'attendees.0.institutionId': 'Wybierz instytucję, z której jest ten pracownik.',
      'attendees.1.name': 'Podaj imię i nazwisko zapraszanej osoby.',
    });

    const pup = await institutionIdOf(t.database.db, 'PUP Bochnia');
    const notInTeam = await post({ attendees: [{ institutionId: pup }] });
    expect(notInTeam.statusCode).toBe(400);
    expect(fieldsOf(notInTeam)).toEqual([['attendees.0.institutionId', 'caseMeeting.notInTeam']]);
    expect(notInTeam.json().errors[0].message).toBe(
      'Ta instytucja nie jest teraz aktywnym członkiem zespołu tej sprawy.',
    );
    const otherWorker = await post({
      attendees: [{ institutionId: mops, userId: marek.me.user.id }],
    });
    expect(fieldsOf(otherWorker)).toEqual([['attendees.0.userId', 'caseMeeting.notCaseWorker']]);
    const wrongMember = await post({ attendees: [{ institutionId: kpp, userId: beata.me.user.id }] }, 'en');
    expect(fieldsOf(wrongMember)).toEqual([['attendees.0.userId', 'caseMeeting.notTeamWorker']]);
    expect(wrongMember.json().errors[0].message).toBe(
      'From a team institution, invite the worker it named to the team.',
    );
    const twice = await post({ attendees: [{ institutionId: kpp }, { institutionId: kpp }] });
    expect(fieldsOf(twice)).toEqual([['attendees.1.institutionId', 'caseMeeting.attendeeTwice']]);
    const notHeld = await post({ status: 'odbyte' });
    expect(fieldsOf(notHeld)).toEqual([['status', 'meeting.notYetHeld']]);
    const noPlace = await post({ place: '', onlineUrl: 'ftp://x' });
    expect(noPlace.json().errors.map((e: { field: string }) => e.field)).toEqual(['onlineUrl']);

    // A change reports its fields inside `meeting`.
    const m = await plan(c.caseId, {});
    const put = await paulina.inject({
      method: 'PUT',
      url: meetingsUrl(c.caseId, `/${m.id}`),
      payload: {
        meeting: { title: 'x', startsAt: inDays(1), place: 'x', status: 'odbyte' },
        version: m.version,
      },
    });
    expect(fieldsOf(put)).toEqual([['meeting.status', 'meeting.notYetHeld']]);

    // Action items go to the case's institution or a team institution, and to their people.
    const item = (payload: Record<string, unknown>) =>
      paulina.inject({
        method: 'POST',
        url: meetingsUrl(c.caseId, `/${m.id}/action-items`),
        payload: { description: 'Zadanie', ...payload },
      });
    expect(fieldsOf(await item({ ownerInstitutionId: pup }))).toEqual([
      ['ownerInstitutionId', 'caseMeeting.ownerNotInTeam'],
    ]);
    expect(fieldsOf(await item({ ownerInstitutionId: kpp, ownerUserId: beata.me.user.id }))).toEqual([
      ['ownerUserId', 'caseMeeting.ownerUserUnknown'],
    ]);
    expect(fieldsOf(await item({ ownerInstitutionId: mops, ownerUserId: marek.me.user.id }))).toEqual([
      ['ownerUserId', 'caseMeeting.ownerUserUnknown'],
    ]);
    expect(fieldsOf(await item({ description: '', ownerInstitutionId: mops })).map(([f]) => f)).toEqual([
      'description',
    ]);
  });

  it('keeps a closed case read-only', async () => {
    const c = await teamCase();
    const m = await plan(c.caseId, {});
    await t.database.db.execute(sql`update cases set status = 'zamknieta' where id = ${c.caseId}`);
    const list = (await paulina.inject({ method: 'GET', url: meetingsUrl(c.caseId) })).json();
    expect(list).toMatchObject({ canManage: false, candidates: null });
    const put = await paulina.inject({
      method: 'PUT',
      url: meetingsUrl(c.caseId, `/${m.id}`),
      payload: { meeting: { title: 'x', startsAt: m.startsAt, place: 'x' }, version: m.version },
    });
    expect(put.statusCode).toBe(409);
  });
});
