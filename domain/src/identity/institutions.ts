import { z } from 'zod';
import { isValidNip, isValidRegon } from '../identifiers/identifiers.js';
import { TerytCode } from '../territory/territory.schemas.js';

/**
 * Dictionaries of institution types and sectors (issue "Identity, institutions…"). Keys are stable
 * identifiers stored in the database; labels are per language. A type suggests its usual sector.
 */
export const sectors = {
  pomoc_spoleczna: { pl: 'Pomoc i integracja społeczna', en: 'Social assistance and inclusion' },
  edukacja: { pl: 'Edukacja', en: 'Education' },
  zdrowie: { pl: 'Zdrowie', en: 'Health' },
  policja: { pl: 'Policja', en: 'Police' },
  wymiar_sprawiedliwosci: { pl: 'Wymiar sprawiedliwości', en: 'Justice' },
  rynek_pracy: { pl: 'Rynek pracy', en: 'Labour market' },
  kultura: { pl: 'Kultura', en: 'Culture' },
  sport: { pl: 'Sport', en: 'Sport' },
  ngo: { pl: 'Organizacje pozarządowe', en: 'Non-governmental organisations' },
  ekonomia_spoleczna: { pl: 'Ekonomia społeczna', en: 'Social economy' },
  administracja: { pl: 'Administracja', en: 'Public administration' },
} as const;
export type Sector = keyof typeof sectors;
export const sectorKeys = Object.keys(sectors) as [Sector, ...Sector[]];
export const SectorKey = z.enum(sectorKeys);

export const institutionTypes = {
  ops: {
    pl: 'Ośrodek pomocy społecznej (OPS/MOPS/GOPS)',
    en: 'Social assistance centre',
    sector: 'pomoc_spoleczna',
  },
  cus: { pl: 'Centrum usług społecznych (CUS)', en: 'Social services centre', sector: 'pomoc_spoleczna' },
  pcpr: {
    pl: 'Powiatowe centrum pomocy rodzinie (PCPR)',
    en: 'County family support centre',
    sector: 'pomoc_spoleczna',
  },
  rops: {
    pl: 'Regionalny ośrodek polityki społecznej (ROPS)',
    en: 'Regional social policy centre',
    sector: 'pomoc_spoleczna',
  },
  urzad_gminy: { pl: 'Urząd gminy / miasta', en: 'Municipal office', sector: 'administracja' },
  starostwo: { pl: 'Starostwo powiatowe', en: 'County office', sector: 'administracja' },
  szkola: { pl: 'Szkoła / placówka oświatowa', en: 'School / educational institution', sector: 'edukacja' },
  poradnia_pp: {
    pl: 'Poradnia psychologiczno-pedagogiczna',
    en: 'Psychological and educational counselling centre',
    sector: 'edukacja',
  },
  policja: { pl: 'Policja', en: 'Police', sector: 'policja' },
  sad: { pl: 'Sąd / kuratorzy sądowi', en: 'Court / probation officers', sector: 'wymiar_sprawiedliwosci' },
  podmiot_leczniczy: { pl: 'Podmiot leczniczy', en: 'Health care provider', sector: 'zdrowie' },
  pup: { pl: 'Powiatowy urząd pracy (PUP)', en: 'County labour office', sector: 'rynek_pracy' },
  ngo: { pl: 'Organizacja pozarządowa', en: 'Non-governmental organisation', sector: 'ngo' },
  cis: {
    pl: 'Centrum integracji społecznej (CIS)',
    en: 'Social integration centre',
    sector: 'ekonomia_spoleczna',
  },
  kis: {
    pl: 'Klub integracji społecznej (KIS)',
    en: 'Social integration club',
    sector: 'ekonomia_spoleczna',
  },
  sds: {
    pl: 'Środowiskowy dom samopomocy (ŚDS)',
    en: 'Community self-help centre',
    sector: 'pomoc_spoleczna',
  },
  wtz: {
    pl: 'Warsztat terapii zajęciowej (WTZ)',
    en: 'Occupational therapy workshop',
    sector: 'ekonomia_spoleczna',
  },
  zaz: {
    pl: 'Zakład aktywności zawodowej (ZAZ)',
    en: 'Vocational activity establishment',
    sector: 'ekonomia_spoleczna',
  },
  dps: { pl: 'Dom pomocy społecznej (DPS)', en: 'Residential care home', sector: 'pomoc_spoleczna' },
  mieszkania: {
    pl: 'Operator mieszkań treningowych / wspomaganych',
    en: 'Operator of training / supported housing',
    sector: 'pomoc_spoleczna',
  },
  inna: { pl: 'Inna', en: 'Other', sector: 'administracja' },
} as const satisfies Record<string, { pl: string; en: string; sector: Sector }>;
export type InstitutionType = keyof typeof institutionTypes;
export const institutionTypeKeys = Object.keys(institutionTypes) as [InstitutionType, ...InstitutionType[]];
export const InstitutionTypeKey = z.enum(institutionTypeKeys);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

const digits = (s: string) => s.replace(/[\s-]/g, '');

export const Nip = z
  .string()
  .transform(digits)
  .refine((s) => s === '' || isValidNip(s), { message: 'nip.invalid' })
  .transform((s) => (s === '' ? null : s));

export const Regon = z
  .string()
  .transform(digits)
  .refine((s) => s === '' || isValidRegon(s), { message: 'regon.invalid' })
  .transform((s) => (s === '' ? null : s));

export const PostalCode = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{2}-\d{3}$/.test(s), { message: 'postalCode.invalid' })
  .transform((s) => (s === '' ? null : s));

/** What an administrator enters for an institution. */
export const InstitutionInput = z.object({
  name: z.string().trim().min(3).max(300),
  shortName: optionalText(80),
  type: InstitutionTypeKey,
  sector: SectorKey,
  teryt: TerytCode,
  street: optionalText(200),
  postalCode: PostalCode.nullable()
    .optional()
    .transform((s) => s ?? null),
  city: optionalText(120),
  email: z
    .union([z.literal(''), z.email().max(254)])
    .nullable()
    .optional()
    .transform((s) => (s ? s.toLowerCase() : null)),
  phone: optionalText(40),
  website: optionalText(300),
  nip: Nip.nullable()
    .optional()
    .transform((s) => s ?? null),
  regon: Regon.nullable()
    .optional()
    .transform((s) => s ?? null),
  active: z.boolean().default(true),
});
export type InstitutionInput = z.input<typeof InstitutionInput>;

export const InstitutionAbilities = z.object({
  update: z.boolean(),
  manageUsers: z.boolean(),
});

export const Institution = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: InstitutionTypeKey,
  sector: SectorKey,
  teryt: z.string(),
  unitName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  nip: z.string().nullable(),
  regon: z.string().nullable(),
  active: z.boolean(),
  /** Optimistic concurrency: send it back with a change; a stale version answers 409. */
  version: z.number().int(),
  userCount: z.number().int().optional(),
  abilities: InstitutionAbilities,
});
export type Institution = z.infer<typeof Institution>;

export const InstitutionSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: InstitutionTypeKey.optional(),
  sector: SectorKey.optional(),
  /** A voivodeship, county or municipality: institutions anywhere inside it. */
  teryt: TerytCode.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InstitutionSearchQuery = z.infer<typeof InstitutionSearchQuery>;

export const InstitutionList = z.object({
  total: z.number().int(),
  items: z.array(Institution),
  abilities: z.object({ create: z.boolean() }),
});
export type InstitutionList = z.infer<typeof InstitutionList>;
