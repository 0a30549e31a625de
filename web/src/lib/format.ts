/**
 * Pure, locale-fixed formatters for values shown in the UI. Polish conventions regardless of UI
 * language: dates DD.MM.YYYY, amounts in PLN to the grosz, thousands grouped with a (non-breaking)
 * space even for four-digit numbers ("2 479").
 */

const LOCALE = 'pl-PL';

const numberFormat = new Intl.NumberFormat(LOCALE, { useGrouping: 'always', maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'PLN',
  useGrouping: 'always',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const pad2 = (n: number) => String(n).padStart(2, '0');

function toDate(value: Date | string | number): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') {
    // A bare ISO date is a calendar day, not an instant: do not let the time zone shift it.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `DD.MM.YYYY`; empty string for null, undefined or an unparsable value. */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  return `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** `DD.MM.YYYY HH:mm` in local time. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  return `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** `DD.MM.YYYY HH:mm:ss` in local time (audit entries, where the second matters). */
export function formatDateTimeSeconds(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  return `${formatDateTime(d)}:${pad2(d.getSeconds())}`;
}

/** An integer count grouped the Polish way: 2479 → "2 479" (with U+00A0). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return numberFormat.format(value);
}

/**
 * Money held as an integer number of grosze → "1 234,56 zł". Amounts are never floats in the
 * domain, so a fractional input is a programming error and throws.
 */
export function formatMoney(grosze: number | bigint | null | undefined): string {
  if (grosze === null || grosze === undefined) return '';
  if (typeof grosze === 'bigint') {
    const negative = grosze < 0n;
    const abs = negative ? -grosze : grosze;
    const zlote = abs / 100n;
    const rest = abs % 100n;
    // Intl formats bigint exactly; build the decimal string by hand to keep precision.
    const zloteText = new Intl.NumberFormat(LOCALE, { useGrouping: 'always' }).format(zlote);
    return `${negative ? '-' : ''}${zloteText},${String(rest).padStart(2, '0')}\u00a0zł`;
  }
  if (!Number.isSafeInteger(grosze))
    throw new RangeError(`Money must be an integer number of grosze: ${grosze}`);
  return moneyFormat.format(grosze / 100);
}
