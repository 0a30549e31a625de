import { describe, expect, it } from 'vitest';
import { auditDiff, REDACTED } from './audit.js';

describe('auditDiff', () => {
  it('keeps only changed fields and redacts special-category values', () => {
    const diff = auditDiff(
      { lastName: 'Nowak', disability: 'umiarkowany', phone: '123' },
      { lastName: 'Kowalska', disability: 'znaczny', phone: '123', addiction: 'alkohol' },
      ['disability', 'addiction'],
    );
    expect(diff).toEqual({
      addiction: { before: null, after: REDACTED },
      disability: { before: REDACTED, after: REDACTED },
      lastName: { before: 'Nowak', after: 'Kowalska' },
    });
  });

  it('records creation and deletion as changes from and to nothing', () => {
    expect(auditDiff(null, { a: 1 })).toEqual({ a: { before: null, after: 1 } });
    expect(auditDiff({ a: 1 }, null)).toEqual({ a: { before: 1, after: null } });
  });
});
