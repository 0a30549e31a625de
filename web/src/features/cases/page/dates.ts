/** Calendar and clock helpers of the case page (local time of the browser, Polish conventions). */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A local calendar day as `YYYY-MM-DD`. */
export function isoDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** `YYYY-MM-DD` plus whole months (the 31st clamps to the end of a shorter month). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(y, m - 1 + months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d, last));
  return isoDay(target);
}

/** The value of an `<input type="datetime-local">`: `YYYY-MM-DDTHH:mm` in local time. */
export function toLocalInput(d: Date = new Date()): string {
  return `${isoDay(d)}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * `YYYY-MM-DDTHH:mm` (local) → ISO 8601 with the local offset, `2026-03-05T14:30:00+01:00`; null for
 * a value that is not a valid local date-time.
 */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h)
    return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${value.trim()}:00${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Whether a calendar day (`YYYY-MM-DD`) is before today. */
export const isPastDay = (day: string | null | undefined, today = isoDay()) => !!day && day < today;
