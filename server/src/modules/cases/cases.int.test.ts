/**
 * Stories of the client dimension: who sees a case (lead worker, co-worker, supervisor, another
 * worker of the same institution, a worker of another institution), the status flow, the versioned
 * diagnosis, person search and duplicates, household membership, merge, and stale saves (409).
 */
import type {
  Case,
  CaseList,
  Diagnosis,
  DiagnosisHistory,
  Household,
  Person,
  PersonList,
  Problem,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

let t: TestApp;
let lead: TestSession; // pracownik.bochnia
let colleague: TestSession; // pracownik2.bochnia (same MOPS, not on the case until added)
let supervisor: TestSession; // kierownik.bochnia
let stranger: TestSession; // pracownik.andrychow (another OPS)
let police: TestSession; // policja.bochnia (partner institution)
const users = new Map<string, string>();

const BOCHNIA = '1201011';

/** A valid PESEL for a birth date (YYMMDD with the century in the month) and a serial. */
function pesel(yymmdd: string, serial: string): string {
  const d = `${yymmdd}${serial}`.split('').map(Number);
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = w.reduce((s, wi, i) => s + wi * (d[i] ?? 0), 0);
  return `${yymmdd}${serial}${(10 - (sum % 10)) % 10}`;
}

async function post<T>(s: TestSession, url: string, payload: object, status = 200): Promise<T> {
  const res = await s.inject({ method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
async function get<T>(s: TestSession, url: string, status = 200): Promise<T> {
  const res = await s.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function registerPerson(s: TestSession, fields: Record<string, unknown>, confirm = false) {
  return post<Person>(
    s,
    '/api/persons',
    { person: { teryt: BOCHNIA, ...fields }, confirmNotDuplicate: confirm },
    201,
  );
}

async function openCase(s: TestSession, body: Record<string, unknown>) {
  return post<Case>(
    s,
    '/api/cases',
    { source: 'wniosek_wlasny', reasons: [{ code: '4', main: true }, { code: '1' }], ...body },
    201,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  [lead, colleague, supervisor, stranger, police] = await Promise.all([
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
    login(t.app, 'pracownik.andrychow'),
    login(t.app, 'policja.bochnia'),
  ]);
  for (const r of await queryRows<{ email: string; id: string }>(
    t.database.db,
    sql`select email, id from users`,
  ))
    users.set(r.email.split('@')[0] as string, r.id);
});

describe('need-to-know: who sees a case', () => {
  let person: Person;
  let kase: Case;

  beforeAll(async () => {
    person = await registerPerson(lead, {
      firstName: 'Łukasz',
      lastName: 'Żółć',
      pesel: pesel('850314', '1235'),
    });
    kase = await openCase(lead, { personId: person.id, summary: 'Utrata pracy, zaległości czynszowe.' });
  });

  it('the lead worker opens the case and sees the person, with birth date and sex taken from the PESEL', async () => {
    expect(kase.status).toBe('zgloszenie');
    expect(kase.number).toMatch(/^SPR\/\d{4}\/\d{4}$/);
    expect(kase.leadWorker.id).toBe(users.get('pracownik.bochnia'));
    expect(kase.diagnosisDue).not.toBeNull();
    expect(person.birthDate).toBe('1985-03-14');
    expect(person.sex).toBe('M');
    const mine = await get<CaseList>(lead, '/api/cases?scope=mine');
    expect(mine.items.map((c) => c.id)).toContain(kase.id);
  });

  it('another worker of the same institution gets 404 for the case and the person, and finds nothing', async () => {
    await get(colleague, `/api/cases/${kase.id}`, 404);
    await get(colleague, `/api/persons/${person.id}`, 404);
    const found = await get<PersonList>(colleague, `/api/persons?q=${person.pesel}`);
    expect(found.total).toBe(0);
    const cases = await get<CaseList>(colleague, '/api/cases?scope=institution');
    expect(cases.items.map((c) => c.id)).not.toContain(kase.id);
    const [denied] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${kase.id}
            and user_id = ${users.get('pracownik2.bochnia')}`,
    );
    expect(denied?.n).toBeGreaterThan(0);
  });

  it('workers of other institutions get 404 for the case and the person', async () => {
    for (const s of [stranger, police]) {
      await get(s, `/api/cases/${kase.id}`, 404);
      await get(s, `/api/persons/${person.id}`, 404);
    }
  });

  it('the supervisor sees every case of the institution', async () => {
    const c = await get<Case>(supervisor, `/api/cases/${kase.id}`);
    expect(c.abilities.assignWorkers).toBe(true);
    const list = await get<CaseList>(supervisor, '/api/cases?scope=institution&limit=100');
    expect(list.items.map((x) => x.id)).toContain(kase.id);
  });

  it('a co-worker added by the lead sees the case at once, and loses it when removed', async () => {
    const withColleague = await (
      await lead.inject({
        method: 'PUT',
        url: `/api/cases/${kase.id}/workers`,
        payload: {
          leadWorkerId: kase.leadWorker.id,
          coWorkerIds: [users.get('pracownik2.bochnia')],
          version: kase.version,
        },
      })
    ).json();
    expect((withColleague as Case).coWorkers.map((w) => w.name)).toEqual(['Marek Terenowy']);
    await get<Case>(colleague, `/api/cases/${kase.id}`);
    await get<Person>(colleague, `/api/persons/${person.id}`);
    const res = await lead.inject({
      method: 'PUT',
      url: `/api/cases/${kase.id}/workers`,
      payload: {
        leadWorkerId: kase.leadWorker.id,
        coWorkerIds: [],
        version: (withColleague as Case).version,
      },
    });
    expect(res.statusCode).toBe(200);
    await get(colleague, `/api/cases/${kase.id}`, 404);
  });

  it('a worker cannot hand the case to someone else; a supervisor can', async () => {
    const c = await get<Case>(lead, `/api/cases/${kase.id}`);
    const refused = await lead.inject({
      method: 'PUT',
      url: `/api/cases/${kase.id}/workers`,
      payload: { leadWorkerId: users.get('pracownik2.bochnia'), coWorkerIds: [], version: c.version },
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problem).errors?.[0]?.field).toBe('leadWorkerId');
    // A worker of another institution cannot become the lead.
    const foreign = await supervisor.inject({
      method: 'PUT',
      url: `/api/cases/${kase.id}/workers`,
      payload: { leadWorkerId: users.get('pracownik.andrychow'), coWorkerIds: [], version: c.version },
    });
    expect(foreign.statusCode).toBe(400);
    expect((foreign.json() as Problem).errors?.[0]?.message).toMatch(/instytucji prowadzącej/);
  });

  it('every read of the case and the person is in the audit log', async () => {
    await get(lead, `/api/persons/${person.id}`);
    const rows = await queryRows<{ record_type: string }>(
      t.database.db,
      sql`select distinct record_type from audit_log where action = 'record.read' and user_id = ${users.get('pracownik.bochnia')}`,
    );
    expect(rows.map((r) => r.record_type)).toEqual(expect.arrayContaining(['case', 'person']));
  });
});

describe('person search and duplicates', () => {
  let zofia: Person;
  beforeAll(async () => {
    zofia = await registerPerson(lead, {
      firstName: 'Zofia',
      lastName: 'Wąsowicz-Źrebiec',
      pesel: pesel('920611', '0567'),
    });
    await openCase(lead, { personId: zofia.id });
  });

  it('finds by name ignoring case and Polish diacritics, with typos, and by PESEL', async () => {
    for (const q of [
      'zofia wasowicz',
      'WĄSOWICZ',
      'zrebiec zofia',
      'Wasowich Zofia',
      zofia.pesel as string,
    ]) {
      const r = await get<PersonList>(lead, `/api/persons?q=${encodeURIComponent(q)}`);
      expect(
        r.items.map((p) => p.id),
        q,
      ).toContain(zofia.id);
    }
    const first = (await get<PersonList>(lead, '/api/persons?q=lukasz%20zolc')).items[0];
    expect(first?.lastName).toBe('Żółć');
  });

  it('filters by birth date and gmina', async () => {
    const r = await get<PersonList>(lead, `/api/persons?birthDate=1992-06-11&teryt=1201`);
    expect(r.items.map((p) => p.id)).toContain(zofia.id);
    const none = await get<PersonList>(lead, `/api/persons?birthDate=1992-06-12`);
    expect(none.items.map((p) => p.id)).not.toContain(zofia.id);
  });

  it('a PESEL that exists is refused and the existing record offered', async () => {
    const check = await post<{ candidates: { person: { id: string } | null; reason: string }[] }>(
      lead,
      '/api/persons/check-duplicates',
      { firstName: 'Zofia', lastName: 'Inna', pesel: zofia.pesel, teryt: BOCHNIA },
    );
    expect(check.candidates[0]).toMatchObject({ reason: 'pesel', person: { id: zofia.id } });
    const res = await lead.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { person: { firstName: 'Zofia', lastName: 'Inna', pesel: zofia.pesel } },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.[0]).toMatchObject({
      field: 'person.pesel',
      code: 'person.peselExists',
    });
  });

  it('outside scope, a duplicate PESEL says so without showing anything identifying', async () => {
    const check = await post<{ candidates: { person: unknown; reason: string }[] }>(
      colleague,
      '/api/persons/check-duplicates',
      { firstName: 'X', lastName: 'Y', pesel: zofia.pesel },
    );
    expect(check.candidates).toEqual([{ person: null, reason: 'pesel', similarity: expect.any(Number) }]);
    expect(JSON.stringify(check)).not.toContain('Wąsowicz');
  });

  it('a very similar name with the same birth date warns until confirmed', async () => {
    const body = {
      firstName: 'Zofia',
      lastName: 'Wasowicz-Zrebiec',
      birthDate: '1992-06-11',
      sex: 'K',
      otherIdType: 'brak',
    };
    const warned = await lead.inject({ method: 'POST', url: '/api/persons', payload: { person: body } });
    expect(warned.statusCode).toBe(400);
    expect((warned.json() as Problem).errors?.[0]).toMatchObject({
      field: 'confirmNotDuplicate',
      code: 'person.possibleDuplicate',
    });
    const created = await registerPerson(lead, body, true);
    expect(created.pesel).toBeNull();
  });

  it('a wrong PESEL and a birth date that contradicts it are field errors in Polish', async () => {
    const res = await lead.inject({
      method: 'POST',
      url: '/api/persons',
      payload: {
        person: { firstName: 'Jan', lastName: 'Nowak', pesel: '85031412340', birthDate: '1985-03-14' },
      },
    });
    expect(res.statusCode).toBe(400);
    const errors = (res.json() as Problem).errors ?? [];
    expect(errors[0]).toMatchObject({ field: 'person.pesel', message: expect.stringMatching(/PESEL/) });
    const mismatch = await lead.inject({
      method: 'POST',
      url: '/api/persons',
      payload: {
        person: {
          firstName: 'Jan',
          lastName: 'Nowak',
          pesel: pesel('850314', '1111'),
          birthDate: '1985-03-15',
        },
      },
    });
    expect((mismatch.json() as Problem).errors?.[0]).toMatchObject({
      field: 'person.birthDate',
      message: 'Data urodzenia nie zgadza się z numerem PESEL.',
    });
  });

  it('a stale save of a person answers 409 and keeps the newer data', async () => {
    const { id, version } = zofia;
    const payload = (phone: string, v: number) => ({
      person: { firstName: 'Zofia', lastName: 'Wąsowicz-Źrebiec', pesel: zofia.pesel, teryt: BOCHNIA, phone },
      version: v,
    });
    const first = await lead.inject({
      method: 'PUT',
      url: `/api/persons/${id}`,
      payload: payload('600100200', version),
    });
    expect(first.statusCode).toBe(200);
    const stale = await supervisor.inject({
      method: 'PUT',
      url: `/api/persons/${id}`,
      payload: payload('700700700', version),
    });
    expect(stale.statusCode).toBe(409);
    expect((await get<Person>(lead, `/api/persons/${id}`)).phone).toBe('600100200');
  });
});

describe('households and merge', () => {
  it('a family of four: one household at a time, history kept', async () => {
    const anna = await registerPerson(lead, {
      firstName: 'Anna',
      lastName: 'Kowalska',
      pesel: pesel('880101', '2345'),
    });
    const [piotr, kuba, ola] = [
      await registerPerson(lead, {
        firstName: 'Piotr',
        lastName: 'Kowalski',
        pesel: pesel('860505', '3456'),
      }),
      await registerPerson(lead, {
        firstName: 'Jakub',
        lastName: 'Kowalski',
        pesel: pesel('150210', '4578'),
      }),
      await registerPerson(lead, {
        firstName: 'Aleksandra',
        lastName: 'Kowalska',
        pesel: pesel('180720', '5682'),
      }),
    ] as [Person, Person, Person];
    const family = await post<Household>(
      lead,
      '/api/households',
      {
        household: { name: 'Rodzina Kowalskich', teryt: BOCHNIA, city: 'Bochnia' },
        members: [
          { personId: anna.id, relation: 'glowa' },
          { personId: piotr.id, relation: 'malzonek' },
          { personId: kuba.id, relation: 'dziecko' },
          { personId: ola.id, relation: 'dziecko' },
        ],
      },
      201,
    );
    expect(family.members.filter((m) => !m.toDate)).toHaveLength(4);
    // Piotr cannot be in a second household at the same time.
    const other = await lead.inject({
      method: 'POST',
      url: '/api/households',
      payload: {
        household: { name: 'Gospodarstwo Piotra' },
        members: [{ personId: piotr.id, relation: 'glowa' }],
      },
    });
    expect(other.statusCode).toBe(400);
    expect((other.json() as Problem).errors?.[0]?.code).toBe('household.personInAnother');
    const piotrMember = family.members.find((m) => m.person.id === piotr.id);
    const ended = await post<Household>(lead, `/api/households/${family.id}/members/${piotrMember?.id}/end`, {
      version: family.version,
    });
    expect(ended.members.find((m) => m.person.id === piotr.id)?.toDate).not.toBeNull();
    await post<Household>(
      lead,
      '/api/households',
      { household: { name: 'Gospodarstwo Piotra' }, members: [{ personId: piotr.id, relation: 'glowa' }] },
      201,
    );
    const kase = await openCase(lead, { householdId: family.id });
    expect(kase.subject.kind).toBe('household');
    expect(kase.subject.persons.map((p) => p.firstName)).toEqual(['Anna', 'Jakub', 'Aleksandra']);
    expect((await get<Person>(lead, `/api/persons/${piotr.id}`)).households).toHaveLength(2);
  });

  it('a supervisor merges two records of one person; the links move and the duplicate is gone', async () => {
    const a = await registerPerson(lead, {
      firstName: 'Henryk',
      lastName: 'Bezdomny',
      birthDate: '1961-02-03',
      sex: 'M',
      otherIdType: 'brak',
    });
    const b = await registerPerson(
      colleague,
      { firstName: 'Henryk', lastName: 'Bezdomny', pesel: pesel('610203', '7891') },
      true,
    );
    const caseB = await openCase(colleague, { personId: b.id, reasons: [{ code: '3', main: true }] });
    const forbidden = await lead.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: { keepId: a.id, mergeId: b.id, keepVersion: a.version, mergeVersion: b.version },
    });
    expect(forbidden.statusCode).toBe(403);
    const kept = await post<Person>(supervisor, '/api/persons/merge', {
      keepId: a.id,
      mergeId: b.id,
      keepVersion: a.version,
      mergeVersion: b.version,
    });
    expect(kept.pesel).toBe(b.pesel);
    expect(kept.cases.map((c) => c.id)).toContain(caseB.id);
    await get(supervisor, `/api/persons/${b.id}`, 404);
    const search = await get<PersonList>(supervisor, '/api/persons?q=henryk%20bezdomny');
    expect(search.items.map((p) => p.id)).toEqual([a.id]);
    const [entry] = await queryRows<{ details: { merge: { moved: { cases: number } } } }>(
      t.database.db,
      sql`select details from audit_log where record_id = ${a.id} and details ? 'merge'`,
    );
    expect(entry?.details.merge.moved.cases).toBe(1);
  });
});

describe('status flow and diagnosis', () => {
  it('moves zgłoszenie → diagnoza → plan only with a diagnosis, refuses skips, closes with a reason and reopens', async () => {
    const p = await registerPerson(lead, {
      firstName: 'Grażyna',
      lastName: 'Przepływ',
      pesel: pesel('700909', '1240'),
    });
    let c = await openCase(lead, { personId: p.id });
    const move = async (to: string, extra: Record<string, unknown> = {}, s = lead) =>
      s.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/transition`,
        payload: { to, version: c.version, ...extra },
      });

    const skip = await move('realizacja');
    expect(skip.statusCode).toBe(400);
    expect((skip.json() as Problem).errors?.[0]).toMatchObject({
      field: 'to',
      code: 'case.transition.notAllowed',
    });
    expect(c.transitions.find((x) => x.to === 'realizacja')?.allowed).toBe(false);

    c = (await move('diagnoza')).json() as Case;
    expect(c.status).toBe('diagnoza');
    const noDiagnosis = await move('plan');
    expect((noDiagnosis.json() as Problem).errors?.[0]?.code).toBe('case.transition.needsDiagnosis');

    const areas = { causes: 'Utrata pracy w 2025 r.', strengths: 'Motywacja do zmiany' };
    const d1 = await post<Diagnosis>(
      lead,
      `/api/cases/${c.id}/diagnosis`,
      { areas, interview: {}, basedOn: 0 },
      201,
    );
    expect(d1.versionNo).toBe(1);
    // Two workers update from version 1: the second one is told someone saved first.
    await post(
      lead,
      `/api/cases/${c.id}/diagnosis`,
      { areas: { ...areas, needs: 'Praca' }, interview: {}, basedOn: 1 },
      201,
    );
    const stale = await lead.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/diagnosis`,
      payload: { areas, interview: { housing: 'Mieszkanie komunalne' }, basedOn: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const history = await get<DiagnosisHistory>(lead, `/api/cases/${c.id}/diagnosis`);
    expect(history.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect((await get<Diagnosis>(lead, `/api/cases/${c.id}/diagnosis/1`)).areas.needs ?? null).toBeNull();

    c = await get<Case>(lead, `/api/cases/${c.id}`);
    c = (await move('plan')).json() as Case;
    expect(c.status).toBe('plan');
    const noPlan = await move('realizacja');
    expect((noPlan.json() as Problem).errors?.[0]?.code).toBe('case.transition.needsPlan');

    const incomplete = await move('zamknieta', { closureReason: 'rezygnacja' });
    expect(incomplete.statusCode).toBe(400);
    expect((incomplete.json() as Problem).errors?.map((e) => e.field)).toEqual(['outcomeSummary']);
    c = (
      await move('zamknieta', { closureReason: 'rezygnacja', outcomeSummary: 'Rodzina wyprowadziła się.' })
    ).json() as Case;
    expect(c).toMatchObject({ status: 'zamknieta', closureReason: 'rezygnacja' });
    expect(c.closedOn).not.toBeNull();
    // A closed case is read-only and reopened by a supervisor only.
    const edit = await lead.inject({
      method: 'PUT',
      url: `/api/cases/${c.id}`,
      payload: { source: 'policja', reasons: [{ code: '4', main: true }], version: c.version },
    });
    expect(edit.statusCode).toBe(409);
    expect((await move('diagnoza')).statusCode).toBe(400);
    c = (await move('diagnoza', { reason: 'Ponowny wniosek' }, supervisor)).json() as Case;
    expect(c.status).toBe('diagnoza');
    expect(c.closedOn).toBeNull();
    const statusEntries = await queryRows<{ title: string }>(
      t.database.db,
      sql`select title from timeline_entries where case_id = ${c.id} and kind = 'status' order by occurred_at, created_at`,
    );
    expect(statusEntries.map((e) => e.title).join('\n')).toMatch(/Zamknięto sprawę[\s\S]*Wznowiono sprawę/);
  });

  it('a stale case edit answers 409', async () => {
    const p = await registerPerson(lead, {
      firstName: 'Stefan',
      lastName: 'Konfliktowy',
      pesel: pesel('550505', '5555'),
    });
    const c = await openCase(lead, { personId: p.id });
    const body = (source: string) => ({ source, reasons: [{ code: '1', main: true }], version: c.version });
    expect(
      (await lead.inject({ method: 'PUT', url: `/api/cases/${c.id}`, payload: body('policja') })).statusCode,
    ).toBe(200);
    const stale = await supervisor.inject({ method: 'PUT', url: `/api/cases/${c.id}`, payload: body('sad') });
    expect(stale.statusCode).toBe(409);
    expect((await get<Case>(lead, `/api/cases/${c.id}`)).source).toBe('policja');
  });

  it('the case list filters by status, reason and worker', async () => {
    const list = await get<CaseList>(supervisor, `/api/cases?scope=institution&reason=3&limit=100`);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.subjectName.length > 0)).toBe(true);
    const byWorker = await get<CaseList>(
      supervisor,
      `/api/cases?scope=institution&workerId=${users.get('pracownik2.bochnia')}&limit=100`,
    );
    const marek = users.get('pracownik2.bochnia') as string;
    const worked = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from cases where lead_worker_id = ${marek} union select case_id from case_workers where user_id = ${marek}`,
    );
    const workedIds = new Set(worked.map((r) => r.id));
    expect(byWorker.items.length).toBeGreaterThan(0);
    expect(byWorker.items.every((c) => workedIds.has(c.id))).toBe(true);
    const closed = await get<CaseList>(lead, '/api/cases?status=zamknieta');
    expect(closed.items.every((c) => c.status === 'zamknieta')).toBe(true);
  });
});

describe('dictionaries', () => {
  it('list the reasons for assistance in the order of art. 7 (point 7a after 7, not after 15)', async () => {
    const dictionaries = await get<{ reasons: { key: string }[] }>(lead, '/api/dictionaries/cases');
    expect(dictionaries.reasons.map((r) => r.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '7a',
      '8',
      '9',
      '11',
      '12',
      '13',
      '14',
      '15',
    ]);
  });
});
