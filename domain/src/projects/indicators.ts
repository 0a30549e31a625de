import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';
import { ProjectRegionKey, ProjectStatusKey, periodElapsed } from './projects.js';

/**
 * Indicators (DOMAIN.md §4, docs/indicators.md): the library of indicator definitions (common ESF+
 * indicators, programme- and project-specific ones), the indicators of a project with baseline,
 * target and targets per breakdown, their values over time (entered by hand or measured from the
 * records by a metric), "as of" a date, progress and its band, and frozen reporting periods.
 *
 * Values are exact decimals with four places (`numeric(16,4)` in the database) and travel as
 * strings ("654", "37.931"); arithmetic on them goes through scaled integers, never floats.
 * Shares and progress are integers in hundredths of a percent (8472 = 84,72 %), like money rates.
 */

type Labels = { pl: string; en: string };

// ————— Dictionaries —————

export const indicatorUnits = {
  osoby: { pl: 'Osoby', en: 'Persons' },
  podmioty: { pl: 'Podmioty', en: 'Entities' },
  procent: { pl: 'Procent (%)', en: 'Percent (%)' },
  liczba: { pl: 'Liczba (sztuki, zdarzenia)', en: 'Count (items, events)' },
} as const satisfies Record<string, Labels>;
export type IndicatorUnit = keyof typeof indicatorUnits;

export const indicatorTypes = {
  produkt: { pl: 'Wskaźnik produktu', en: 'Output indicator' },
  rezultat: { pl: 'Wskaźnik rezultatu', en: 'Result indicator' },
} as const satisfies Record<string, Labels>;
export type IndicatorType = keyof typeof indicatorTypes;

/** What one unit of the value is: a distinct person (or entity) counted once, or each event. */
export const countingUnits = {
  osoby_unikalne: {
    pl: 'Osoby unikalne (każda osoba liczona raz)',
    en: 'Distinct persons (each person counted once)',
  },
  podmioty_unikalne: {
    pl: 'Podmioty unikalne (każdy podmiot liczony raz)',
    en: 'Distinct entities (each entity counted once)',
  },
  zdarzenia: { pl: 'Zdarzenia (każde zdarzenie osobno)', en: 'Events (each one counted)' },
} as const satisfies Record<string, Labels>;
export type CountingUnit = keyof typeof countingUnits;

export const measurementMoments = {
  przy_wejsciu: { pl: 'W chwili przystąpienia do projektu', en: 'On entry to the project' },
  przy_wyjsciu: { pl: 'W chwili opuszczenia projektu', en: 'On leaving the project' },
  do_4_tygodni: { pl: 'Do 4 tygodni od opuszczenia projektu', en: 'Within 4 weeks of leaving' },
  '6_miesiecy': { pl: 'W ciągu 6 miesięcy od opuszczenia projektu', en: 'Within 6 months of leaving' },
  na_dzien: { pl: 'Stan na dzień pomiaru', en: 'As at the measurement date' },
} as const satisfies Record<string, Labels>;
export type MeasurementMoment = keyof typeof measurementMoments;

export const indicatorScopes = {
  wspolny: { pl: 'Wspólny (EFS+)', en: 'Common (ESF+)' },
  programowy: { pl: 'Programowy', en: 'Programme-specific' },
  projektowy: { pl: 'Projektowy', en: 'Project-specific' },
} as const satisfies Record<string, Labels>;
export type IndicatorScope = keyof typeof indicatorScopes;

/** Where a project indicator's values come from. */
export const indicatorSources = {
  manual: { pl: 'Wprowadzany ręcznie', en: 'Entered by hand' },
  metric: { pl: 'Obliczany z rejestrów', en: 'Computed from the records' },
} as const satisfies Record<string, Labels>;
export type IndicatorSource = keyof typeof indicatorSources;

/** How one recorded value came about. */
export const valueOrigins = {
  manual: { pl: 'Wpis ręczny', en: 'Manual entry' },
  metric: { pl: 'Pomiar z rejestrów', en: 'Measured from the records' },
} as const satisfies Record<string, Labels>;
export type ValueOrigin = keyof typeof valueOrigins;

/** Breakdowns: gender (women / men / non-binary, ESF+) and the ESF+ age groups at entry. */
export const breakdownDimensions = {
  plec: {
    pl: 'Płeć',
    en: 'Gender',
    categories: {
      k: { pl: 'Kobiety', en: 'Women' },
      m: { pl: 'Mężczyźni', en: 'Men' },
      n: { pl: 'Osoby niebinarne', en: 'Non-binary persons' },
    },
  },
  wiek: {
    pl: 'Wiek',
    en: 'Age',
    categories: {
      ponizej_18: { pl: 'Poniżej 18 lat', en: 'Under 18' },
      '18_29': { pl: '18–29 lat', en: '18–29' },
      '30_54': { pl: '30–54 lata', en: '30–54' },
      '55_plus': { pl: '55 lat i więcej', en: '55 and over' },
    },
  },
} as const satisfies Record<string, Labels & { categories: Record<string, Labels> }>;
export type BreakdownDimension = keyof typeof breakdownDimensions;

/**
 * The band of an indicator's progress. Always shown as text next to any colour: the colour is
 * never the only carrier of the meaning (WCAG 1.4.1).
 */
export const indicatorBands = {
  osiagniety: { pl: 'Osiągnięty', en: 'Achieved' },
  zgodnie: { pl: 'Zgodnie z planem', en: 'On track' },
  ryzyko: { pl: 'Ryzyko opóźnienia', en: 'At risk' },
  zagrozony: { pl: 'Zagrożony', en: 'Off track' },
  nieosiagniety: { pl: 'Nieosiągnięty (projekt zakończony)', en: 'Not achieved (project ended)' },
  brak_danych: { pl: 'Brak pomiaru', en: 'No value yet' },
} as const satisfies Record<string, Labels>;
export type IndicatorBand = keyof typeof indicatorBands;
export const bandKeys = keysOf(indicatorBands);

export const reportingPeriodStatuses = {
  otwarty: { pl: 'Otwarty', en: 'Open' },
  zamrozony: { pl: 'Zamrożony (zatwierdzony)', en: 'Frozen (approved)' },
} as const satisfies Record<string, Labels>;
export type ReportingPeriodStatus = keyof typeof reportingPeriodStatuses;

export const IndicatorUnitKey = z.enum(keysOf(indicatorUnits));
export const IndicatorTypeKey = z.enum(keysOf(indicatorTypes));
export const CountingUnitKey = z.enum(keysOf(countingUnits));
export const MeasurementMomentKey = z.enum(keysOf(measurementMoments));
export const IndicatorScopeKey = z.enum(keysOf(indicatorScopes));
export const IndicatorSourceKey = z.enum(keysOf(indicatorSources));
export const ValueOriginKey = z.enum(keysOf(valueOrigins));
export const BreakdownDimensionKey = z.enum(keysOf(breakdownDimensions));
export const IndicatorBandKey = z.enum(bandKeys);
export const ReportingPeriodStatusKey = z.enum(keysOf(reportingPeriodStatuses));

// ————— Exact decimals —————

/** Decimal places kept for indicator values (the database's `numeric(16,4)`). */
export const DECIMAL_PLACES = 4;
const SCALE = 10_000n;
const DECIMAL_RE = /^(-?)(\d{1,12})(?:[.,](\d{1,4}))?$/;

/** A decimal string ("654", "37,93", "0.5") as an integer scaled by 10 000; null when invalid. */
export function parseDecimal(value: string | number): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const whole = BigInt(m[2] as string);
  const frac = BigInt((m[3] ?? '').padEnd(DECIMAL_PLACES, '0'));
  const abs = whole * SCALE + frac;
  return m[1] === '-' ? -abs : abs;
}

/** A scaled integer back to the canonical decimal string, without trailing zeros ("37.931"). */
export function formatDecimal(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(DECIMAL_PLACES, '0').replace(/0+$/, '');
  return `${negative && abs !== 0n ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** The canonical form of a decimal string as the database returns it ("654.0000" → "654"). */
export function canonicalDecimal(value: string | number): string {
  const scaled = parseDecimal(value);
  if (scaled === null) throw new RangeError(`Not a decimal: ${value}`);
  return formatDecimal(scaled);
}

/** Half-up division of non-negative scaled integers (a / b), in integers only. */
function divideHalfUp(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n && a !== 0n;
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const r = (2n * aa + bb) / (2n * bb);
  return negative ? -r : r;
}

/**
 * A percent indicator's value from its numerator and denominator (numerator / denominator × 100),
 * exact to four decimal places, rounded half-up; null when the denominator is zero or invalid.
 */
export function percentFrom(numerator: string | number, denominator: string | number): string | null {
  const n = parseDecimal(numerator);
  const d = parseDecimal(denominator);
  if (n === null || d === null || d === 0n) return null;
  return formatDecimal(divideHalfUp(n * 100n * SCALE, d));
}

/** A non-negative decimal with at most 12 integer and 4 decimal places; a number or a string. */
export const Decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const scaled = parseDecimal(v);
  if (scaled === null || scaled < 0n) {
    ctx.addIssue({ code: 'custom', message: 'indicator.decimal' });
    return z.NEVER;
  }
  return formatDecimal(scaled);
});

// ————— Progress and bands —————

/**
 * Progress towards the target in hundredths of a percent: (current − baseline) / (target −
 * baseline), rounded half-up, never below 0 (a value that moved away from the target shows 0 %).
 * A target equal to the baseline is achieved once the value reaches it. Null without a value.
 */
export function achievedShare(p: {
  baseline: string;
  target: string;
  current: string | null;
}): number | null {
  if (p.current === null) return null;
  const base = parseDecimal(p.baseline) ?? 0n;
  const target = parseDecimal(p.target) ?? 0n;
  const current = parseDecimal(p.current);
  if (current === null) return null;
  const span = target - base;
  if (span === 0n) return current >= target ? 10_000 : 0;
  const r = divideHalfUp((current - base) * 10_000n, span);
  return r < 0n ? 0 : Number(r);
}

/**
 * Tolerances of the bands, in hundredths of a percent below the share of the project's period
 * that has passed: within 10 points of it the indicator is on track, within 25 at risk, below
 * that off track. See docs/indicators.md.
 */
export const BAND_ON_TRACK = 1_000;
export const BAND_AT_RISK = 2_500;

/**
 * The band of an indicator: achieved at 100 %; otherwise, after the project's end, not achieved;
 * during the project, progress compared with the share of the period elapsed (a project a third
 * through its time with a third of its target is on track).
 */
export function bandOf(p: { achieved: number | null; elapsed: number; ended: boolean }): IndicatorBand {
  if (p.achieved === null) return 'brak_danych';
  if (p.achieved >= 10_000) return 'osiagniety';
  if (p.ended) return 'nieosiagniety';
  if (p.achieved >= p.elapsed - BAND_ON_TRACK) return 'zgodnie';
  if (p.achieved >= p.elapsed - BAND_AT_RISK) return 'ryzyko';
  return 'zagrozony';
}

export interface Progress {
  /** Hundredths of a percent of the target reached; null without a value. */
  achieved: number | null;
  /** Hundredths of a percent of the project's period elapsed on `asOf`. */
  elapsed: number;
  band: IndicatorBand;
}

/** Progress of one indicator of a project on a day. */
export function progressOf(p: {
  baseline: string;
  target: string;
  current: string | null;
  startsOn: string;
  endsOn: string;
  asOf: string;
}): Progress {
  const achieved = achievedShare(p);
  const elapsed = periodElapsed(p.startsOn, p.endsOn, p.asOf);
  return { achieved, elapsed, band: bandOf({ achieved, elapsed, ended: p.asOf > p.endsOn }) };
}

/** The earlier of two days (YYYY-MM-DD). */
export function earlierDay(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

// ————— Values "as of" a date —————

/** A recorded value as the rules need it; `enteredOn` is the Warsaw day the row was entered. */
export interface SeriesRow {
  id: string;
  measuredOn: string;
  enteredOn: string;
  /** Tie-break among rows of one day: the later entry wins (ISO timestamp). */
  enteredAt: string;
  supersedesId: string | null;
}

/**
 * The rows in force: those known by `knownOn` (entered that day or before; every row without it)
 * and not superseded by a correction also known by then.
 */
export function effectiveRows<T extends SeriesRow>(rows: readonly T[], knownOn?: string): T[] {
  const known = knownOn ? rows.filter((r) => r.enteredOn <= knownOn) : [...rows];
  const superseded = new Set(known.map((r) => r.supersedesId).filter((id): id is string => !!id));
  return known.filter((r) => !superseded.has(r.id));
}

const byDateThenEntry = (a: SeriesRow, b: SeriesRow) =>
  a.measuredOn === b.measuredOn
    ? a.enteredAt.localeCompare(b.enteredAt)
    : a.measuredOn.localeCompare(b.measuredOn);

/**
 * The value of an indicator as of a day: the latest row in force measured on or before
 * `measuredBy`. With `knownOn`, rows entered after that day are ignored — what anyone looking on
 * that day saw, so "as of" answers are reproducible. Null when there is none.
 */
export function valueAsOf<T extends SeriesRow>(
  rows: readonly T[],
  opts: { measuredBy: string; knownOn?: string },
): T | null {
  const candidates = effectiveRows(rows, opts.knownOn).filter((r) => r.measuredOn <= opts.measuredBy);
  candidates.sort(byDateThenEntry);
  return candidates.at(-1) ?? null;
}

/** The series in force, one point per measurement day (the latest entry of a day), oldest first. */
export function effectiveSeries<T extends SeriesRow>(rows: readonly T[], knownOn?: string): T[] {
  const byDay = new Map<string, T>();
  for (const r of effectiveRows(rows, knownOn).sort(byDateThenEntry)) byDay.set(r.measuredOn, r);
  return [...byDay.values()];
}

// ————— Reporting periods —————

export interface PeriodLike {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: ReportingPeriodStatus;
}

/** The frozen period a day falls in, if any: a value dated in it can no longer be entered. */
export function frozenPeriodOn<T extends PeriodLike>(periods: readonly T[], date: string): T | null {
  return periods.find((p) => p.status === 'zamrozony' && p.startsOn <= date && date <= p.endsOn) ?? null;
}

/** Another period of the project that overlaps [startsOn, endsOn], if any. */
export function overlappingPeriod<T extends PeriodLike>(
  periods: readonly T[],
  range: { startsOn: string; endsOn: string },
  exceptId?: string,
): T | null {
  return (
    periods.find((p) => p.id !== exceptId && p.startsOn <= range.endsOn && range.startsOn <= p.endsOn) ?? null
  );
}

/** Why a period may not be frozen on `today` (a message key), or null. */
export function freezeRefusal(p: PeriodLike, today: string): string | null {
  if (p.status === 'zamrozony') return 'indicator.period.alreadyFrozen';
  if (p.endsOn > today) return 'indicator.period.notEnded';
  return null;
}

// ————— Breakdowns —————

export type Breakdown = Record<string, Record<string, number>>;

/** The ESF+ age group of an age in whole years. */
export function ageGroupOf(age: number): keyof (typeof breakdownDimensions)['wiek']['categories'] {
  if (age < 18) return 'ponizej_18';
  if (age <= 29) return '18_29';
  if (age <= 54) return '30_54';
  return '55_plus';
}

/** Age in whole years on a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

const toScaled = (n: number) => BigInt(Math.round(n * 10_000));

/**
 * Problems of a breakdown: only the indicator's dimensions and their categories, and no dimension
 * adding up to more than the total (a part of the persons may be left without a category).
 */
export function breakdownIssues(
  breakdown: Breakdown,
  allowed: readonly string[],
  total: string | null,
  field: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const totalScaled = total === null ? null : parseDecimal(total);
  for (const [dim, cats] of Object.entries(breakdown)) {
    const def = (breakdownDimensions as Record<string, { categories: Record<string, Labels> }>)[dim];
    if (!def || !allowed.includes(dim)) {
      issues.push({ field: `${field}.${dim}`, code: 'indicator.breakdownDimension' });
      continue;
    }
    let sum = 0n;
    for (const [cat, n] of Object.entries(cats)) {
      if (!(cat in def.categories))
        issues.push({ field: `${field}.${dim}.${cat}`, code: 'indicator.breakdownCategory' });
      sum += toScaled(n);
    }
    if (totalScaled !== null && sum > totalScaled)
      issues.push({
        field: `${field}.${dim}`,
        code: 'indicator.breakdownSum',
        params: { total: formatDecimal(totalScaled) },
      });
  }
  return issues;
}

/** What a manual value needs beyond its shape, given the indicator and the project. */
export function manualValueIssues(
  input: {
    measuredOn: string;
    value: string | null;
    numerator: string | null;
    denominator: string | null;
    breakdown: Breakdown;
  },
  ctx: {
    unit: IndicatorUnit;
    breakdowns: readonly string[];
    projectStartsOn: string;
    today: string;
    periods: readonly PeriodLike[];
  },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.measuredOn > ctx.today) issues.push({ field: 'measuredOn', code: 'indicator.value.future' });
  if (input.measuredOn < ctx.projectStartsOn)
    issues.push({ field: 'measuredOn', code: 'indicator.value.beforeProject' });
  const frozen = frozenPeriodOn(ctx.periods, input.measuredOn);
  if (frozen)
    issues.push({ field: 'measuredOn', code: 'indicator.value.frozen', params: { period: frozen.name } });
  if (ctx.unit === 'procent') {
    if (input.numerator === null) issues.push({ field: 'numerator', code: 'zod.required' });
    if (input.denominator === null) issues.push({ field: 'denominator', code: 'zod.required' });
    if (input.denominator !== null && parseDecimal(input.denominator) === 0n)
      issues.push({ field: 'denominator', code: 'indicator.value.zeroDenominator' });
  } else if (input.value === null) {
    issues.push({ field: 'value', code: 'zod.required' });
  }
  // The breakdown of a share counts the numerator's persons (or entities).
  const total = ctx.unit === 'procent' ? input.numerator : input.value;
  issues.push(...breakdownIssues(input.breakdown, ctx.breakdowns, total, 'breakdown'));
  return issues;
}

// ————— Schemas —————

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, { message: 'zod.required' }).max(max);

const BreakdownNumber = z.number().min(0).max(1e12);
export const BreakdownSchema = z
  .record(z.string().max(20), z.record(z.string().max(20), BreakdownNumber))
  .default({});

const Ref = z.object({ id: z.uuid(), name: z.string() });

/** The fields of a definition a user writes. */
export const IndicatorDefinitionFields = z.object({
  code: text(30),
  name: required(500),
  definition: text(4000),
  unit: IndicatorUnitKey,
  type: IndicatorTypeKey,
  counting: CountingUnitKey.default('zdarzenia'),
  breakdowns: z
    .array(BreakdownDimensionKey)
    .max(2)
    .default([])
    .refine((a) => new Set(a).size === a.length, { message: 'indicator.breakdownDuplicate' }),
  measurement: MeasurementMomentKey.default('na_dzien'),
});
export type IndicatorDefinitionFields = z.input<typeof IndicatorDefinitionFields>;

/**
 * A new library definition: common (no programme, no project), programme-specific (a catalogue
 * node) or project-specific (a project).
 */
export const IndicatorDefinitionInput = IndicatorDefinitionFields.extend({
  scope: IndicatorScopeKey,
  programmeNodeId: z.uuid().nullable().optional(),
  projectId: z.uuid().nullable().optional(),
}).superRefine((v, ctx) => {
  if (v.scope === 'programowy' && !v.programmeNodeId)
    ctx.addIssue({ code: 'custom', path: ['programmeNodeId'], message: 'zod.required' });
  if (v.scope === 'projektowy' && !v.projectId)
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'zod.required' });
  if (v.scope !== 'programowy' && v.programmeNodeId)
    ctx.addIssue({ code: 'custom', path: ['programmeNodeId'], message: 'indicator.scopeMismatch' });
  if (v.scope !== 'projektowy' && v.projectId)
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'indicator.scopeMismatch' });
});
export type IndicatorDefinitionInput = z.input<typeof IndicatorDefinitionInput>;

export const IndicatorDefinitionUpdate = z.object({
  definition: IndicatorDefinitionFields,
  active: z.boolean().default(true),
  version: z.int().min(1),
});
export type IndicatorDefinitionUpdate = z.input<typeof IndicatorDefinitionUpdate>;

export const IndicatorDefinitionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  scope: IndicatorScopeKey.optional(),
  type: IndicatorTypeKey.optional(),
  unit: IndicatorUnitKey.optional(),
  /** Programme-specific definitions of this catalogue node. */
  programme: z.uuid().optional(),
  /** Project-specific definitions of this project. */
  project: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type IndicatorDefinitionQuery = z.input<typeof IndicatorDefinitionQuery>;

export const IndicatorDefinitionSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: IndicatorUnitKey,
  type: IndicatorTypeKey,
  counting: CountingUnitKey,
  breakdowns: z.array(BreakdownDimensionKey),
  measurement: MeasurementMomentKey,
  scope: IndicatorScopeKey,
});
export type IndicatorDefinitionSummary = z.infer<typeof IndicatorDefinitionSummary>;

export const IndicatorDefinition = IndicatorDefinitionSummary.extend({
  programmeNode: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  project: z.object({ id: z.uuid(), number: z.string(), title: z.string() }).nullable(),
  active: z.boolean(),
  /** How many project indicators use it. */
  usedBy: z.int(),
  version: z.int(),
  abilities: z.object({ update: z.boolean() }),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

export const IndicatorDefinitionList = z.object({
  total: z.int(),
  items: z.array(IndicatorDefinition),
  /** May the actor add common and programme-specific definitions (system administrators). */
  abilities: z.object({ createShared: z.boolean() }),
});
export type IndicatorDefinitionList = z.infer<typeof IndicatorDefinitionList>;

// A metric of the registry, as the form to add an indicator shows it.
export const MetricParamField = z.object({
  name: z.string(),
  kind: z.enum(['boolean', 'enum', 'integer']),
  label: z.object({ pl: z.string(), en: z.string() }),
  options: z.array(z.object({ value: z.string(), label: z.object({ pl: z.string(), en: z.string() }) })),
  default: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});
export type MetricParamField = z.infer<typeof MetricParamField>;

export const MetricInfo = z.object({
  key: z.string(),
  label: z.object({ pl: z.string(), en: z.string() }),
  description: z.object({ pl: z.string(), en: z.string() }),
  unit: IndicatorUnitKey,
  counting: CountingUnitKey,
  breakdowns: z.array(BreakdownDimensionKey),
  params: z.array(MetricParamField),
});
export type MetricInfo = z.infer<typeof MetricInfo>;
export const MetricList = z.object({ items: z.array(MetricInfo) });
export type MetricList = z.infer<typeof MetricList>;

/** The indicator settings a coordinator writes (the definition comes apart). */
const ProjectIndicatorSettings = z.object({
  baseline: Decimal.default('0'),
  target: Decimal,
  targetBreakdown: BreakdownSchema,
  source: IndicatorSourceKey,
  metricKey: z.string().trim().max(100).nullable().optional(),
  metricParams: z.record(z.string(), z.unknown()).default({}),
  sortOrder: z.int().min(0).max(10_000).default(0),
});
const sourceRefinement = (
  v: { source: IndicatorSource; metricKey?: string | null },
  ctx: z.RefinementCtx,
): void => {
  if (v.source === 'metric' && !v.metricKey)
    ctx.addIssue({ code: 'custom', path: ['metricKey'], message: 'zod.required' });
};

/**
 * A new indicator of a project: a definition from the library (`definitionId`) or a new
 * project-specific one (`newDefinition`), exactly one of the two.
 */
export const ProjectIndicatorInput = ProjectIndicatorSettings.extend({
  definitionId: z.uuid().nullable().optional(),
  newDefinition: IndicatorDefinitionFields.nullable().optional(),
}).superRefine((v, ctx) => {
  if (!v.definitionId === !v.newDefinition)
    ctx.addIssue({ code: 'custom', path: ['definitionId'], message: 'indicator.definitionChoice' });
  sourceRefinement(v, ctx);
});
export type ProjectIndicatorInput = z.input<typeof ProjectIndicatorInput>;

/** The settings replace the indicator's (the order stays when `sortOrder` is left out). */
export const ProjectIndicatorUpdate = ProjectIndicatorSettings.extend({
  sortOrder: z.int().min(0).max(10_000).optional(),
  version: z.int().min(1),
}).superRefine(sourceRefinement);
export type ProjectIndicatorUpdate = z.input<typeof ProjectIndicatorUpdate>;

export const AsOfQuery = z.object({ asOf: IsoDate.optional() });

const Figure = z.object({
  value: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  breakdown: z.record(z.string(), z.record(z.string(), z.number())),
});

export const CurrentValue = Figure.extend({
  measuredOn: z.string(),
  origin: ValueOriginKey,
});
export type CurrentValue = z.infer<typeof CurrentValue>;

export const ProjectIndicator = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  definition: IndicatorDefinitionSummary,
  baseline: z.string(),
  target: z.string(),
  targetBreakdown: z.record(z.string(), z.record(z.string(), z.number())),
  source: IndicatorSourceKey,
  metricKey: z.string().nullable(),
  metricLabel: z.object({ pl: z.string(), en: z.string() }).nullable(),
  metricParams: z.record(z.string(), z.unknown()),
  sortOrder: z.int(),
  /** The value as of the list's day; null before the first one. */
  current: CurrentValue.nullable(),
  /** Hundredths of a percent of the target reached. */
  achieved: z.int().nullable(),
  band: IndicatorBandKey,
  /** The metric could not be computed as of the day (its error is logged). */
  metricFailed: z.boolean(),
  version: z.int(),
  abilities: z.object({
    update: z.boolean(),
    remove: z.boolean(),
    enterValue: z.boolean(),
    measure: z.boolean(),
  }),
});
export type ProjectIndicator = z.infer<typeof ProjectIndicator>;

export const BandCounts = z.object(
  Object.fromEntries(bandKeys.map((k) => [k, z.int()])) as Record<IndicatorBand, ReturnType<typeof z.int>>,
);
export type BandCounts = z.infer<typeof BandCounts>;
export const emptyBandCounts = (): BandCounts =>
  Object.fromEntries(bandKeys.map((k) => [k, 0])) as BandCounts;

export const ProjectIndicatorList = z.object({
  projectId: z.uuid(),
  /** The day the figures are for; `live` when they are the stored latest values (no `asOf` asked). */
  asOf: z.string(),
  live: z.boolean(),
  project: z.object({
    startsOn: z.string(),
    endsOn: z.string(),
    /** Hundredths of a percent of the project's period elapsed on `asOf`. */
    elapsed: z.int(),
  }),
  items: z.array(ProjectIndicator),
  byBand: BandCounts,
  abilities: z.object({ manage: z.boolean() }),
});
export type ProjectIndicatorList = z.infer<typeof ProjectIndicatorList>;

export const Evidence = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.int(),
});
export type Evidence = z.infer<typeof Evidence>;

export const IndicatorValue = Figure.extend({
  id: z.uuid(),
  measuredOn: z.string(),
  origin: ValueOriginKey,
  sourceNote: z.string().nullable(),
  evidence: Evidence.nullable(),
  supersedesId: z.uuid().nullable(),
  /** The correction that replaced this value, if any. */
  supersededById: z.uuid().nullable(),
  enteredBy: Ref.nullable(),
  enteredAt: z.string(),
  /** Dated inside a frozen reporting period: kept as reported, no longer corrected. */
  frozen: z.boolean(),
  abilities: z.object({ correct: z.boolean() }),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorValueSeries = z.object({
  indicatorId: z.uuid(),
  baseline: z.string(),
  target: z.string(),
  unit: IndicatorUnitKey,
  /** Every recorded row, newest measurement first (corrected ones too, marked). */
  items: z.array(IndicatorValue),
  /** The values in force, one per measurement day, oldest first: the chart's line. */
  points: z.array(z.object({ measuredOn: z.string(), value: z.string() })),
});
export type IndicatorValueSeries = z.infer<typeof IndicatorValueSeries>;

/**
 * A value entered by hand: the day it is true for, the value (or, for a percent indicator, the
 * numerator and the denominator), an optional breakdown, the source and an uploaded evidence file.
 */
export const ManualValueInput = z.object({
  measuredOn: IsoDate,
  value: Decimal.nullable()
    .optional()
    .transform((v) => v ?? null),
  numerator: Decimal.nullable()
    .optional()
    .transform((v) => v ?? null),
  denominator: Decimal.nullable()
    .optional()
    .transform((v) => v ?? null),
  breakdown: BreakdownSchema,
  sourceNote: required(2000),
  evidenceDocumentId: z
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ManualValueInput = z.input<typeof ManualValueInput>;

export const ReportingPeriodInput = z
  .object({ name: required(200), startsOn: IsoDate, endsOn: IsoDate })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'indicator.period.range' });
export type ReportingPeriodInput = z.input<typeof ReportingPeriodInput>;

export const ReportedFigure = Figure.extend({
  projectIndicatorId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  unit: IndicatorUnitKey,
  target: z.string(),
  achieved: z.int().nullable(),
});
export type ReportedFigure = z.infer<typeof ReportedFigure>;

export const ReportingPeriod = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: ReportingPeriodStatusKey,
  frozenAt: z.string().nullable(),
  frozenBy: Ref.nullable(),
  /** What was reported when the period was frozen (empty while it is open). */
  figures: z.array(ReportedFigure),
  version: z.int(),
  abilities: z.object({ freeze: z.boolean(), remove: z.boolean() }),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

export const ReportingPeriodList = z.object({
  items: z.array(ReportingPeriod),
  abilities: z.object({ create: z.boolean() }),
});
export type ReportingPeriodList = z.infer<typeof ReportingPeriodList>;

export const VersionBody = z.object({ version: z.int().min(1) });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const PortfolioQuery = z.object({
  /** A catalogue node: projects placed on it or below it. */
  programme: z.uuid().optional(),
  status: ProjectStatusKey.optional(),
  /** An institution as the leader or a partner. */
  institution: z.uuid().optional(),
  /** A województwo (TERYT, 2 digits) of the leader or of a partner. */
  region: ProjectRegionKey.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PortfolioQuery = z.input<typeof PortfolioQuery>;

export const PortfolioProject = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  shortTitle: z.string().nullable(),
  status: ProjectStatusKey,
  leader: Ref,
  startsOn: z.string(),
  endsOn: z.string(),
  elapsed: z.int(),
  indicators: z.int(),
  byBand: BandCounts,
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;

export const PortfolioIndicator = z.object({
  definitionId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  unit: IndicatorUnitKey,
  type: IndicatorTypeKey,
  projects: z.int(),
  byBand: BandCounts,
  /** Sums over the projects (not for percent indicators, whose shares do not add up). */
  target: z.string().nullable(),
  current: z.string().nullable(),
  achieved: z.int().nullable(),
});
export type PortfolioIndicator = z.infer<typeof PortfolioIndicator>;

export const Portfolio = z.object({
  asOf: z.string(),
  totals: z.object({ projects: z.int(), indicators: z.int(), byBand: BandCounts }),
  projects: z.array(PortfolioProject),
  /** The most used definitions across the projects (at most 50). */
  indicators: z.array(PortfolioIndicator),
});
export type Portfolio = z.infer<typeof Portfolio>;
