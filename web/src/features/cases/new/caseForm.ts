import type { CaseCreate } from '@kooperacja/domain';

export type SubjectKind = 'person' | 'household';

export interface CaseFormValues {
  subjectKind: SubjectKind;
  personId: string | null;
  /** What the chosen person or household is called (shown; not sent). */
  personLabel: string | null;
  householdId: string | null;
  householdLabel: string | null;
  /** The person through whom a household is looked up (household mode). */
  memberId: string | null;
  memberLabel: string | null;
  source: string | null;
  sourceDetails: string;
  openedOn: string | null;
  /** Codes of the chosen reasons, in the order chosen. */
  reasons: string[];
  mainReason: string | null;
  leadWorkerId: string | null;
  coWorkerIds: string[];
  summary: string;
}

export function emptyCaseValues(overrides: Partial<CaseFormValues> = {}): CaseFormValues {
  return {
    subjectKind: 'person',
    personId: null,
    personLabel: null,
    householdId: null,
    householdLabel: null,
    memberId: null,
    memberLabel: null,
    source: null,
    sourceDetails: '',
    openedOn: null,
    reasons: [],
    mainReason: null,
    leadWorkerId: null,
    coWorkerIds: [],
    summary: '',
    ...overrides,
  };
}

/** Checking a reason makes it the main one when it is the only one; unchecking the main one clears it. */
export function toggleReason(
  v: Pick<CaseFormValues, 'reasons' | 'mainReason'>,
  code: string,
  checked: boolean,
): Pick<CaseFormValues, 'reasons' | 'mainReason'> {
  const reasons = checked
    ? [...v.reasons.filter((r) => r !== code), code]
    : v.reasons.filter((r) => r !== code);
  let mainReason = v.mainReason && reasons.includes(v.mainReason) ? v.mainReason : null;
  if (!mainReason && reasons.length === 1) mainReason = reasons[0] ?? null;
  return { reasons, mainReason };
}

/** The request body: exactly the chosen subject, reasons with their main flag. */
export function caseInputOf(v: CaseFormValues, meId: string | undefined): CaseCreate {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    ...(v.subjectKind === 'person' ? { personId: v.personId } : { householdId: v.householdId }),
    source: v.source as CaseCreate['source'],
    sourceDetails: opt(v.sourceDetails),
    ...(v.openedOn ? { openedOn: v.openedOn } : {}),
    reasons: v.reasons.map((code) => ({
      code: code as CaseCreate['reasons'][number]['code'],
      main: code === v.mainReason,
    })),
    ...(v.leadWorkerId && v.leadWorkerId !== meId ? { leadWorkerId: v.leadWorkerId } : {}),
    coWorkerIds: v.coWorkerIds.filter((id) => id !== v.leadWorkerId),
    summary: opt(v.summary),
  };
}

/** The form field a server validation error belongs to (`reasons.0.code` → `reasons`). */
export function caseFieldOf(field: string): string {
  const f = field.replace(/^body\./, '');
  if (f.startsWith('reasons')) return 'reasons';
  if (f === 'personId' || f === 'householdId') return 'subject';
  if (f.startsWith('coWorkerIds')) return 'coWorkerIds';
  return f;
}
