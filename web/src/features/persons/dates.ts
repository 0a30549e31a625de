const pad2 = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in local time (the calendar day the user sees). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** Props shared by the date fields of these forms: typed as DD.MM.YYYY, shown the same way. */
export { parsePolishDate } from '../audit/AuditFiltersForm';
