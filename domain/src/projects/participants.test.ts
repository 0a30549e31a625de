import { describe, expect, it } from 'vitest';
import { ageOn, followUpDueOn } from './participants.js';

describe('age at entry', () => {
  it('counts full years: the day before the birthday is still the younger age', () => {
    expect(ageOn('2001-05-20', '2019-05-19')).toBe(17);
    expect(ageOn('2001-05-20', '2019-05-20')).toBe(18);
  });
  it('a person born on 29 February is a year older on 1 March of a common year', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
});

describe('six-month follow-up', () => {
  it('falls six months after leaving, at the end of a shorter month, across the year end', () => {
    expect(followUpDueOn('2020-03-15')).toBe('2020-09-15');
    expect(followUpDueOn('2020-08-31')).toBe('2021-02-28');
    expect(followUpDueOn('2019-12-31')).toBe('2020-06-30');
  });
});
