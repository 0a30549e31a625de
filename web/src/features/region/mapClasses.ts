import type { lpdiStatuses, RegionMapUnit } from '@kooperacja/domain';

/**
 * Colours of the regional map. Categories get one colour each (viridis: ordered in lightness, so
 * the LPDI stages read in greyscale and with the common colour-vision deficiencies too); counts and
 * rates get up to five classes of sequential blues, light to dark. Units whose count is suppressed
 * (1–4) get a dark grey, units without a value a light grey: neither is a blue, so neither can be
 * read as a small number. The legend swatches have a dark border, so they stand out on white.
 */
export const lpdiColors: Record<keyof typeof lpdiStatuses, string> = {
  brak: '#fde725',
  w_przygotowaniu: '#5ec962',
  przyjety: '#21918c',
  zaktualizowany: '#3b528b',
};

export const cusColors = { nie: '#fde725', tak: '#21918c' } as const;

/** Sequential blues for the classes of counts and rates (ColorBrewer "Blues"). */
export const sequentialColors = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export const SUPPRESSED_FILL = '#737373';
export const NO_DATA_FILL = '#e0e0e0';
/** A category no palette knows (a future status): still drawn, never silently neutral. */
const OTHER_CATEGORY_FILL = '#cc79a7';

/** One class of values: the values from `min` to `max` (both taken from the data). */
export interface ValueClass {
  min: number;
  max: number;
  color: string;
}

/** Spreads `n` classes over the palette so that few classes still run from light to dark. */
function spread(n: number, palette: readonly string[]): string[] {
  const k = palette.length;
  if (n === 1) return [palette[Math.floor(k / 2)] as string];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (k - 1)) / (n - 1))] as string);
}

/**
 * Up to five classes from the data: each distinct value its own class when there are at most five
 * of them, otherwise quantile classes (about the same number of units in each; a value never splits
 * between two classes). Class bounds are values that occur, so the legend never claims a range the
 * data does not have.
 */
export function valueClasses(values: number[], palette: readonly string[] = sequentialColors): ValueClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length === 0) return [];
  const k = palette.length;
  let groups: number[][];
  if (distinct.length <= k) {
    groups = distinct.map((v) => [v]);
  } else {
    const byClass: number[][] = Array.from({ length: k }, () => []);
    for (const v of distinct) {
      const rank = sorted.indexOf(v) / sorted.length;
      byClass[Math.min(k - 1, Math.floor(rank * k))]?.push(v);
    }
    groups = byClass.filter((g) => g.length > 0);
  }
  const colors = spread(groups.length, palette);
  return groups.map((g, i) => ({
    min: g[0] as number,
    max: g[g.length - 1] as number,
    color: colors[i] as string,
  }));
}

export const classOf = (value: number, classes: readonly ValueClass[]) =>
  classes.find((c) => value >= c.min && value <= c.max);

export function categoryColor(measure: string, category: string): string {
  if (measure === 'cus') return cusColors[category as keyof typeof cusColors] ?? OTHER_CATEGORY_FILL;
  return lpdiColors[category as keyof typeof lpdiColors] ?? OTHER_CATEGORY_FILL;
}

/** The categories of a status measure in their order (the legend lists all of them). */
export function categoriesOf(measure: string): string[] {
  return measure === 'cus' ? ['tak', 'nie'] : Object.keys(lpdiColors);
}

/** The fill of one unit of the map. */
export function unitFill(measure: string, unit: RegionMapUnit, classes: readonly ValueClass[]): string {
  if (unit.suppressed) return SUPPRESSED_FILL;
  if (unit.category !== null) return categoryColor(measure, unit.category);
  if (unit.value === null) return NO_DATA_FILL;
  return classOf(unit.value, classes)?.color ?? NO_DATA_FILL;
}

/** The classes of the numeric values of a map (none for units with a category or suppressed). */
export function classesOf(units: readonly RegionMapUnit[]): ValueClass[] {
  return valueClasses(
    units
      .filter((u) => !u.suppressed && u.category === null && u.value !== null)
      .map((u) => u.value as number),
  );
}
