import { type Case, type CaseList, decodePesel, type Person } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { todayWarsaw } from './plans.queries.js';

// The demo families (demo.data.ts) are in the test template: these are the promises the demo makes
// to people trying the product and to the stories of the other tests.

let t: TestApp;
let paulina: TestSession;
let supervisor: TestSession;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const userId = async (local: string) =>
  (await rows<{ id: string }>(sql`select id from users where email = ${demo(local)}`))[0]?.id as string;

beforeAll(async () => {
  t = await createTestApp();
  [paulina, supervisor] = await Promise.all([
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'kierownik.bochnia'),
  ]);
});

describe('demo families', () => {
  it('30 families (households or single persons) with at least 30 cases, about 22 in Bochnia and 8 in Andrychów', async () => {
    const [all] = await rows<{ families: number; cases: number }>(
      sql`select count(distinct coalesce(household_id, person_id))::int as families, count(*)::int as cases from cases`,
    );
    expect(all?.families).toBe(30);
    expect(all?.cases).toBeGreaterThanOrEqual(30);
    const per = await rows<{ short_name: string; families: number }>(
      sql`select i.short_name, count(distinct coalesce(c.household_id, c.person_id))::int as families
          from cases c join institutions i on i.id = c.institution_id group by i.short_name`,
    );
    expect(Object.fromEntries(per.map((r) => [r.short_name, r.families]))).toEqual({
      'MOPS Bochnia': 22,
      'OPS Andrychów': 8,
    });
  });

  it('every PESEL is valid and agrees with the birth date and sex; persons without one have another identifier', async () => {
    const people = await rows<{
      pesel: string | null;
      birth_date: string;
      sex: string;
      other_id_type: string | null;
    }>(sql`select pesel, birth_date::text, sex, other_id_type from persons`);
    expect(people.length).toBeGreaterThan(60);
    for (const p of people) {
      if (!p.pesel) {
        expect(p.other_id_type).not.toBeNull();
        continue;
      }
      expect(decodePesel(p.pesel), p.pesel).toEqual({ birthDate: p.birth_date, sex: p.sex });
    }
    expect(people.filter((p) => !p.pesel).length).toBeGreaterThan(0);
  });

  it('addresses lie in Bochnia (town and rural gmina) and in Andrychów', async () => {
    // The clients of the demo cases (participants of the demo projects live around their projects).
    const units = await rows<{ teryt: string; name: string }>(
      sql`select distinct p.teryt, u.name from persons p join territorial_units u on u.teryt = p.teryt
          where not exists (select 1 from participants pa where pa.person_id = p.id) order by 1`,
    );
    expect(units).toEqual([
      { teryt: '1201011', name: 'Bochnia' },
      { teryt: '1201022', name: 'Bochnia' },
      { teryt: '1218013', name: 'Andrychów' },
    ]);
  });

  it('every household has exactly one head and a case', async () => {
    const heads = await rows<{ heads: number; cases: number }>(
      sql`select (select count(*)::int from household_members m where m.household_id = h.id and m.relation = 'glowa') as heads,
                 (select count(*)::int from cases c where c.household_id = h.id) as cases
          from households h`,
    );
    expect(heads.length).toBeGreaterThanOrEqual(20);
    for (const h of heads) {
      expect(h.heads).toBe(1);
      expect(h.cases).toBeGreaterThan(0);
    }
  });

  it('special-category data is recorded for several persons', async () => {
    const [s] = await rows<{ n: number; disability: number }>(
      sql`select count(*)::int as n, count(disability_level)::int as disability from person_sensitive`,
    );
    expect(s?.n).toBeGreaterThanOrEqual(5);
    expect(s?.disability).toBeGreaterThanOrEqual(3);
  });
});

describe('demo cases', () => {
  it('each case has exactly one main reason, and the reasons cover art. 7', async () => {
    const mains = await rows<{ mains: number }>(
      sql`select (select count(*)::int from case_reasons r where r.case_id = c.id and r.main) as mains from cases c`,
    );
    for (const m of mains) expect(m.mains).toBe(1);
    const codes = await rows<{ code: string }>(sql`select distinct code from case_reasons order by code`);
    expect(codes.map((c) => c.code).sort()).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '7a', '8', '9', '11', '12', '13', '14', '15'].sort(),
    );
  });

  it('cases are in every status; closed ones carry a closure reason and an outcome, open ones none', async () => {
    const cs = await rows<{
      status: string;
      closure_reason: string | null;
      outcome_summary: string | null;
      closed_on: string | null;
    }>(sql`select status, closure_reason, outcome_summary, closed_on from cases`);
    expect(new Set(cs.map((c) => c.status))).toEqual(
      new Set(['zgloszenie', 'diagnoza', 'plan', 'realizacja', 'monitorowanie', 'zamknieta']),
    );
    for (const c of cs) {
      const closed = c.status === 'zamknieta';
      expect(!!c.closure_reason, JSON.stringify(c)).toBe(closed);
      expect(!!c.outcome_summary).toBe(closed);
      expect(!!c.closed_on).toBe(closed);
    }
  });

  it('Marek leads cases of his own that Paulina does not work on, and she co-works one of his', async () => {
    const marek = await userId('pracownik2.bochnia');
    const paulinaId = await userId('pracownik.bochnia');
    const [r] = await rows<{ marek: number; hidden: number; shared: number }>(
      sql`select count(*)::int as marek,
                 count(*) filter (where not exists (select 1 from case_workers w where w.case_id = c.id and w.user_id = ${paulinaId}))::int as hidden,
                 count(*) filter (where exists (select 1 from case_workers w where w.case_id = c.id and w.user_id = ${paulinaId}))::int as shared
          from cases c where c.lead_worker_id = ${marek}`,
    );
    expect(r?.marek).toBeGreaterThanOrEqual(5);
    expect(r?.hidden).toBeGreaterThanOrEqual(4);
    expect(r?.shared).toBeGreaterThanOrEqual(1);
    // Paulina leads most cases of MOPS Bochnia
    const [p] = await rows<{ n: number }>(
      sql`select count(*)::int as n from cases where lead_worker_id = ${paulinaId}`,
    );
    expect(p?.n).toBeGreaterThan(r?.marek ?? 0);
  });

  it('diagnoses are versioned from 1 without gaps, some cases have two versions', async () => {
    const ds = await rows<{ case_id: string; versions: number[] }>(
      sql`select case_id, array_agg(version_no order by version_no) as versions from diagnoses group by case_id`,
    );
    expect(ds.length).toBeGreaterThanOrEqual(20);
    for (const d of ds) expect(d.versions).toEqual(d.versions.map((_, i) => i + 1));
    expect(ds.filter((d) => d.versions.length === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('at least 5 full plans (2–4 goals); kontrakty socjalne have a variant (A and B) and the active ones are signed', async () => {
    const ps = await rows<{
      type: string;
      variant: string | null;
      status: string;
      worker_signed_on: string | null;
      client_signed_on: string | null;
      goals: number;
      version: number;
      versions: number[];
    }>(
      sql`select p.type, p.variant, p.status, p.worker_signed_on, p.client_signed_on, p.version,
                 (select count(*)::int from plan_goals g where g.plan_id = p.id) as goals,
                 (select array_agg(v.version order by v.version) from plan_versions v where v.plan_id = p.id) as versions
          from plans p`,
    );
    expect(ps.filter((p) => p.goals >= 2 && p.goals <= 4).length).toBeGreaterThanOrEqual(5);
    const contracts = ps.filter((p) => p.type === 'kontrakt_socjalny');
    for (const k of contracts) expect(k.variant).toMatch(/^[AB]$/);
    expect(new Set(contracts.map((k) => k.variant))).toEqual(new Set(['A', 'B']));
    expect(ps.some((p) => p.type === 'ipw' || p.type === 'plan_pracy_z_rodzina')).toBe(true);
    for (const p of ps) {
      if (p.status === 'aktywny') {
        expect(p.worker_signed_on).not.toBeNull();
        expect(p.client_signed_on).not.toBeNull();
      }
      expect(p.versions).toEqual(Array.from({ length: p.version }, (_, i) => i + 1));
    }
  });

  it('plan actions involve partner institutions and client commitments, with deadlines around today', async () => {
    const today = todayWarsaw();
    const acts = await rows<{ party: string; type: string | null; deadline: string; status: string }>(
      sql`select a.party, i.type, a.deadline::text, a.status
          from plan_actions a left join institutions i on i.id = a.responsible_institution_id`,
    );
    expect(acts.some((a) => a.party === 'klient')).toBe(true);
    const types = new Set(acts.map((a) => a.type));
    for (const type of ['pup', 'poradnia_pp', 'szkola', 'ngo', 'podmiot_leczniczy'])
      expect(types).toContain(type);
    const open = acts.filter((a) => a.status === 'zaplanowane' || a.status === 'w_toku');
    const inWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(open.filter((a) => a.deadline < today).length).toBeGreaterThanOrEqual(3);
    expect(open.filter((a) => a.deadline >= today && a.deadline <= inWeek).length).toBeGreaterThanOrEqual(3);
  });

  it('the timeline has user and system entries, none in the future, some sensitive', async () => {
    const [tl] = await rows<{
      future: number;
      sensitive: number;
      status: number;
      visits: number;
      cases: number;
    }>(
      sql`select count(*) filter (where occurred_at > now())::int as future,
                 count(*) filter (where sensitive)::int as sensitive,
                 count(*) filter (where kind = 'status')::int as status,
                 count(*) filter (where kind = 'wizyta')::int as visits,
                 count(distinct case_id)::int as cases
          from timeline_entries`,
    );
    expect(tl?.future).toBe(0);
    expect(tl?.sensitive).toBeGreaterThanOrEqual(2);
    expect(tl?.status).toBeGreaterThanOrEqual(20);
    expect(tl?.visits).toBeGreaterThanOrEqual(10);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from cases`);
    expect(tl?.cases).toBe(n?.n);
  });

  it('case numbers follow the yearly counters', async () => {
    const cs = await rows<{ number: string; opened_on: string; last: number }>(
      sql`select c.number, c.opened_on::text, k.last from cases c
          join case_counters k on k.institution_id = c.institution_id and k.year = extract(year from c.opened_on)::int`,
    );
    for (const c of cs) {
      expect(c.number.startsWith(`SPR/${c.opened_on.slice(0, 4)}/`)).toBe(true);
      expect(Number(c.number.slice(-4))).toBeLessThanOrEqual(c.last);
    }
  });
});

describe('demo data through the API', () => {
  it('Paulina sees her cases and the one she co-works, not Marek’s own', async () => {
    const res = await paulina.inject({ method: 'GET', url: '/api/cases?scope=mine&limit=100' });
    expect(res.statusCode).toBe(200);
    const mine = res.json() as CaseList;
    const marek = await userId('pracownik2.bochnia');
    const marekOwn = await rows<{ id: string }>(
      sql`select c.id from cases c where c.lead_worker_id = ${marek}
            and not exists (select 1 from case_workers w join users u on u.id = w.user_id
                            where w.case_id = c.id and u.email = ${demo('pracownik.bochnia')})`,
    );
    const ids = new Set(mine.items.map((c) => c.id));
    for (const c of marekOwn) expect(ids.has(c.id)).toBe(false);
    expect(mine.items.some((c) => c.leadWorker.id === marek)).toBe(true);
    const hidden = await paulina.inject({ method: 'GET', url: `/api/cases/${marekOwn[0]?.id}` });
    expect(hidden.statusCode).toBe(404);
  });

  it('every demo case of MOPS Bochnia opens for the supervisor with its plans, timeline and persons', async () => {
    const list = await supervisor.inject({ method: 'GET', url: '/api/cases?scope=institution&limit=100' });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as CaseList).items;
    expect(items.length).toBe(23);
    for (const item of items) {
      const c = await supervisor.inject({ method: 'GET', url: `/api/cases/${item.id}` });
      expect(c.statusCode, c.body).toBe(200);
      const body = c.json() as Case;
      const plans = await supervisor.inject({ method: 'GET', url: `/api/cases/${item.id}/plans` });
      expect(plans.statusCode, plans.body).toBe(200);
      for (const p of (plans.json() as { items: { id: string }[] }).items) {
        const versions = await supervisor.inject({
          method: 'GET',
          url: `/api/cases/${item.id}/plans/${p.id}/versions`,
        });
        expect(versions.statusCode, versions.body).toBe(200);
      }
      const timeline = await supervisor.inject({ method: 'GET', url: `/api/cases/${item.id}/timeline` });
      expect(timeline.statusCode, timeline.body).toBe(200);
      expect((timeline.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
      const diagnosis = await supervisor.inject({ method: 'GET', url: `/api/cases/${item.id}/diagnosis` });
      expect(diagnosis.statusCode, diagnosis.body).toBe(200);
      for (const p of body.subject.persons) {
        const person = await supervisor.inject({ method: 'GET', url: `/api/persons/${p.id}` });
        expect(person.statusCode, person.body).toBe(200);
        expect((person.json() as Person).id).toBe(p.id);
      }
    }
  });

  it('person search finds demo people ignoring diacritics', async () => {
    const res = await paulina.inject({ method: 'GET', url: '/api/persons?q=wisniewska' });
    expect(res.statusCode).toBe(200);
    const found = (res.json() as { items: { lastName: string }[] }).items.map((p) => p.lastName);
    // Once in many CI runs on the embedded engine this came back empty; say what the data was then.
    const seen = found.includes('Wiśniewska')
      ? []
      : await rows<{ name_search: string; folded: string; like: boolean }>(
          sql`select name_search, search_text('wisniewska') as folded,
                name_search like '%' || search_text('wisniewska') || '%' as "like"
              from persons where last_name = 'Wiśniewska'`,
        );
    expect(
      found,
      `search for "wisniewska" found ${JSON.stringify(found)}; rows: ${JSON.stringify(seen)}`,
    ).toContain('Wiśniewska');
  });
});
