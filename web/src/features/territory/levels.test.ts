import * as domain from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { isUnitLevel, levelOfTeryt, unitLevels } from './levels';

describe('web copies of domain helpers', () => {
  it('unitLevels equals the domain list', () => {
    expect(unitLevels).toEqual(domain.unitLevels);
  });
  it('levelOfTeryt agrees with the domain', () => {
    for (const code of ['12', '1216', '1216123']) expect(levelOfTeryt(code)).toBe(domain.levelOfTeryt(code));
  });
  it('isUnitLevel', () => {
    expect(isUnitLevel('gmina')).toBe(true);
    expect(isUnitLevel('gmina_miejska')).toBe(false);
    expect(isUnitLevel(null)).toBe(false);
  });
});
