import type { Notification } from '@kooperacja/domain';
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format';

/** The parameters shown under the message, in this order; others are ignored. */
const DETAIL_PARAMS = [
  'training',
  'outcome',
  'referral',
  'case',
  'project',
  'institution',
  'meeting',
  'answer',
  'count',
  'due',
] as const;

/** The message of a notification from its kind (a generic text for a kind this version does not know). */
export function notificationTitle(t: TFunction, n: Pick<Notification, 'kind' | 'params'>): string {
  const source = n.params.source === 'meeting' ? 'meeting' : 'plan';
  if (n.kind === 'action.dueTomorrow' || n.kind === 'action.overdue')
    return t(`notifications.kinds.${n.kind}.${source}` as never);
  return t(`notifications.kinds.${n.kind}` as never, { defaultValue: t('notifications.kinds.unknown') });
}

/** "Skierowanie SK/2026/0001 · Sprawa MOPS-B/2026/0007 · Termin: 12.03.2026" */
export function notificationDetails(t: TFunction, n: Pick<Notification, 'params'>): string {
  const parts: string[] = [];
  for (const key of DETAIL_PARAMS) {
    const value = n.params[key];
    if (value === null || value === undefined || value === '') continue;
    if (key === 'answer')
      parts.push(t(value === 'accept' ? 'notifications.params.accepted' : 'notifications.params.declined'));
    else if (key === 'outcome')
      parts.push(
        t(`notifications.params.outcomes.${String(value)}` as never, { defaultValue: String(value) }),
      );
    else
      parts.push(
        t(`notifications.params.${key}` as never, {
          value: key === 'due' ? formatDate(String(value)) : value,
        }),
      );
  }
  return parts.join(' · ');
}
