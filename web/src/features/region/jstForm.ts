import {
  type Cus,
  type JstRegisterEntry,
  JstRegisterUpdate,
  type Lpdi,
  type LpdiStatus,
} from '@kooperacja/domain';

/** The fields of the LPDI, in the order of the form. */
export const lpdiFields = [
  'status',
  'preparationStartedOn',
  'resolutionNumber',
  'adoptedOn',
  'updatedOn',
  'periodFrom',
  'periodTo',
  'plannedServices',
] as const;
export type LpdiField = (typeof lpdiFields)[number];

export const cusFields = [
  'exists',
  'mode',
  'createdOn',
  'programmeAdoptedOn',
  'lastDiagnosisOn',
  'ipusOpen',
  'ipusClosed',
] as const;
export type CusField = (typeof cusFields)[number];

/**
 * The LPDI fields that belong to a status (the others are left out of the form and sent empty):
 * no plan has no details; a plan in preparation has its start, period and services; an adopted plan
 * adds its resolution; an updated one the date of the update.
 */
export const lpdiFieldsOf: Record<LpdiStatus, readonly LpdiField[]> = {
  brak: [],
  w_przygotowaniu: ['preparationStartedOn', 'periodFrom', 'periodTo', 'plannedServices'],
  przyjety: [
    'preparationStartedOn',
    'resolutionNumber',
    'adoptedOn',
    'periodFrom',
    'periodTo',
    'plannedServices',
  ],
  zaktualizowany: [
    'preparationStartedOn',
    'resolutionNumber',
    'adoptedOn',
    'updatedOn',
    'periodFrom',
    'periodTo',
    'plannedServices',
  ],
};

/** The fields the contract requires for a status (marked with an asterisk). */
export const lpdiRequiredOf: Record<LpdiStatus, readonly LpdiField[]> = {
  brak: [],
  w_przygotowaniu: ['preparationStartedOn'],
  przyjety: ['resolutionNumber', 'adoptedOn', 'periodFrom', 'periodTo'],
  zaktualizowany: ['resolutionNumber', 'adoptedOn', 'updatedOn', 'periodFrom', 'periodTo'],
};

/** Numbers as Mantine's NumberInput holds them: '' when empty. */
type NumberValue = number | string;

export interface JstFormValues {
  lpdi: {
    status: LpdiStatus;
    preparationStartedOn: string | null;
    resolutionNumber: string;
    adoptedOn: string | null;
    updatedOn: string | null;
    periodFrom: NumberValue;
    periodTo: NumberValue;
    /** One service per line. */
    plannedServices: string;
  };
  /** Gminy only; null for a powiat. */
  cus: {
    exists: boolean;
    mode: string | null;
    createdOn: string | null;
    programmeAdoptedOn: string | null;
    lastDiagnosisOn: string | null;
    ipusOpen: NumberValue;
    ipusClosed: NumberValue;
  } | null;
}

const num = (v: number | null | undefined): NumberValue => (v === null || v === undefined ? '' : v);

export function formValuesOf(entry: JstRegisterEntry): JstFormValues {
  const l = entry.lpdi as Partial<Lpdi> | null;
  const c = entry.cus as Partial<Cus> | null;
  return {
    lpdi: {
      status: l?.status ?? 'brak',
      preparationStartedOn: l?.preparationStartedOn ?? null,
      resolutionNumber: l?.resolutionNumber ?? '',
      adoptedOn: l?.adoptedOn ?? null,
      updatedOn: l?.updatedOn ?? null,
      periodFrom: num(l?.periodFrom),
      periodTo: num(l?.periodTo),
      plannedServices: (l?.plannedServices ?? []).join('\n'),
    },
    cus:
      entry.level === 'gmina'
        ? {
            exists: c?.exists ?? false,
            mode: c?.mode ?? null,
            createdOn: c?.createdOn ?? null,
            programmeAdoptedOn: c?.programmeAdoptedOn ?? null,
            lastDiagnosisOn: c?.lastDiagnosisOn ?? null,
            ipusOpen: num(c?.ipusOpen),
            ipusClosed: num(c?.ipusClosed),
          }
        : null,
  };
}

const toNumber = (v: NumberValue): number | null => {
  if (v === '' || v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};
const dateOrNull = (v: string | null) => (v ? v : null);

/**
 * The PUT body from the form: only the fields of the chosen LPDI status and, without a CUS, no CUS
 * details (a field the user cannot see is never sent with an old value).
 */
export function updateOf(values: JstFormValues, version: number): JstRegisterUpdate {
  const l = values.lpdi;
  const shown = new Set<LpdiField>(lpdiFieldsOf[l.status]);
  const pick = <T>(field: LpdiField, value: T, empty: T) => (shown.has(field) ? value : empty);
  const lpdi = {
    status: l.status,
    preparationStartedOn: pick('preparationStartedOn', dateOrNull(l.preparationStartedOn), null),
    resolutionNumber: pick('resolutionNumber', l.resolutionNumber.trim() || null, null),
    adoptedOn: pick('adoptedOn', dateOrNull(l.adoptedOn), null),
    updatedOn: pick('updatedOn', dateOrNull(l.updatedOn), null),
    periodFrom: pick('periodFrom', toNumber(l.periodFrom), null),
    periodTo: pick('periodTo', toNumber(l.periodTo), null),
    plannedServices: pick(
      'plannedServices',
      l.plannedServices
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      [],
    ),
  };
  const c = values.cus;
  const cus =
    c === null
      ? null
      : c.exists
        ? {
            exists: true,
            mode: (c.mode || null) as Cus['mode'],
            createdOn: dateOrNull(c.createdOn),
            programmeAdoptedOn: dateOrNull(c.programmeAdoptedOn),
            lastDiagnosisOn: dateOrNull(c.lastDiagnosisOn),
            ipusOpen: toNumber(c.ipusOpen),
            ipusClosed: toNumber(c.ipusClosed),
          }
        : {
            exists: false,
            mode: null,
            createdOn: null,
            programmeAdoptedOn: null,
            lastDiagnosisOn: null,
            ipusOpen: null,
            ipusClosed: null,
          };
  return { lpdi, cus, version };
}

/** A field rule broken, as the contract names it: the field's path and a message key. */
export interface RuleIssue {
  field: string;
  /** A contract message key (`region.lpdi.periodOrder`, `date.format`) or a zod issue code. */
  rule: string;
}

/** The contract's field rules on the body the form would send (the same rules the server applies). */
export function ruleIssues(body: JstRegisterUpdate): RuleIssue[] {
  const result = JstRegisterUpdate.safeParse(body);
  if (result.success) return [];
  const seen = new Set<string>();
  const out: RuleIssue[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const custom =
      issue.code === 'custom' || issue.message.startsWith('region.') || issue.message === 'date.format';
    out.push({ field, rule: custom ? issue.message : issue.code });
  }
  return out;
}
