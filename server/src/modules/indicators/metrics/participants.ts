import { ageGroupOf, type Breakdown } from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../../db/database.js';
import { registerMetric } from './registry.js';

/**
 * Metrics of the project's participants (ESF+ monitoring, docs/participants.md "Metrics"): the
 * common output indicators EECO01–EECO17 from the data at entry, the results on leaving
 * EECR01–EECR04 and six months after leaving EECR05–EECR06, and the social and employment
 * effectiveness of the Polish 2014–2020 rules as percentages.
 *
 * Every metric counts **distinct persons**: the participants of the project (one row per person of
 * the leader's registry), a person recorded twice in the registry (a merged duplicate, or the same
 * PESEL) once. A participant counts on a day when the day of joining (for the outputs), of leaving
 * (results on leaving, effectiveness) or of the follow-up (six-month results) is on or before it.
 * The breakdowns are by sex at entry (`plec`: k, m) and by the age at entry (`wiek`).
 */

const YES = 'tak';

const labourFilters = {
  wszyscy: { pl: 'Wszyscy', en: 'Everyone' },
  bezrobotni: { pl: 'Bezrobotni, w tym długotrwale (EECO02)', en: 'Unemployed, incl. long-term (EECO02)' },
  dlugotrwale_bezrobotni: { pl: 'Długotrwale bezrobotni (EECO03)', en: 'Long-term unemployed (EECO03)' },
  bierni: { pl: 'Bierni zawodowo (EECO04)', en: 'Economically inactive (EECO04)' },
  pracujacy: {
    pl: 'Pracujący, w tym na własny rachunek (EECO05)',
    en: 'Employed, incl. self-employed (EECO05)',
  },
  niepracujacy: { pl: 'Niepracujący (bezrobotni i bierni)', en: 'Not employed (unemployed and inactive)' },
} as const;
type LabourFilter = keyof typeof labourFilters;

function labourCondition(f: LabourFilter): SQL {
  switch (f) {
    case 'bezrobotni':
      return sql`pa.labour_status in ('bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana')`;
    case 'dlugotrwale_bezrobotni':
      return sql`pa.labour_status in ('bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana')
                 and pa.labour_status_detail = 'dlugotrwale_bezrobotna'`;
    case 'bierni':
      return sql`pa.labour_status = 'bierna_zawodowo'`;
    case 'pracujacy':
      return sql`pa.labour_status = 'pracujaca'`;
    case 'niepracujacy':
      return sql`pa.labour_status <> 'pracujaca'`;
    default:
      return sql`true`;
  }
}

const ageFilters = {
  wszyscy: { pl: 'Każdy wiek', en: 'Any age' },
  ponizej_18: { pl: 'Poniżej 18 lat (EECO06)', en: 'Under 18 (EECO06)' },
  '18_29': { pl: '18–29 lat (EECO07)', en: '18–29 (EECO07)' },
  '30_54': { pl: '30–54 lata', en: '30–54' },
  '55_plus': { pl: '55 lat i więcej (EECO08)', en: '55 and over (EECO08)' },
} as const;
type AgeFilter = keyof typeof ageFilters;

function ageCondition(f: AgeFilter): SQL {
  switch (f) {
    case 'ponizej_18':
      return sql`pa.age_at_entry < 18`;
    case '18_29':
      return sql`pa.age_at_entry between 18 and 29`;
    case '30_54':
      return sql`pa.age_at_entry between 30 and 54`;
    case '55_plus':
      return sql`pa.age_at_entry >= 55`;
    default:
      return sql`true`;
  }
}

const educationFilters = {
  wszystkie: { pl: 'Każde wykształcenie', en: 'Any education' },
  isced_0_2: { pl: 'ISCED 0–2 (EECO09)', en: 'ISCED 0–2 (EECO09)' },
  isced_3_4: { pl: 'ISCED 3–4 (EECO10)', en: 'ISCED 3–4 (EECO10)' },
  isced_5_8: { pl: 'ISCED 5–8 (EECO11)', en: 'ISCED 5–8 (EECO11)' },
} as const;
type EducationFilter = keyof typeof educationFilters;

function educationCondition(f: EducationFilter): SQL {
  switch (f) {
    case 'isced_0_2':
      return sql`pa.education in ('isced_0', 'isced_1', 'isced_2')`;
    case 'isced_3_4':
      return sql`pa.education in ('isced_3', 'isced_4')`;
    case 'isced_5_8':
      return sql`pa.education = 'isced_5_8'`;
    default:
      return sql`true`;
  }
}

/** The participants of the project counted once per person (the PESEL of the surviving record, else that record). */
async function distinctPersons(
  db: DbOrTx,
  projectId: string,
  where: SQL,
): Promise<{ value: number; breakdown: Breakdown }> {
  const rows = await queryRows<{ sex: string; age: number }>(
    db,
    sql`select min(pa.sex) as sex, min(pa.age_at_entry)::int as age
        from participants pa join persons pe on pe.id = pa.person_id
          left join persons pm on pm.id = pe.merged_into
        where pa.project_id = ${projectId} and ${where}
        group by coalesce(pm.pesel, pe.pesel, coalesce(pe.merged_into, pe.id)::text)`,
  );
  const plec: Record<string, number> = {};
  const wiek: Record<string, number> = {};
  for (const r of rows) {
    const g = r.sex === 'K' ? 'k' : 'm';
    plec[g] = (plec[g] ?? 0) + 1;
    const a = ageGroupOf(r.age);
    wiek[a] = (wiek[a] ?? 0) + 1;
  }
  return { value: rows.length, breakdown: rows.length ? { plec, wiek } : {} };
}

const characteristicLabels = {
  disability: {
    pl: 'Tylko osoby z niepełnosprawnościami (EECO12)',
    en: 'Only persons with disabilities (EECO12)',
  },
  thirdCountry: {
    pl: 'Tylko obywatele państw trzecich (EECO13)',
    en: 'Only third-country nationals (EECO13)',
  },
  foreignOrigin: {
    pl: 'Tylko osoby obcego pochodzenia (EECO14)',
    en: 'Only persons of foreign background (EECO14)',
  },
  minority: {
    pl: 'Tylko osoby należące do mniejszości (EECO15)',
    en: 'Only persons belonging to minorities (EECO15)',
  },
  homeless: {
    pl: 'Tylko osoby w kryzysie bezdomności lub wykluczone z dostępu do mieszkań (EECO16)',
    en: 'Only homeless or housing-excluded persons (EECO16)',
  },
  rural: {
    pl: 'Tylko osoby z obszarów wiejskich — DEGURBA 3 (EECO17)',
    en: 'Only persons from rural areas — DEGURBA 3 (EECO17)',
  },
};

const enteredParams = z.object({
  labourStatus: z.enum(Object.keys(labourFilters) as [LabourFilter, ...LabourFilter[]]).default('wszyscy'),
  ageGroup: z.enum(Object.keys(ageFilters) as [AgeFilter, ...AgeFilter[]]).default('wszyscy'),
  education: z
    .enum(Object.keys(educationFilters) as [EducationFilter, ...EducationFilter[]])
    .default('wszystkie'),
  disability: z.boolean().default(false),
  thirdCountry: z.boolean().default(false),
  foreignOrigin: z.boolean().default(false),
  minority: z.boolean().default(false),
  homeless: z.boolean().default(false),
  rural: z.boolean().default(false),
});
type EnteredParams = z.output<typeof enteredParams>;

/** The conditions of `participants.entered` on the data at entry (all of them must hold). */
function enteredCondition(p: EnteredParams): SQL {
  const parts: SQL[] = [
    labourCondition(p.labourStatus),
    ageCondition(p.ageGroup),
    educationCondition(p.education),
  ];
  if (p.disability) parts.push(sql`pa.disability = ${YES}`);
  if (p.thirdCountry) parts.push(sql`pa.third_country = ${YES}`);
  if (p.foreignOrigin) parts.push(sql`pa.foreign_origin = ${YES}`);
  if (p.minority) parts.push(sql`pa.minority = ${YES}`);
  if (p.homeless) parts.push(sql`pa.homeless = ${YES}`);
  if (p.rural) parts.push(sql`pa.degurba = 3`);
  return sql.join(parts, sql` and `);
}

registerMetric({
  key: 'participants.entered',
  label: { pl: 'Uczestnicy objęci wsparciem', en: 'Participants supported' },
  description: {
    pl: 'Osoby unikalne, które rozpoczęły udział w projekcie do dnia pomiaru, według danych z chwili przystąpienia (status na rynku pracy, wiek, wykształcenie, cechy) — EECO01–EECO17. Podział według płci i wieku w chwili przystąpienia.',
    en: 'Distinct persons who joined the project by the day, by their data at entry (labour-market status, age, education, characteristics) — EECO01–EECO17. Broken down by sex and age at entry.',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec', 'wiek'],
  params: enteredParams,
  paramLabels: {
    labourStatus: {
      pl: 'Status na rynku pracy w chwili przystąpienia',
      en: 'Labour-market status at entry',
      options: labourFilters,
    },
    ageGroup: { pl: 'Wiek w chwili przystąpienia', en: 'Age at entry', options: ageFilters },
    education: { pl: 'Wykształcenie (ISCED)', en: 'Education (ISCED)', options: educationFilters },
    ...characteristicLabels,
  },
  async compute(db, { projectId, asOf, params }) {
    return distinctPersons(db, projectId, sql`pa.joined_on <= ${asOf}::date and ${enteredCondition(params)}`);
  },
});

const exitResultOptions = {
  szuka_pracy: { pl: 'Poszukuje pracy (EECR01)', en: 'Job searching (EECR01)' },
  ksztalci_sie: { pl: 'Kształci się lub szkoli (EECR02)', en: 'In education or training (EECR02)' },
  kwalifikacje: { pl: 'Uzyskała kwalifikacje (EECR03)', en: 'Gained a qualification (EECR03)' },
  pracuje: { pl: 'Pracuje, w tym na własny rachunek (EECR04)', en: 'In employment (EECR04)' },
  postep_spoleczny: { pl: 'Postęp w integracji społecznej', en: 'Progress in social integration' },
} as const;
type ExitResultOption = keyof typeof exitResultOptions;

const statusAtEntryLabels = {
  pl: 'Status na rynku pracy w chwili przystąpienia',
  en: 'Labour-market status at entry',
  options: labourFilters,
};

registerMetric({
  key: 'participants.result_on_leaving',
  label: {
    pl: 'Uczestnicy z rezultatem po opuszczeniu programu',
    en: 'Participants with a result on leaving',
  },
  description: {
    pl: 'Osoby unikalne, które zakończyły udział (zakończyły lub przerwały) do dnia pomiaru i przy wyjściu (do 4 tygodni) mają wybrany rezultat — EECR01–EECR04 (EECR01: bierni zawodowo w chwili przystąpienia; EECR04: niepracujący w chwili przystąpienia).',
    en: 'Distinct persons who left (completed or dropped out) by the day with the chosen result on leaving (within 4 weeks) — EECR01–EECR04 (EECR01: inactive at entry; EECR04: not employed at entry).',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec', 'wiek'],
  params: z.object({
    result: z
      .enum(Object.keys(exitResultOptions) as [ExitResultOption, ...ExitResultOption[]])
      .default('pracuje'),
    statusAtEntry: z.enum(Object.keys(labourFilters) as [LabourFilter, ...LabourFilter[]]).default('wszyscy'),
  }),
  paramLabels: {
    result: { pl: 'Rezultat po opuszczeniu programu', en: 'Result on leaving', options: exitResultOptions },
    statusAtEntry: statusAtEntryLabels,
  },
  async compute(db, { projectId, asOf, params }) {
    return distinctPersons(
      db,
      projectId,
      sql`pa.left_on <= ${asOf}::date and pa.exit_results ? ${params.result} and ${labourCondition(params.statusAtEntry)}`,
    );
  },
});

const followUpOptions = {
  pracuje: { pl: 'Pracuje, w tym na własny rachunek (EECR05)', en: 'In employment (EECR05)' },
  lepsza_sytuacja: {
    pl: 'Lepsza sytuacja na rynku pracy (EECR06)',
    en: 'Better labour-market situation (EECR06)',
  },
} as const;
type FollowUpOption = keyof typeof followUpOptions;

registerMetric({
  key: 'participants.result_after_6_months',
  label: {
    pl: 'Uczestnicy z rezultatem sześć miesięcy po opuszczeniu programu',
    en: 'Participants with a result six months after leaving',
  },
  description: {
    pl: 'Osoby unikalne, u których pomiar po 6 miesiącach od zakończenia udziału, zapisany z datą nie późniejszą niż dzień pomiaru, wykazał wybrany rezultat — EECR05 (pracuje) i EECR06 (lepsza sytuacja; pracujący w chwili przystąpienia).',
    en: 'Distinct persons whose six-month follow-up, dated on or before the day, found the chosen result — EECR05 (employed) and EECR06 (better situation; employed at entry).',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec', 'wiek'],
  params: z.object({
    result: z.enum(Object.keys(followUpOptions) as [FollowUpOption, ...FollowUpOption[]]).default('pracuje'),
    statusAtEntry: z.enum(Object.keys(labourFilters) as [LabourFilter, ...LabourFilter[]]).default('wszyscy'),
  }),
  paramLabels: {
    result: { pl: 'Rezultat po 6 miesiącach', en: 'Result after six months', options: followUpOptions },
    statusAtEntry: statusAtEntryLabels,
  },
  async compute(db, { projectId, asOf, params }) {
    return distinctPersons(
      db,
      projectId,
      sql`pa.follow_up_on <= ${asOf}::date and pa.follow_up_result ? ${params.result}
          and ${labourCondition(params.statusAtEntry)}`,
    );
  },
});

/** Numerator and denominator of an effectiveness: persons who left by the day, and those of them with the result. */
async function effectiveness(db: DbOrTx, projectId: string, asOf: string, result: string, extra: SQL) {
  const left = sql`pa.left_on <= ${asOf}::date and ${extra}`;
  const all = await distinctPersons(db, projectId, left);
  const yes = await distinctPersons(db, projectId, sql`${left} and pa.exit_results ? ${result}`);
  return { numerator: yes.value, denominator: all.value };
}

const pathLabels = {
  completedPathOnly: {
    pl: 'Tylko osoby, które zakończyły udział zgodnie ze ścieżką',
    en: 'Only persons who completed their planned path',
  },
};

registerMetric({
  key: 'participants.social_effectiveness',
  label: { pl: 'Efektywność społeczna', en: 'Social effectiveness' },
  description: {
    pl: 'Licznik: osoby unikalne, które do dnia pomiaru zakończyły lub przerwały udział i przy wyjściu odnotowano u nich postęp w procesie integracji społecznej; mianownik: wszystkie osoby, które do tego dnia zakończyły lub przerwały udział (z opcją: tylko te, które zakończyły udział zgodnie ze ścieżką). Próg w projektach 2014–2020: 34%.',
    en: 'Numerator: distinct persons who left (completed or dropped out) by the day with progress in social integration recorded on leaving; denominator: all persons who left by that day (optionally only those who completed their path). Threshold in 2014–2020 projects: 34%.',
  },
  unit: 'procent',
  counting: 'osoby_unikalne',
  params: z.object({ completedPathOnly: z.boolean().default(false) }),
  paramLabels: pathLabels,
  async compute(db, { projectId, asOf, params }) {
    return effectiveness(
      db,
      projectId,
      asOf,
      'postep_spoleczny',
      params.completedPathOnly ? sql`pa.completed_path` : sql`true`,
    );
  },
});

const groupOptions = {
  wszyscy: { pl: 'Wszyscy uczestnicy', en: 'All participants' },
  z_niepelnosprawnoscia: {
    pl: 'Osoby z niepełnosprawnościami (próg 12%)',
    en: 'Persons with disabilities (12% threshold)',
  },
} as const;

registerMetric({
  key: 'participants.employment_effectiveness',
  label: { pl: 'Efektywność zatrudnieniowa', en: 'Employment effectiveness' },
  description: {
    pl: 'Licznik: osoby unikalne, które do dnia pomiaru zakończyły lub przerwały udział i przy wyjściu pracują (w tym na własny rachunek); mianownik: wszystkie osoby, które do tego dnia zakończyły lub przerwały udział (z opcjami: tylko zgodnie ze ścieżką; tylko osoby z niepełnosprawnościami). Progi w projektach 2014–2020: 22%, dla osób z niepełnosprawnościami 12%.',
    en: 'Numerator: distinct persons who left (completed or dropped out) by the day and are employed (incl. self-employed) on leaving; denominator: all persons who left by that day (optionally only those who completed their path; only persons with disabilities). Thresholds in 2014–2020 projects: 22%, 12% for persons with disabilities.',
  },
  unit: 'procent',
  counting: 'osoby_unikalne',
  params: z.object({
    completedPathOnly: z.boolean().default(false),
    group: z.enum(['wszyscy', 'z_niepelnosprawnoscia']).default('wszyscy'),
  }),
  paramLabels: {
    ...pathLabels,
    group: { pl: 'Grupa', en: 'Group', options: groupOptions },
  },
  async compute(db, { projectId, asOf, params }) {
    const parts: SQL[] = [params.completedPathOnly ? sql`pa.completed_path` : sql`true`];
    if (params.group === 'z_niepelnosprawnoscia') parts.push(sql`pa.disability = ${YES}`);
    return effectiveness(db, projectId, asOf, 'pracuje', sql.join(parts, sql` and `));
  },
});

/**
 * The metric (and its parameters) that computes each common ESF+ participant indicator of the
 * library (`reference.ts`): a project indicator with one of these codes can be computed from the
 * participants instead of entered by hand.
 */
export const esfParticipantMetrics: Record<string, { key: string; params: Record<string, unknown> }> = {
  EECO01: { key: 'participants.entered', params: {} },
  EECO02: { key: 'participants.entered', params: { labourStatus: 'bezrobotni' } },
  EECO03: { key: 'participants.entered', params: { labourStatus: 'dlugotrwale_bezrobotni' } },
  EECO04: { key: 'participants.entered', params: { labourStatus: 'bierni' } },
  EECO05: { key: 'participants.entered', params: { labourStatus: 'pracujacy' } },
  EECO06: { key: 'participants.entered', params: { ageGroup: 'ponizej_18' } },
  EECO07: { key: 'participants.entered', params: { ageGroup: '18_29' } },
  EECO08: { key: 'participants.entered', params: { ageGroup: '55_plus' } },
  EECO09: { key: 'participants.entered', params: { education: 'isced_0_2' } },
  EECO10: { key: 'participants.entered', params: { education: 'isced_3_4' } },
  EECO11: { key: 'participants.entered', params: { education: 'isced_5_8' } },
  EECO12: { key: 'participants.entered', params: { disability: true } },
  EECO13: { key: 'participants.entered', params: { thirdCountry: true } },
  EECO14: { key: 'participants.entered', params: { foreignOrigin: true } },
  EECO15: { key: 'participants.entered', params: { minority: true } },
  EECO16: { key: 'participants.entered', params: { homeless: true } },
  EECO17: { key: 'participants.entered', params: { rural: true } },
  EECR01: {
    key: 'participants.result_on_leaving',
    params: { result: 'szuka_pracy', statusAtEntry: 'bierni' },
  },
  EECR02: { key: 'participants.result_on_leaving', params: { result: 'ksztalci_sie' } },
  EECR03: { key: 'participants.result_on_leaving', params: { result: 'kwalifikacje' } },
  EECR04: {
    key: 'participants.result_on_leaving',
    params: { result: 'pracuje', statusAtEntry: 'niepracujacy' },
  },
  EECR05: { key: 'participants.result_after_6_months', params: { result: 'pracuje' } },
  EECR06: {
    key: 'participants.result_after_6_months',
    params: { result: 'lepsza_sytuacja', statusAtEntry: 'pracujacy' },
  },
};
