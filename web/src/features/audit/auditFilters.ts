import type { AuditFilters } from './auditApi';

/** URL parameter (Polish, as the rest of the app's URLs) of each filter. */
export const filterParams = {
  userId: 'uzytkownik',
  institutionId: 'instytucja',
  action: 'akcja',
  outcome: 'wynik',
  recordType: 'typ',
  recordId: 'rekord',
  from: 'od',
  to: 'do',
} as const satisfies Record<keyof AuditFilters, string>;

export type FilterKey = keyof typeof filterParams;
export const filterKeys = Object.keys(filterParams) as FilterKey[];

export const auditOutcomes = ['success', 'denied', 'failure'] as const;
export type AuditOutcomeKey = (typeof auditOutcomes)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isUuid = (value: string) => UUID.test(value.trim());

/** The filters in a URL; values the API would refuse (a partial id, a malformed date) are left out. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const out: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(filterParams[key])?.trim();
    if (!value) continue;
    if ((key === 'userId' || key === 'institutionId') && !isUuid(value)) continue;
    if ((key === 'from' || key === 'to') && !ISO_DATE.test(value)) continue;
    if (key === 'outcome' && !(auditOutcomes as readonly string[]).includes(value)) continue;
    out[key] = value;
  }
  return out as AuditFilters;
}

/** URL search string for the given filters (empty ones left out). */
export function searchOf(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(filterParams[key], String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Link to the history of one record: who saw and changed it. */
export const recordHistoryLink = (recordType: string, recordId: string) =>
  `/audyt${searchOf({ recordType, recordId })}`;
