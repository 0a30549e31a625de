import type { CaseStatus } from '@kooperacja/domain';
import type { TFunction } from 'i18next';

/** Refusal message keys the server sends for a transition, mapped to our explanations. */
const KNOWN = new Set([
  'same',
  'notAllowed',
  'needsDiagnosis',
  'needsPlan',
  'reopenOnlySupervisor',
  'closedReadOnly',
  'assignOnlySupervisor',
]);

/**
 * A transition's refusal (`case.transition.needsDiagnosis`) in words; a key we do not know gets a
 * general explanation rather than the raw key.
 */
export function refusalText(t: TFunction, refusal: string | null): string {
  const last = refusal?.split('.').pop() ?? '';
  return KNOWN.has(last)
    ? t(`cases.page.refusal.${last}` as 'cases.page.refusal.generic')
    : t('cases.page.refusal.generic');
}

/** Refusals of steps that are simply not next in the flow: not worth showing as blocked buttons. */
export const isNoiseRefusal = (refusal: string | null) =>
  refusal === 'case.transition.same' || refusal === 'case.transition.notAllowed';

/** The status flow in its order. */
export const STATUS_ORDER: readonly CaseStatus[] = [
  'zgloszenie',
  'diagnoza',
  'plan',
  'realizacja',
  'monitorowanie',
  'zamknieta',
];

export type TransitionKind = 'forward' | 'back' | 'close' | 'reopen';

export function transitionKind(from: CaseStatus, to: CaseStatus): TransitionKind {
  if (to === 'zamknieta') return 'close';
  if (from === 'zamknieta') return 'reopen';
  return STATUS_ORDER.indexOf(to) > STATUS_ORDER.indexOf(from) ? 'forward' : 'back';
}
