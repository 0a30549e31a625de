import { describe, expect, it } from 'vitest';
import { revealsSuppressed } from './suppression.js';

describe('complementary suppression of a powiat', () => {
  it.each([
    [5, [3, 2, 0], false, 'two hidden gminy share 5: neither is pinned'],
    [10, [10, 0], false, 'nothing hidden'],
    [7, [5, 2], true, 'the powiat less the shown gmina gives the hidden one'],
    [8, [5, 2, 1], true, 'the rest (3) is a small count of two gminy'],
    [13, [5, 4, 4], true, 'a rest of 8 for two hidden gminy means 4 each'],
    [12, [5, 4, 3], false, 'a rest of 7 for two: 3 + 4 or 4 + 3'],
    [6, [1, 1, 1, 1, 1, 1], true, 'a rest of 6 for six means 1 each'],
    [9, [1, 1, 1, 1, 1, 1], false, 'cases of powiat institutions add to the rest: 9 for six pins none'],
  ])('powiat %i with gminy %j → %s (%s)', (total, gminy, hidden) => {
    expect(revealsSuppressed(total, gminy)).toBe(hidden);
  });
});
