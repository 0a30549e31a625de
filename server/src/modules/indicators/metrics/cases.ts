import { ageGroupOf, ageOn, type Breakdown } from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../../db/database.js';
import { registerMetric } from './registry.js';
import { type CountWindow, projectInstitutions, projectPeriod, warsawDay, windowLabels } from './scope.js';

/**
 * Metrics of the worker dimension (case teams, ZZK): cases of the project's institutions with a
 * multi-sector team, their share among the open cases, and the distinct persons in them.
 *
 * A team member counts while it is active: accepted (`aktywny`, or `zakonczony` afterwards), from
 * its `starts_on` to its `ends_on` or the day it was ended (`ended_at`), whichever comes first. An
 * invitation not (yet) accepted does not count. "Multi-sector" means a member from another
 * institution than the case's; with `otherSector` the member's institution must also be of another
 * sector (police, school, health care…) than the case's institution.
 */

const memberActiveBetween = (from: string, to: string): SQL =>
  sql`m.status in ('aktywny', 'zakonczony') and m.starts_on <= ${to}::date
      and (m.ends_on is null or m.ends_on >= ${from}::date)
      and (m.ended_at is null or ${warsawDay(sql`m.ended_at`)} >= ${from}::date)`;

const otherInstitution = (otherSector: boolean): SQL =>
  otherSector
    ? sql`m.institution_id <> c.institution_id
          and (select sector from institutions where id = m.institution_id)
              <> (select sector from institutions where id = c.institution_id)`
    : sql`m.institution_id <> c.institution_id`;

/** Cases of the project's institutions open at some point of [from, to]. */
const projectCases = (projectId: string, from: string, to: string): SQL =>
  sql`c.institution_id in ${projectInstitutions(projectId)} and c.opened_on <= ${to}::date
      and (c.closed_on is null or c.closed_on >= ${from}::date)`;

const labels = {
  window: {
    pl: 'Okres liczenia',
    en: 'Counting window',
    options: windowLabels,
  },
  otherSector: {
    pl: 'Tylko członek zespołu z innego sektora (np. policja, szkoła, ochrona zdrowia)',
    en: 'Only a team member from another sector (e.g. police, school, health care)',
  },
};

async function countCases(projectId: string, db: Parameters<typeof queryRows>[0], w: Window, other: boolean) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases c
        where ${projectCases(projectId, w.from, w.to)}
          and exists (select 1 from case_team_members m
                      where m.case_id = c.id and ${otherInstitution(other)} and ${memberActiveBetween(w.from, w.to)})`,
  );
  return row?.n ?? 0;
}

interface Window {
  from: string;
  to: string;
}

/** The days a window covers; null when it is empty (a day before the project began). */
async function windowOf(
  db: Parameters<typeof queryRows>[0],
  projectId: string,
  asOf: string,
  window: CountWindow,
): Promise<Window | null> {
  if (window === 'na_dzien') return { from: asOf, to: asOf };
  const { startsOn } = await projectPeriod(db, projectId);
  return startsOn <= asOf ? { from: startsOn, to: asOf } : null;
}

registerMetric({
  key: 'cases.multi_sector_team',
  label: { pl: 'Sprawy z zespołem międzysektorowym', en: 'Cases with a multi-sector team' },
  description: {
    pl: 'Sprawy instytucji projektu, w których zespole (ZZK) był aktywny członek z innej instytucji — na dzień pomiaru albo kiedykolwiek od początku projektu.',
    en: 'Cases of the project’s institutions whose team (ZZK) had an active member from another institution — on the measurement day or at any time since the project began.',
  },
  unit: 'liczba',
  counting: 'zdarzenia',
  params: z.object({
    window: z.enum(['na_dzien', 'narastajaco']).default('na_dzien'),
    otherSector: z.boolean().default(false),
  }),
  paramLabels: labels,
  async compute(db, { projectId, asOf, params }) {
    const w = await windowOf(db, projectId, asOf, params.window);
    return { value: w ? await countCases(projectId, db, w, params.otherSector) : 0 };
  },
});

registerMetric({
  key: 'cases.multi_sector_team_share',
  label: {
    pl: 'Odsetek spraw z zespołem międzysektorowym',
    en: 'Share of cases with a multi-sector team',
  },
  description: {
    pl: 'Licznik: otwarte na dzień pomiaru sprawy instytucji projektu z aktywnym członkiem zespołu z innej instytucji; mianownik: wszystkie ich sprawy otwarte tego dnia.',
    en: 'Numerator: cases of the project’s institutions open on the day with an active team member from another institution; denominator: all their cases open that day.',
  },
  unit: 'procent',
  counting: 'zdarzenia',
  params: z.object({ otherSector: z.boolean().default(false) }),
  paramLabels: { otherSector: labels.otherSector },
  async compute(db, { projectId, asOf, params }) {
    const w = { from: asOf, to: asOf };
    const [open] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases c where ${projectCases(projectId, asOf, asOf)}`,
    );
    return { numerator: await countCases(projectId, db, w, params.otherSector), denominator: open?.n ?? 0 };
  },
});

registerMetric({
  key: 'cases.persons_in_multi_sector_cases',
  label: {
    pl: 'Osoby objęte wsparciem zespołu międzysektorowego',
    en: 'Persons supported by a multi-sector team',
  },
  description: {
    pl: 'Osoby unikalne (osoba w dwóch sprawach liczona raz; ten sam PESEL w dwóch instytucjach też raz) w sprawach z aktywnym członkiem zespołu z innej instytucji: osoba sprawy albo członkowie rodziny. Podział według płci i wieku w chwili objęcia wsparciem.',
    en: 'Distinct persons (a person in two cases counts once; the same PESEL at two institutions once too) in cases with an active team member from another institution: the case’s person or the household’s members. Broken down by gender and by age on entry to the support.',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec', 'wiek'],
  params: z.object({
    window: z.enum(['na_dzien', 'narastajaco']).default('narastajaco'),
    otherSector: z.boolean().default(false),
  }),
  paramLabels: labels,
  async compute(db, { projectId, asOf, params }) {
    const w = await windowOf(db, projectId, asOf, params.window);
    if (!w) return { value: 0, breakdown: {} };
    const { startsOn } = await projectPeriod(db, projectId);
    // One row per distinct person: the PESEL when known, else the (surviving) person record.
    const persons = await queryRows<{ sex: string; birthDate: string; entry: string }>(
      db,
      sql`with q as (
            select coalesce(p.pesel, coalesce(p.merged_into, p.id)::text) as k, p.sex, p.birth_date,
                   greatest(m.starts_on, ${startsOn}::date, coalesce(hm.from_date, c.opened_on)) as entry
            from cases c
            join case_team_members m on m.case_id = c.id and ${otherInstitution(params.otherSector)}
                                     and ${memberActiveBetween(w.from, w.to)}
            left join household_members hm on hm.household_id = c.household_id and hm.from_date <= ${w.to}::date
                                           and (hm.to_date is null or hm.to_date >= ${w.from}::date)
            join persons p on p.id = coalesce(c.person_id, hm.person_id)
            where ${projectCases(projectId, w.from, w.to)}
          )
          select min(sex) as sex, min(birth_date)::text as "birthDate", min(entry)::text as entry
          from q group by k`,
    );
    const plec: Record<string, number> = {};
    const wiek: Record<string, number> = {};
    for (const p of persons) {
      const g = p.sex === 'K' ? 'k' : p.sex === 'M' ? 'm' : 'n';
      plec[g] = (plec[g] ?? 0) + 1;
      const a = ageGroupOf(ageOn(p.birthDate, p.entry));
      wiek[a] = (wiek[a] ?? 0) + 1;
    }
    const breakdown: Breakdown = persons.length ? { plec, wiek } : {};
    return { value: persons.length, breakdown };
  },
});
