/**
 * The demo recruitment and participants: the three yearly cohorts of "Wykorzystaj swoją szansę"
 * (seed 002) with their participants, the sheltered flat within its 4 places, trainings with
 * attendance lists, Kooperacje 3D families, and an open call of the running demonstration project.
 */
import { ageOn, followUpDueOn } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { todayWarsaw } from '../cases/plans.queries.js';
import { seedDemoParticipants } from './demo.js';

let t: TestApp;
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const ANDRYCHOW = 'RPMP.09.01.02-12-0142/17';

beforeAll(async () => {
  t = await createTestApp();
  const [present] = await q<{ n: number }>(sql`select count(*)::int as n from recruitment_calls`);
  if (!present?.n) await t.database.db.transaction((tx) => seedDemoParticipants(tx));
});

describe('demo: "Wykorzystaj swoją szansę" (OPS Andrychów)', () => {
  it('recruited three yearly cohorts of 20 participants, with reserve and rejected applications', async () => {
    const rows = await q<{ cohort: string; year: number; status: string; n: number }>(
      sql`select c.name as cohort, c.year, a.status, count(*)::int as n
          from applications a join recruitment_cohorts c on c.id = a.cohort_id
          join recruitment_calls rc on rc.id = a.call_id join projects p on p.id = rc.project_id
          where p.number = ${ANDRYCHOW} group by c.name, c.year, a.status order by c.year, a.status`,
    );
    const of = (year: number, status: string) =>
      rows.find((r) => r.year === year && r.status === status)?.n ?? 0;
    for (const year of [2019, 2020, 2021]) {
      expect(of(year, 'przyjete')).toBe(20);
      expect(of(year, 'rezerwa')).toBe(1);
      expect(of(year, 'odrzucone')).toBe(1);
    }
    expect(rows.find((r) => r.year === 2019)?.cohort).toBe('2019 — osoby z niepełnosprawnościami');

    // Every enrolled application met the cohort's rules; the rejected ones did not.
    const checks = await q<{ status: string; eligible: boolean }>(
      sql`select a.status, (a.eligibility->>'eligible')::boolean as eligible from applications a
          join recruitment_calls rc on rc.id = a.call_id where rc.code = 'AND-2019'`,
    );
    expect(checks.filter((c) => c.status === 'przyjete').every((c) => c.eligible)).toBe(true);
    expect(checks.filter((c) => c.status === 'odrzucone').every((c) => !c.eligible)).toBe(true);
  });

  it('has 60 participants of the OPS registry with ages at entry from their birth dates and complete exits', async () => {
    const rows = await q<{
      birthDate: string;
      joinedOn: string;
      age: number;
      leftOn: string | null;
      due: string | null;
      pesel: string;
      institution: string;
      disability: string;
    }>(
      sql`select pe.birth_date as "birthDate", pa.joined_on as "joinedOn", pa.age_at_entry as age,
            pa.left_on as "leftOn", pa.follow_up_due_on as due, pe.pesel, i.short_name as institution,
            pa.disability
          from participants pa join persons pe on pe.id = pa.person_id
          join institutions i on i.id = pe.institution_id join projects p on p.id = pa.project_id
          where p.number = ${ANDRYCHOW}`,
    );
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.pesel)).size).toBe(60);
    for (const r of rows) {
      expect(r.institution).toBe('OPS Andrychów');
      expect(r.age).toBe(ageOn(r.birthDate, r.joinedOn));
      expect(r.leftOn).not.toBeNull();
      expect(r.due).toBe(followUpDueOn(r.leftOn as string));
    }
    // The 2019 cohort: persons with disabilities.
    const [cohort2019] = await q<{ n: number }>(
      sql`select count(*)::int as n from participants pa join recruitment_cohorts c on c.id = pa.cohort_id
          where c.year = 2019 and pa.disability = 'tak'`,
    );
    expect(cohort2019?.n).toBe(20);

    // The figures the project's manual indicators report (indicators/demo.ts): 36 women and 24 men,
    // social progress of 25 persons.
    const [figures] = await q<{ women: number; men: number; progress: number }>(
      sql`select count(*) filter (where pa.sex = 'K')::int as women, count(*) filter (where pa.sex = 'M')::int as men,
            count(*) filter (where pa.exit_results ? 'postep_spoleczny')::int as progress
          from participants pa join projects p on p.id = pa.project_id where p.number = ${ANDRYCHOW}`,
    );
    expect(figures).toEqual({ women: 36, men: 24, progress: 25 });
  });

  it('never puts more residents in the sheltered flat than its 4 places', async () => {
    const [flat] = await q<{ id: string; capacity: number }>(
      sql`select id, capacity from support_activities where name = 'Mieszkanie chronione w Andrychowie'`,
    );
    expect(flat?.capacity).toBe(4);
    const [peak] = await q<{ peak: number; stays: number }>(
      sql`select max(n)::int as peak, (select count(*)::int from support_episodes where activity_id = ${flat?.id}) as stays
          from (select d, count(*) as n from support_episodes e,
                  generate_series(e.starts_on, e.ends_on, interval '1 day') d
                where e.activity_id = ${flat?.id} group by d) x`,
    );
    expect(peak?.peak).toBe(4);
    expect(peak?.stays).toBe(8);
  });

  it('keeps an attendance list for every session of its trainings', async () => {
    const rows = await q<{ name: string; sessions: number; marks: number; enrolled: number }>(
      sql`select a.name, count(distinct s.id)::int as sessions, count(sa.*)::int as marks,
            (select count(*)::int from support_episodes e where e.activity_id = a.id) as enrolled
          from support_activities a join projects p on p.id = a.project_id
          join support_sessions s on s.activity_id = a.id
          left join session_attendance sa on sa.session_id = s.id
          where p.number = ${ANDRYCHOW} and a.kind = 'grupowe' group by a.id, a.name`,
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.marks).toBe(r.sessions * r.enrolled);
  });
});

describe('demo: the other projects', () => {
  it('Kooperacje 3D has two families as participants in the registry of its leader', async () => {
    const rows = await q<{ lastName: string; leader: boolean }>(
      sql`select pe.last_name as "lastName", pe.institution_id = p.leader_institution_id as leader
          from participants pa join persons pe on pe.id = pa.person_id join projects p on p.id = pa.project_id
          where p.number = 'POWR.02.05.00-00-0202/18'`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.leader)).toBe(true);
  });

  it('the demonstration project has a call open today with applications waiting and a workshop ahead', async () => {
    const today = todayWarsaw();
    const [call] = await q<{ code: string; open: boolean; waiting: number; coming: number }>(
      sql`select rc.code, (rc.status = 'otwarty' and rc.opens_at <= now() and rc.closes_at > now()) as open,
            (select count(*)::int from applications a where a.call_id = rc.id and a.status = 'zlozone') as waiting,
            (select count(*)::int from support_sessions s join support_activities sa on sa.id = s.activity_id
              where sa.project_id = rc.project_id and s.date > ${today}::date) as coming
          from recruitment_calls rc join projects p on p.id = rc.project_id
          where p.short_title = 'Aktywni w Andrychowie'`,
    );
    expect(call?.code).toBe(`AKT-${today.slice(0, 4)}`);
    expect(call?.open).toBe(true);
    expect(call?.waiting).toBe(2);
    expect(call?.coming).toBeGreaterThan(0);
  });
});
