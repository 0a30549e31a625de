import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds, formatMoney, formatNumber } from './format';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it('formats a Date as DD.MM.YYYY', () => {
    expect(formatDate(new Date(2024, 0, 5))).toBe('05.01.2024');
  });
  it('keeps an ISO calendar date on the same day', () => {
    expect(formatDate('2024-12-31')).toBe('31.12.2024');
  });
  it('formats an ISO instant in local time', () => {
    const d = new Date(2025, 2, 9, 10, 30);
    expect(formatDate(d.toISOString())).toBe('09.03.2025');
  });
  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('adds HH:mm', () => {
    expect(formatDateTime(new Date(2025, 10, 1, 7, 5))).toBe('01.11.2025 07:05');
  });
});

describe('formatDateTimeSeconds', () => {
  it('adds HH:mm:ss', () => {
    expect(formatDateTimeSeconds(new Date(2025, 10, 1, 7, 5, 9))).toBe('01.11.2025 07:05:09');
    expect(formatDateTimeSeconds(null)).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a non-breaking space, also for four digits', () => {
    expect(formatNumber(2479)).toBe(`2${NBSP}479`);
    expect(formatNumber(38_000_000)).toBe(`38${NBSP}000${NBSP}000`);
    expect(formatNumber(16)).toBe('16');
  });
  it('returns an empty string for null', () => {
    expect(formatNumber(null)).toBe('');
  });
});

describe('formatMoney', () => {
  it('formats integer grosze as PLN to the grosz', () => {
    expect(formatMoney(123456)).toBe(`1${NBSP}234,56${NBSP}zł`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}zł`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}zł`);
    expect(formatMoney(100)).toBe(`1,00${NBSP}zł`);
  });
  it('formats negative amounts', () => {
    expect(formatMoney(-1999)).toMatch(/^-19,99\u00a0zł$/);
  });
  it('formats bigint grosze exactly', () => {
    expect(formatMoney(123456789012345678n)).toBe(
      `1${NBSP}234${NBSP}567${NBSP}890${NBSP}123${NBSP}456,78${NBSP}zł`,
    );
  });
  it('rejects fractional grosze', () => {
    expect(() => formatMoney(10.5)).toThrow(RangeError);
  });
});
