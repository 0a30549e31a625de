import { describe, expect, it } from 'vitest';
import { caseFieldOf, caseInputOf, emptyCaseValues, toggleReason } from './caseForm';

describe('case form', () => {
  it('makes the only checked reason the main one and clears a main reason that is unchecked', () => {
    let v = toggleReason({ reasons: [], mainReason: null }, '1', true);
    expect(v).toEqual({ reasons: ['1'], mainReason: '1' });
    v = toggleReason(v, '4', true);
    expect(v).toEqual({ reasons: ['1', '4'], mainReason: '1' });
    v = toggleReason(toggleReason(v, '5', true), '1', false);
    expect(v).toEqual({ reasons: ['4', '5'], mainReason: null });
    expect(toggleReason(v, '5', false)).toEqual({ reasons: ['4'], mainReason: '4' });
  });

  it('sends one subject, the reasons with their main flag and a lead worker only when not me', () => {
    const me = 'me';
    const v = emptyCaseValues({
      subjectKind: 'household',
      personId: 'p',
      householdId: 'h',
      source: 'sad',
      reasons: ['7', '9'],
      mainReason: '9',
      leadWorkerId: me,
      coWorkerIds: [me, 'w2'],
      openedOn: '2025-03-01',
    });
    expect(caseInputOf(v, me)).toEqual({
      householdId: 'h',
      source: 'sad',
      sourceDetails: null,
      openedOn: '2025-03-01',
      reasons: [
        { code: '7', main: false },
        { code: '9', main: true },
      ],
      coWorkerIds: ['w2'],
      summary: null,
    });
    expect(caseInputOf({ ...v, leadWorkerId: 'w3' }, me)).toMatchObject({ leadWorkerId: 'w3' });
  });

  it('maps server fields to the form', () => {
    expect(caseFieldOf('body.reasons.0.code')).toBe('reasons');
    expect(caseFieldOf('personId')).toBe('subject');
    expect(caseFieldOf('coWorkerIds.1')).toBe('coWorkerIds');
    expect(caseFieldOf('source')).toBe('source');
  });
});
