import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { UnitLevel } from '../territory/territory.schemas.js';

/**
 * Regional monitoring (DOMAIN.md §5, issue "Regional monitoring (ROPS)…", docs/region.md): the
 * register of the JST of a województwo — the local plan of deinstitutionalisation (LPDI) of every
 * gmina and powiat, the social services centre (CUS) of every gmina — and the measures of the
 * regional map, with small counts suppressed so that no family can be recognised.
 *
 * Dates are calendar dates (YYYY-MM-DD). Field rules are message keys (pl/en on the server).
 */
type Labels = { pl: string; en: string };

export const lpdiStatuses = {
  brak: { pl: 'Brak', en: 'None' },
  w_przygotowaniu: { pl: 'W przygotowaniu', en: 'Being prepared' },
  przyjety: { pl: 'Przyjęty', en: 'Adopted' },
  zaktualizowany: { pl: 'Zaktualizowany', en: 'Updated' },
} as const satisfies Record<string, Labels>;
export type LpdiStatus = keyof typeof lpdiStatuses;
export const LpdiStatus = z.enum(keysOf(lpdiStatuses));

/** How a gmina's CUS came to be (act of 19 July 2019 on social services centres). */
export const cusModes = {
  przeksztalcenie_ops: { pl: 'Przekształcenie OPS', en: 'Transformed from the OPS' },
  nowa_jednostka: { pl: 'Nowa jednostka', en: 'A new unit' },
  porozumienie_miedzygminne: { pl: 'Porozumienie międzygminne', en: 'Inter-gmina agreement' },
} as const satisfies Record<string, Labels>;
export type CusMode = keyof typeof cusModes;
export const CusMode = z.enum(keysOf(cusModes));

/**
 * The measures of the regional map. `kind` says how a value reads: a status of the unit (categories),
 * a count, or a rate per 10,000 inhabitants (computed from a count, which is what gets suppressed).
 */
export const regionMeasures = {
  lpdi: {
    label: { pl: 'Status LPDI', en: 'LPDI status' },
    kind: 'categories',
  },
  cus: {
    label: { pl: 'Centrum usług społecznych (CUS)', en: 'Social services centre (CUS)' },
    kind: 'categories',
  },
  partnerships: {
    label: { pl: 'Aktywne partnerstwa', en: 'Active partnerships' },
    kind: 'count',
  },
  case_teams_per_10k: {
    label: {
      pl: 'Sprawy z zespołem wielosektorowym na 10 tys. mieszkańców',
      en: 'Cases with a multi-sector team per 10,000 inhabitants',
    },
    kind: 'rate',
  },
  participants_per_10k: {
    label: {
      pl: 'Uczestnicy projektów na 10 tys. mieszkańców',
      en: 'Project participants per 10,000 inhabitants',
    },
    kind: 'rate',
  },
  staff_trained: {
    label: {
      pl: 'Przeszkoleni pracownicy (platforma szkoleń)',
      en: 'Staff trained (training platform)',
    },
    kind: 'count',
  },
} as const satisfies Record<string, { label: Labels; kind: 'categories' | 'count' | 'rate' }>;
export type RegionMeasure = keyof typeof regionMeasures;
export const RegionMeasure = z.enum(keysOf(regionMeasures));

/** Counts of persons or cases from 1 to this − 1 are never shown in region-wide outputs. */
export const SUPPRESSION_THRESHOLD = 5;

/**
 * A count as a region-wide output may show it: `null` when it is 1–4 (it could point at a family).
 * Zero is shown: it tells nothing about anyone (docs/region.md, "Suppression").
 */
export function suppressSmallCount(count: number): number | null {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? null : count;
}

/** A rate per 10,000 inhabitants from a count, suppressed with its count; null without a population. */
export function ratePer10k(count: number, population: number | null): number | null {
  if (suppressSmallCount(count) === null || !population) return null;
  return Math.round((count / population) * 10_000 * 10) / 10;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });
const nullableDate = isoDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const year = z
  .number()
  .int()
  .min(2000)
  .max(2100)
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const count = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .nullable()
  .optional()
  .transform((v) => v ?? null);

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: path.split('.'), message });

/** The local plan of deinstitutionalisation of a gmina or powiat. */
export const LpdiInput = z
  .object({
    status: LpdiStatus,
    /** Since when the plan is being prepared (required for "w przygotowaniu"). */
    preparationStartedOn: nullableDate,
    /** Number of the council's resolution adopting the plan, e.g. "XII/87/2024". */
    resolutionNumber: text(100),
    adoptedOn: nullableDate,
    /** Date of the resolution of the latest update (status "zaktualizowany"). */
    updatedOn: nullableDate,
    periodFrom: year,
    periodTo: year,
    /** Services the plan foresees (free text, one per line in the form). */
    plannedServices: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'w_przygotowaniu' && !v.preparationStartedOn)
      issue(ctx, 'preparationStartedOn', 'region.lpdi.preparationRequired');
    if (v.status === 'przyjety' || v.status === 'zaktualizowany') {
      if (!v.resolutionNumber) issue(ctx, 'resolutionNumber', 'region.lpdi.resolutionRequired');
      if (!v.adoptedOn) issue(ctx, 'adoptedOn', 'region.lpdi.adoptedOnRequired');
      if (v.periodFrom === null) issue(ctx, 'periodFrom', 'region.lpdi.periodRequired');
      if (v.periodTo === null) issue(ctx, 'periodTo', 'region.lpdi.periodRequired');
    }
    if (v.status === 'zaktualizowany') {
      if (!v.updatedOn) issue(ctx, 'updatedOn', 'region.lpdi.updatedOnRequired');
      else if (v.adoptedOn && v.updatedOn < v.adoptedOn)
        issue(ctx, 'updatedOn', 'region.lpdi.updatedBeforeAdopted');
    }
    if (v.status !== 'zaktualizowany' && v.updatedOn)
      issue(ctx, 'updatedOn', 'region.lpdi.updatedOnOnlyWhenUpdated');
    if (v.status === 'brak') {
      for (const f of ['resolutionNumber', 'adoptedOn', 'preparationStartedOn'] as const)
        if (v[f]) issue(ctx, f, 'region.lpdi.noneHasNoDetails');
    }
    if (v.preparationStartedOn && v.adoptedOn && v.adoptedOn < v.preparationStartedOn)
      issue(ctx, 'adoptedOn', 'region.lpdi.adoptedBeforePreparation');
    if (v.periodFrom !== null && v.periodTo !== null && v.periodTo < v.periodFrom)
      issue(ctx, 'periodTo', 'region.lpdi.periodOrder');
  });
export type LpdiInput = z.input<typeof LpdiInput>;
export type Lpdi = z.output<typeof LpdiInput>;

/** The social services centre of a gmina. */
export const CusInput = z
  .object({
    exists: z.boolean(),
    mode: CusMode.nullable()
      .optional()
      .transform((v) => v ?? null),
    createdOn: nullableDate,
    /** The gmina council adopted the programme of social services (program usług społecznych). */
    programmeAdoptedOn: nullableDate,
    /** Date of the latest diagnosis of needs and potential. */
    lastDiagnosisOn: nullableDate,
    /** Individual social services programmes (IPUS) open and closed. */
    ipusOpen: count,
    ipusClosed: count,
  })
  .superRefine((v, ctx) => {
    if (v.exists) {
      if (!v.mode) issue(ctx, 'mode', 'region.cus.modeRequired');
      if (!v.createdOn) issue(ctx, 'createdOn', 'region.cus.createdOnRequired');
      if (v.programmeAdoptedOn && v.createdOn && v.programmeAdoptedOn < v.createdOn)
        issue(ctx, 'programmeAdoptedOn', 'region.cus.programmeBeforeCreated');
    } else {
      for (const f of [
        'mode',
        'createdOn',
        'programmeAdoptedOn',
        'lastDiagnosisOn',
        'ipusOpen',
        'ipusClosed',
      ] as const)
        if (v[f] !== null) issue(ctx, f, 'region.cus.noCusHasNoDetails');
    }
  });
export type CusInput = z.input<typeof CusInput>;
export type Cus = z.output<typeof CusInput>;

/**
 * A change of one JST's entry: the LPDI (gmina or powiat) and the CUS (gminy only: `null` for a
 * powiat), with the version read (a stale version is refused with 409).
 */
export const JstRegisterUpdate = z.object({
  lpdi: LpdiInput,
  cus: CusInput.nullable(),
  version: z.number().int().min(0),
});
export type JstRegisterUpdate = z.input<typeof JstRegisterUpdate>;

/** The LPDI status a plan had on a day, from its dates (for the map's time selector and metrics). */
export function lpdiStatusOn(
  lpdi: Pick<Lpdi, 'status' | 'preparationStartedOn' | 'adoptedOn' | 'updatedOn'> | null,
  day: string,
): LpdiStatus {
  if (!lpdi || lpdi.status === 'brak') return 'brak';
  if (lpdi.updatedOn && lpdi.updatedOn <= day && lpdi.status === 'zaktualizowany') return 'zaktualizowany';
  if (lpdi.adoptedOn && lpdi.adoptedOn <= day && lpdi.status !== 'w_przygotowaniu') return 'przyjety';
  if (lpdi.preparationStartedOn && lpdi.preparationStartedOn <= day) return 'w_przygotowaniu';
  return 'brak';
}

/** Whether a gmina had its CUS on a day. */
export function cusExistsOn(cus: Pick<Cus, 'exists' | 'createdOn'> | null, day: string): boolean {
  return !!cus?.exists && !!cus.createdOn && cus.createdOn <= day;
}

/**
 * The LPDI and the CUS as the API returns them: the shapes of {@link Lpdi} and {@link Cus} without
 * the input's transforms and rules (a response schema is encoded, and a transform cannot be).
 */
export const LpdiRecord = z.object({
  status: LpdiStatus,
  preparationStartedOn: z.string().nullable(),
  resolutionNumber: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  updatedOn: z.string().nullable(),
  periodFrom: z.number().int().nullable(),
  periodTo: z.number().int().nullable(),
  plannedServices: z.array(z.string()),
});
export const CusRecord = z.object({
  exists: z.boolean(),
  mode: CusMode.nullable(),
  createdOn: z.string().nullable(),
  programmeAdoptedOn: z.string().nullable(),
  lastDiagnosisOn: z.string().nullable(),
  ipusOpen: z.number().int().nullable(),
  ipusClosed: z.number().int().nullable(),
});

/** One JST in the register (the response of GET …/jst/:teryt and a row of the list). */
export const JstRegisterEntry = z.object({
  teryt: z.string(),
  name: z.string(),
  level: UnitLevel,
  kind: z.string(),
  powiatTeryt: z.string().nullable(),
  population: z.number().int().nullable(),
  lpdi: LpdiRecord.nullable(),
  /** Gminy only; null for a powiat or a gmina without an entry. */
  cus: CusRecord.nullable(),
  /** Partnerships whose territory is this unit (or, for a powiat, one of its gminy) active today. */
  partnerships: z.object({ active: z.number().int(), models: z.array(z.string()) }),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type JstRegisterEntry = z.infer<typeof JstRegisterEntry>;

export const JstRegisterList = z.object({
  woj: z.object({ teryt: z.string(), name: z.string() }),
  items: z.array(JstRegisterEntry.omit({ abilities: true })),
  abilities: z.object({ edit: z.boolean() }),
});
export type JstRegisterList = z.infer<typeof JstRegisterList>;

/** One change in a JST's history: who, when, and the entry before and after. */
export const JstHistoryEntry = z.object({
  id: z.string(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  before: z.object({ lpdi: LpdiRecord.nullable(), cus: CusRecord.nullable() }).nullable(),
  after: z.object({ lpdi: LpdiRecord.nullable(), cus: CusRecord.nullable() }),
});
export type JstHistoryEntry = z.infer<typeof JstHistoryEntry>;
export const JstHistory = z.object({ items: z.array(JstHistoryEntry) });
export type JstHistory = z.infer<typeof JstHistory>;

export const RegionMapQuery = z.object({
  measure: RegionMeasure.default('lpdi'),
  level: z.enum(['gmina', 'powiat']).default('gmina'),
  /** The day the map shows (default: today in Warsaw). */
  asOf: isoDate.optional(),
});
export type RegionMapQuery = z.input<typeof RegionMapQuery>;

/**
 * One unit of the map. `category` for the status measures (an LPDI status key; for CUS `tak`/`nie`
 * on gminy, and on powiaty the count of its gminy with a CUS in `value`); `value` for counts and
 * rates, `null` with `suppressed: true` when the underlying count is 1–4.
 */
export const RegionMapUnit = z.object({
  teryt: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  category: z.string().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type RegionMapUnit = z.infer<typeof RegionMapUnit>;

export const RegionMap = z.object({
  woj: z.object({ teryt: z.string(), name: z.string() }),
  measure: RegionMeasure,
  level: z.enum(['gmina', 'powiat']),
  asOf: z.string(),
  units: z.array(RegionMapUnit),
  /** Region totals for the cards beside the map (suppressed like the units). */
  summary: z.object({
    jst: z.number().int(),
    jstWithLpdi: z.number().int(),
    /** Share of JST (gminy and powiaty) with an adopted or updated LPDI, in percent (one decimal). */
    lpdiSharePercent: z.number(),
    gminyWithCus: z.number().int(),
    jstWithPartnership: z.number().int(),
  }),
});
export type RegionMap = z.infer<typeof RegionMap>;

/** The województwa the user may monitor (GET /api/region): those of their institutions holding region.monitor. */
export const RegionScope = z.object({
  regions: z.array(z.object({ teryt: z.string(), name: z.string(), edit: z.boolean() })),
});
export type RegionScope = z.infer<typeof RegionScope>;

/** The regional report (GET /api/region/:woj/report.pdf | report.xlsx): the state on a day. */
export const RegionReportQuery = z.object({
  /** The day the report describes (default: today in Warsaw). */
  asOf: isoDate.optional(),
});
export type RegionReportQuery = z.input<typeof RegionReportQuery>;
