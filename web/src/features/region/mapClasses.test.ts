import type { RegionMapUnit } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { relativeLuminance } from '../../lib/contrast';
import {
  classesOf,
  lpdiColors,
  NO_DATA_FILL,
  SUPPRESSED_FILL,
  sequentialColors,
  unitFill,
  valueClasses,
} from './mapClasses';

const unit = (over: Partial<RegionMapUnit>): RegionMapUnit => ({
  teryt: '2604011',
  name: 'Bieliny',
  population: 1000,
  category: null,
  value: null,
  suppressed: false,
  ...over,
});

describe('valueClasses', () => {
  it('gives each value its own class when there are at most five, spread from light to dark', () => {
    const classes = valueClasses([0, 2, 1, 2, 0]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(classes.map((c) => c.color)).toEqual([
      sequentialColors[0],
      sequentialColors[2],
      sequentialColors[4],
    ]);
  });

  it('makes five quantile classes of many values, bounded by values that occur and never overlapping', () => {
    const values = Array.from({ length: 50 }, (_, i) => i * 1.5);
    const classes = valueClasses(values);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.min).toBe(0);
    expect(classes[4]?.max).toBe(73.5);
    for (let i = 1; i < classes.length; i++)
      expect((classes[i] as { min: number }).min).toBeGreaterThan((classes[i - 1] as { max: number }).max);
    for (const c of classes) expect(values).toContain(c.min);
    // About the same number of units in each.
    for (const c of classes) expect(values.filter((v) => v >= c.min && v <= c.max)).toHaveLength(10);
  });

  it('keeps a value that repeats in one class', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6];
    const classes = valueClasses(values);
    const zero = classes.filter((c) => c.min <= 0 && c.max >= 0);
    expect(zero).toHaveLength(1);
  });

  it('has no classes without values', () => {
    expect(valueClasses([])).toEqual([]);
  });
});

describe('unitFill', () => {
  it('fills suppressed units and units without data with greys that are not in the value palette', () => {
    const units = [unit({ value: 3 }), unit({ value: 40 }), unit({ suppressed: true }), unit({})];
    const classes = classesOf(units);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [3, 3],
      [40, 40],
    ]);
    expect(unitFill('partnerships', units[2] as RegionMapUnit, classes)).toBe(SUPPRESSED_FILL);
    expect(unitFill('partnerships', units[3] as RegionMapUnit, classes)).toBe(NO_DATA_FILL);
    expect(sequentialColors).not.toContain(SUPPRESSED_FILL);
    expect(sequentialColors).not.toContain(NO_DATA_FILL);
    expect(unitFill('lpdi', unit({ category: 'przyjety' }), [])).toBe(lpdiColors.przyjety);
  });

  it('orders the sequential and the LPDI colours by lightness (readable in greyscale)', () => {
    const lum = (colors: readonly string[]) => colors.map(relativeLuminance);
    const seq = lum(sequentialColors);
    for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeLessThan(seq[i - 1] as number);
    const lpdi = lum([
      lpdiColors.brak,
      lpdiColors.w_przygotowaniu,
      lpdiColors.przyjety,
      lpdiColors.zaktualizowany,
    ]);
    for (let i = 1; i < lpdi.length; i++) expect(lpdi[i]).toBeLessThan(lpdi[i - 1] as number);
  });
});
