import type { UnitLevel } from '@kooperacja/domain';

/*
 * Runtime copies of two tiny domain helpers. Importing values from @kooperacja/domain would pull
 * zod and every schema into the browser bundle; the web imports only types from it.
 * levels.test.ts checks that these stay equal to the domain's.
 */

export const unitLevels = ['wojewodztwo', 'powiat', 'gmina'] as const satisfies readonly UnitLevel[];

export const isUnitLevel = (value: unknown): value is UnitLevel =>
  typeof value === 'string' && (unitLevels as readonly string[]).includes(value);

/** Level of a TERYT code from its length (2, 4 or 7 digits). */
export function levelOfTeryt(code: string): UnitLevel {
  if (code.length === 2) return 'wojewodztwo';
  if (code.length === 4) return 'powiat';
  return 'gmina';
}
