import {
  type Cus,
  type CusMode,
  cusExistsOn,
  type JstRegisterList,
  type Lpdi,
  type LpdiStatus,
  lpdiStatusOn,
  type RegionMap,
  type RegionMapUnit,
  type RegionMeasure,
  ratePer10k,
  suppressSmallCount,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { personsOf, staffLearners } from '../trainings/staff.js';
import { revealsSuppressed } from './suppression.js';

/**
 * Reads of the JST register and the measures of the regional map (docs/region.md). A województwo
 * has at most a few hundred units, so the register is read whole and the rules of `domain`
 * (`lpdiStatusOn`, `cusExistsOn`, `suppressSmallCount`) are applied here, never re-written in SQL.
 */

export type Level = 'gmina' | 'powiat';

/** An active gmina or powiat of the województwo with its register entry (nulls without one). */
export interface RegisterRow {
  teryt: string;
  name: string;
  nameFull: string;
  level: Level;
  kind: string;
  powiatTeryt: string | null;
  population: number | null;
  hasEntry: boolean;
  lpdiStatus: LpdiStatus | null;
  lpdiPreparationStartedOn: string | null;
  lpdiResolutionNumber: string | null;
  lpdiAdoptedOn: string | null;
  lpdiUpdatedOn: string | null;
  lpdiPeriodFrom: number | null;
  lpdiPeriodTo: number | null;
  lpdiPlannedServices: string[] | null;
  cusExists: boolean | null;
  cusMode: CusMode | null;
  cusCreatedOn: string | null;
  cusProgrammeAdoptedOn: string | null;
  cusLastDiagnosisOn: string | null;
  cusIpusOpen: number | null;
  cusIpusClosed: number | null;
  version: number;
  updatedAt: string | Date | null;
  updatedBy: string | null;
}

/** What a history row keeps of an entry, before and after a change. */
export interface Snapshot {
  lpdi: Lpdi | null;
  cus: Cus | null;
}

/** The columns of `region_jst` (alias `r`) under the names of {@link RegisterRow}. */
export const entryColumns = sql`r.lpdi_status as "lpdiStatus",
  r.lpdi_preparation_started_on::text as "lpdiPreparationStartedOn",
  r.lpdi_resolution_number as "lpdiResolutionNumber", r.lpdi_adopted_on::text as "lpdiAdoptedOn",
  r.lpdi_updated_on::text as "lpdiUpdatedOn", r.lpdi_period_from as "lpdiPeriodFrom",
  r.lpdi_period_to as "lpdiPeriodTo", r.lpdi_planned_services as "lpdiPlannedServices",
  r.cus_exists as "cusExists", r.cus_mode as "cusMode", r.cus_created_on::text as "cusCreatedOn",
  r.cus_programme_adopted_on::text as "cusProgrammeAdoptedOn",
  r.cus_last_diagnosis_on::text as "cusLastDiagnosisOn", r.cus_ipus_open as "cusIpusOpen",
  r.cus_ipus_closed as "cusIpusClosed"`;

/**
 * The active gminy and powiaty of a województwo (or one of them) with their entries, powiat by
 * powiat: each powiat, then its gminy in TERYT order.
 */
export async function loadRegister(db: DbOrTx, woj: string, teryt?: string): Promise<RegisterRow[]> {
  const one = teryt ? sql`and u.teryt = ${teryt}` : sql``;
  return queryRows<RegisterRow>(
    db,
    sql`select u.teryt, u.name, u.name_full as "nameFull", u.level, u.kind, u.powiat_teryt as "powiatTeryt",
          u.population, r.teryt is not null as "hasEntry", ${entryColumns},
          coalesce(r.version, 0) as version, r.updated_at as "updatedAt",
          nullif(trim(coalesce(us.first_name, '') || ' ' || coalesce(us.last_name, '')), '') as "updatedBy"
        from territorial_units u
        left join region_jst r on r.teryt = u.teryt
        left join users us on us.id = r.updated_by
        where u.woj_teryt = ${woj} and u.level in ('gmina', 'powiat') and u.active ${one}
        order by coalesce(u.powiat_teryt, u.teryt), u.level = 'gmina', u.teryt`,
  );
}

type EntryColumns = Pick<
  RegisterRow,
  | 'lpdiStatus'
  | 'lpdiPreparationStartedOn'
  | 'lpdiResolutionNumber'
  | 'lpdiAdoptedOn'
  | 'lpdiUpdatedOn'
  | 'lpdiPeriodFrom'
  | 'lpdiPeriodTo'
  | 'lpdiPlannedServices'
  | 'cusExists'
  | 'cusMode'
  | 'cusCreatedOn'
  | 'cusProgrammeAdoptedOn'
  | 'cusLastDiagnosisOn'
  | 'cusIpusOpen'
  | 'cusIpusClosed'
>;

export function lpdiOf(r: EntryColumns): Lpdi | null {
  if (!r.lpdiStatus) return null;
  return {
    status: r.lpdiStatus,
    preparationStartedOn: r.lpdiPreparationStartedOn,
    resolutionNumber: r.lpdiResolutionNumber,
    adoptedOn: r.lpdiAdoptedOn,
    updatedOn: r.lpdiUpdatedOn,
    periodFrom: r.lpdiPeriodFrom,
    periodTo: r.lpdiPeriodTo,
    plannedServices: r.lpdiPlannedServices ?? [],
  };
}

export function cusOf(r: EntryColumns): Cus | null {
  if (r.cusExists === null) return null;
  return {
    exists: r.cusExists,
    mode: r.cusMode,
    createdOn: r.cusCreatedOn,
    programmeAdoptedOn: r.cusProgrammeAdoptedOn,
    lastDiagnosisOn: r.cusLastDiagnosisOn,
    ipusOpen: r.cusIpusOpen,
    ipusClosed: r.cusIpusClosed,
  };
}

export const snapshotOf = (r: EntryColumns): Snapshot => ({ lpdi: lpdiOf(r), cus: cusOf(r) });

/** An entry as flat fields for the audit log's diff (`lpdi.status`, `cus.mode`, …). */
export function auditFields(s: Snapshot | null): Record<string, unknown> | null {
  if (!s) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.lpdi ?? {})) out[`lpdi.${k}`] = v;
  for (const [k, v] of Object.entries(s.cus ?? {})) out[`cus.${k}`] = v;
  return out;
}

/** A partnership active on a day (starts_on ≤ day ≤ ends_on or open-ended) in the województwo. */
export interface ActivePartnership {
  teryt: string;
  model: string;
}

export async function activePartnerships(db: DbOrTx, woj: string, day: string): Promise<ActivePartnership[]> {
  return queryRows<ActivePartnership>(
    db,
    sql`select p.teryt, p.model from partnerships p
        where substring(p.teryt from 1 for 2) = ${woj} and length(p.teryt) in (4, 7)
          and p.starts_on <= ${day}::date and (p.ends_on is null or p.ends_on >= ${day}::date)`,
  );
}

/**
 * Whether a partnership counts for a unit on the map: its territory is the unit, or — for a powiat —
 * one of the powiat's gminy. A partnership of the whole województwo counts nowhere.
 */
export function partnershipOn(unit: Pick<RegisterRow, 'teryt' | 'level'>, p: ActivePartnership): boolean {
  if (p.teryt === unit.teryt) return true;
  return unit.level === 'powiat' && p.teryt.length === 7 && p.teryt.startsWith(unit.teryt);
}

/** The partnerships of a unit as the register shows them: how many, and their models. */
export function partnershipsOf(unit: Pick<RegisterRow, 'teryt' | 'level'>, list: ActivePartnership[]) {
  const mine = list.filter((p) => partnershipOn(unit, p));
  return { active: mine.length, models: [...new Set(mine.map((p) => p.model))].sort() };
}

/** The register row as the API shows it (without abilities). */
export function toEntry(r: RegisterRow, partnerships: ActivePartnership[]): JstRegisterList['items'][number] {
  return {
    teryt: r.teryt,
    name: r.name,
    level: r.level,
    kind: r.kind,
    powiatTeryt: r.powiatTeryt,
    population: r.population,
    lpdi: lpdiOf(r),
    cus: r.level === 'gmina' ? cusOf(r) : null,
    partnerships: partnershipsOf(r, partnerships),
    version: r.version,
    updatedAt: r.updatedAt ? new Date(r.updatedAt).toISOString() : null,
    updatedBy: r.updatedBy,
  };
}

/** The Warsaw calendar day of a `timestamptz` expression. */
const warsawDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Warsaw')::date`;

/**
 * Cases open on the day, by the TERYT of their institution, with at least one case-team member of
 * ANOTHER institution active that day: accepted (`aktywny`, or `zakonczony` afterwards), between its
 * `starts_on` and its `ends_on` or the day it was ended — the rule of `cases.multi_sector_team`.
 */
export async function caseTeamCounts(db: DbOrTx, woj: string, day: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ teryt: string; n: number }>(
    db,
    sql`select i.teryt, count(distinct c.id)::int as n
        from cases c join institutions i on i.id = c.institution_id
        where substring(i.teryt from 1 for 2) = ${woj}
          and c.opened_on <= ${day}::date and (c.closed_on is null or c.closed_on >= ${day}::date)
          and exists (
            select 1 from case_team_members m
            where m.case_id = c.id and m.institution_id <> c.institution_id
              and m.status in ('aktywny', 'zakonczony') and m.starts_on <= ${day}::date
              and (m.ends_on is null or m.ends_on >= ${day}::date)
              and (m.ended_at is null or ${warsawDay(sql`m.ended_at`)} >= ${day}::date))
        group by i.teryt`,
  );
  return new Map(rows.map((r) => [r.teryt, r.n]));
}

/** Distinct persons counted per gmina, per powiat (distinct across its gminy) and in the województwo. */
export interface PersonCounts {
  gmina: Map<string, number>;
  powiat: Map<string, number>;
  total: number;
}

/**
 * Persons who were participants of any project on the day (joined, not yet left), by the gmina of
 * their address at entry. A person is counted once (the PESEL, else the surviving person record),
 * also across the gminy of a powiat and in the województwo.
 */
export async function participantCounts(db: DbOrTx, woj: string, day: string): Promise<PersonCounts> {
  const rows = await queryRows<{ gmina: string | null; powiat: string | null; g: number; n: number }>(
    db,
    sql`select g.teryt as gmina, g.powiat_teryt as powiat, grouping(g.teryt, g.powiat_teryt)::int as g,
          count(distinct coalesce(pe.pesel, coalesce(pe.merged_into, pe.id)::text))::int as n
        from participants pa
        join persons pe on pe.id = pa.person_id
        join territorial_units g on g.teryt = pa.teryt and g.level = 'gmina'
        where g.woj_teryt = ${woj} and pa.joined_on <= ${day}::date
          and (pa.left_on is null or pa.left_on >= ${day}::date)
        group by grouping sets ((g.teryt, g.powiat_teryt), (g.powiat_teryt), ())`,
  );
  const out: PersonCounts = { gmina: new Map(), powiat: new Map(), total: 0 };
  for (const r of rows) {
    if (r.g === 0 && r.gmina) out.gmina.set(r.gmina, r.n);
    else if (r.g === 2 && r.powiat) out.powiat.set(r.powiat, r.n);
    else if (r.g === 3) out.total = r.n;
  }
  return out;
}

/**
 * Staff "supported" by the training platform by the end of the day (any training, any project:
 * present at a session or started a lesson, with a confirmed registration — `trainings/staff.ts`),
 * by the TERYT of their institution: a gmina counts the staff of its institutions, a powiat those
 * of its gminy and of the powiat's own institutions (a PCPR), each person once.
 */
export async function staffTrainedCounts(db: DbOrTx, woj: string, day: string): Promise<PersonCounts> {
  const rows = await staffLearners(db, {
    count: 'supported',
    asOf: day,
    trainings: sql`true`,
    where: sql`substring(i.teryt from 1 for 2) = ${woj}`,
  });
  const add = (m: Map<string, Set<string>>, key: string, person: string) => {
    const set = m.get(key) ?? new Set<string>();
    set.add(person);
    m.set(key, set);
  };
  const gmina = new Map<string, Set<string>>();
  const powiat = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.teryt.length === 7) add(gmina, r.teryt, r.person);
    if (r.teryt.length >= 4) add(powiat, r.teryt.slice(0, 4), r.person);
  }
  const sizes = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, v.size] as const));
  return { gmina: sizes(gmina), powiat: sizes(powiat), total: personsOf(rows).size };
}

export const isAdoptedOn = (r: RegisterRow, day: string): boolean => {
  const s = lpdiStatusOn(lpdiOf(r), day);
  return s === 'przyjety' || s === 'zaktualizowany';
};
export const hasCusOn = (r: RegisterRow, day: string): boolean =>
  r.level === 'gmina' && cusExistsOn(cusOf(r), day);

/** The region totals beside the map, on the day. */
export function summaryOf(register: RegisterRow[], partnerships: ActivePartnership[], day: string) {
  const jst = register.length;
  const jstWithLpdi = register.filter((r) => isAdoptedOn(r, day)).length;
  return {
    jst,
    jstWithLpdi,
    lpdiSharePercent: jst ? Math.round((jstWithLpdi / jst) * 1000) / 10 : 0,
    gminyWithCus: register.filter((r) => hasCusOn(r, day)).length,
    // A JST with a partnership of its own territory (a powiat's gminy count for themselves).
    jstWithPartnership: register.filter((r) => partnerships.some((p) => p.teryt === r.teryt)).length,
  };
}

/**
 * A count of persons or cases as a map cell: the rate per 10,000, suppressed when the count is 1–4
 * or, for a powiat (with the counts of its gminy), when it would reveal a suppressed gmina.
 */
function rateCell(
  count: number,
  population: number | null,
  gminy?: number[],
): Pick<RegionMapUnit, 'value' | 'suppressed'> {
  const suppressed = suppressSmallCount(count) === null || (!!gminy && revealsSuppressed(count, gminy));
  return { value: suppressed ? null : ratePer10k(count, population), suppressed };
}

/** A count of persons as a map cell: suppressed like {@link rateCell}, shown as the count itself. */
function countCell(count: number, gminy?: number[]): Pick<RegionMapUnit, 'value' | 'suppressed'> {
  const suppressed = suppressSmallCount(count) === null || (!!gminy && revealsSuppressed(count, gminy));
  return { value: suppressed ? null : count, suppressed };
}

/** The map of a województwo for a measure, a level and a day. */
export async function buildMap(
  db: DbOrTx,
  woj: { teryt: string; name: string },
  q: { measure: RegionMeasure; level: Level; asOf: string },
): Promise<RegionMap> {
  const { measure, level, asOf } = q;
  const register = await loadRegister(db, woj.teryt);
  const partnerships = await activePartnerships(db, woj.teryt, asOf);
  const units = register.filter((r) => r.level === level);
  const gminy = register.filter((r) => r.level === 'gmina');
  // A powiat's gminy with their counts, for the complementary suppression (undefined for a gmina).
  const gminyOf = (r: RegisterRow, countOf: (g: RegisterRow) => number) =>
    r.level === 'powiat' ? gminy.filter((g) => g.powiatTeryt === r.teryt).map(countOf) : undefined;
  const base = (r: RegisterRow) => ({
    teryt: r.teryt,
    name: r.name,
    population: r.population,
    category: null as string | null,
    value: null as number | null,
    suppressed: false,
  });
  let cells: RegionMapUnit[];
  switch (measure) {
    case 'lpdi':
      cells = units.map((r) => ({ ...base(r), category: lpdiStatusOn(lpdiOf(r), asOf) }));
      break;
    case 'cus':
      cells = units.map((r) =>
        level === 'gmina'
          ? { ...base(r), category: hasCusOn(r, asOf) ? 'tak' : 'nie' }
          : {
              ...base(r),
              value: gminy.filter((g) => g.powiatTeryt === r.teryt && hasCusOn(g, asOf)).length,
            },
      );
      break;
    case 'partnerships':
      cells = units.map((r) => ({ ...base(r), value: partnershipsOf(r, partnerships).active }));
      break;
    case 'case_teams_per_10k': {
      const byInstitutionPlace = await caseTeamCounts(db, woj.teryt, asOf);
      const countOf = (r: RegisterRow) => {
        if (r.level === 'gmina') return byInstitutionPlace.get(r.teryt) ?? 0;
        // A powiat: institutions of the powiat itself (PCPR, PUP…) and of its gminy, added up.
        let n = 0;
        for (const [teryt, c] of byInstitutionPlace) if (teryt.startsWith(r.teryt)) n += c;
        return n;
      };
      cells = units.map((r) => ({ ...base(r), ...rateCell(countOf(r), r.population, gminyOf(r, countOf)) }));
      break;
    }
    case 'participants_per_10k': {
      const counts = await participantCounts(db, woj.teryt, asOf);
      const countOf = (r: RegisterRow) =>
        (r.level === 'gmina' ? counts.gmina : counts.powiat).get(r.teryt) ?? 0;
      cells = units.map((r) => ({ ...base(r), ...rateCell(countOf(r), r.population, gminyOf(r, countOf)) }));
      break;
    }
    case 'staff_trained': {
      const counts = await staffTrainedCounts(db, woj.teryt, asOf);
      const countOf = (r: RegisterRow) =>
        (r.level === 'gmina' ? counts.gmina : counts.powiat).get(r.teryt) ?? 0;
      cells = units.map((r) => ({ ...base(r), ...countCell(countOf(r), gminyOf(r, countOf)) }));
      break;
    }
  }
  return {
    woj,
    measure,
    level,
    asOf,
    units: cells,
    summary: summaryOf(register, partnerships, asOf),
  };
}

/** The województwo of a project: that of its leader institution. */
export async function projectRegion(db: DbOrTx, projectId: string): Promise<string> {
  const [row] = await queryRows<{ woj: string }>(
    db,
    sql`select substring(i.teryt from 1 for 2) as woj
        from projects p join institutions i on i.id = p.leader_institution_id where p.id = ${projectId}`,
  );
  if (!row) throw new Error(`project ${projectId} not found`);
  return row.woj;
}
