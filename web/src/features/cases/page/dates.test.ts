import { describe, expect, it } from 'vitest';
import { addMonths, isPastDay, localInputToIso, toLocalInput } from './dates';

describe('case page dates', () => {
  it('adds months, clamping the day to the month’s end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
  });

  it('turns a local date-time input into ISO 8601 with the offset', () => {
    const iso = localInputToIso('2026-03-05T14:30');
    expect(iso).toMatch(/^2026-03-05T14:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso ?? '').getHours()).toBe(14);
    expect(localInputToIso('2026-02-30T10:00')).toBeNull();
    expect(localInputToIso('')).toBeNull();
    expect(toLocalInput(new Date(2026, 2, 5, 9, 7))).toBe('2026-03-05T09:07');
  });

  it('knows past days', () => {
    expect(isPastDay('2026-01-01', '2026-01-02')).toBe(true);
    expect(isPastDay('2026-01-02', '2026-01-02')).toBe(false);
    expect(isPastDay(null)).toBe(false);
  });
});
