import { z } from 'zod';

/** Levels of the Polish three-tier territorial division (JST). */
export const unitLevels = ['wojewodztwo', 'powiat', 'gmina'] as const;
export const UnitLevel = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof UnitLevel>;

/**
 * Unit kinds. For gminy this is the 7th TERC digit (1 miejska, 2 wiejska, 3 miejsko-wiejska);
 * for powiaty whether it is a land powiat or a city with powiat rights.
 */
export const unitKinds = [
  'wojewodztwo',
  'powiat',
  'miasto_na_prawach_powiatu',
  'gmina_miejska',
  'gmina_wiejska',
  'gmina_miejsko_wiejska',
] as const;
export const UnitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof UnitKind>;

/** TERYT codes: 2 digits (województwo), 4 (powiat), 7 (gmina incl. type digit). */
export const TerytCode = z.string().regex(/^(\d{2}|\d{4}|\d{7})$/, { message: 'territory.invalidTeryt' });

export const TerritorialUnit = z.object({
  teryt: z.string(),
  level: UnitLevel,
  kind: UnitKind,
  name: z.string(),
  nameFull: z.string(),
  /** The gmina is a city with powiat rights (or the powiat is such a city). */
  cityWithPowiatRights: z.boolean(),
  powiatTeryt: z.string().nullable(),
  wojTeryt: z.string(),
  /** GUS BDL population on 31 Dec 2024 (gminy; powiaty and województwa are sums); null if unknown. */
  population: z.number().int().nullable(),
  /** Whether the boundaries file has a polygon for this unit. */
  hasGeometry: z.boolean(),
});
export type TerritorialUnit = z.infer<typeof TerritorialUnit>;

export const UnitSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  level: UnitLevel.optional(),
  kind: UnitKind.optional(),
  /** Restrict to units inside this województwo or powiat. */
  within: TerytCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

export const UnitSearchResult = z.object({
  items: z.array(TerritorialUnit),
  total: z.number().int(),
});
export type UnitSearchResult = z.infer<typeof UnitSearchResult>;

export const UnitDetail = z.object({
  unit: TerritorialUnit,
  /** From the top: województwo, then powiat. */
  parents: z.array(TerritorialUnit),
  children: z.array(TerritorialUnit),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const TerritorySummary = z.object({
  counts: z.object({ wojewodztwo: z.number(), powiat: z.number(), gmina: z.number() }),
  gminaKinds: z.record(z.string(), z.number()),
  /** Units registered in TERC that have no polygon in the boundaries file. */
  withoutGeometry: z.array(TerritorialUnit),
  stanNa: z.string().nullable(),
});
export type TerritorySummary = z.infer<typeof TerritorySummary>;

/** Level of a TERYT code from its length. */
export function levelOfTeryt(code: string): UnitLevel {
  if (code.length === 2) return 'wojewodztwo';
  if (code.length === 4) return 'powiat';
  return 'gmina';
}
