import type { UnitKind } from '@kooperacja/domain';

/**
 * Okabe–Ito colours (yellow, sky blue, vermillion): distinguishable with the common colour-vision
 * deficiencies and, differing in lightness, in greyscale too.
 */
// In the order of the TERYT type digit (1 miejska, 2 wiejska, 3 miejsko-wiejska): the legend follows it.
export const gminaKindColors = {
  gmina_miejska: '#d55e00',
  gmina_wiejska: '#f0e442',
  gmina_miejsko_wiejska: '#56b4e9',
} as const satisfies Partial<Record<UnitKind, string>>;

export type GminaKind = keyof typeof gminaKindColors;
export const gminaKinds = Object.keys(gminaKindColors) as GminaKind[];

const GMINA_KIND_DIGIT: Record<string, GminaKind> = {
  '1': 'gmina_miejska',
  '2': 'gmina_wiejska',
  '3': 'gmina_miejsko_wiejska',
};

/** The kind of a gmina from the 7th digit of its TERYT code. */
export function gminaKindOf(teryt: string): GminaKind | null {
  return teryt.length === 7 ? (GMINA_KIND_DIGIT[teryt.charAt(6)] ?? null) : null;
}

export const fillByGminaKind = (teryt: string) => {
  const kind = gminaKindOf(teryt);
  return kind ? gminaKindColors[kind] : undefined;
};

export const powiatKindColors = {
  powiat: '#a6c4e8',
  miasto_na_prawach_powiatu: '#154a84',
} as const satisfies Partial<Record<UnitKind, string>>;

/** Cities with powiat rights have powiat codes 61 and above. */
export const fillByPowiatKind = (teryt: string) =>
  Number(teryt.slice(2, 4)) >= 61 ? powiatKindColors.miasto_na_prawach_powiatu : powiatKindColors.powiat;

export const NEUTRAL_FILL = '#c9d8ea';
export const HIGHLIGHT_FILL = '#e69f00';
