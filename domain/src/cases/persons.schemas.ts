import { z } from 'zod';
import { decodePesel } from '../identifiers/identifiers.js';
import { PostalCode } from '../identity/institutions.js';
import { Email } from '../identity/users.schemas.js';
import { TerytCode } from '../territory/territory.schemas.js';

/** An address lies in a gmina: the 7-digit TERC code. */
export const GminaCode = z.string().regex(/^\d{7}$/, { message: 'territory.gminaRequired' });

import { disabilityLevels, householdRelations, keysOf, otherIdTypes } from './dictionaries.js';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

export const DisabilityLevelKey = z.enum(keysOf(disabilityLevels));
export const OtherIdTypeKey = z.enum(keysOf(otherIdTypes));
export const HouseholdRelationKey = z.enum(keysOf(householdRelations));
export const SexKey = z.enum(['K', 'M']);

/**
 * What a worker enters for a person. With a PESEL the birth date and sex come from it (and must agree
 * if sent); without one, another identifier type and the birth date and sex are required.
 */
export const PersonInput = z
  .object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(150),
    pesel: z
      .string()
      .trim()
      .nullable()
      .optional()
      .transform((s) => (s ? s : null)),
    otherIdType: OtherIdTypeKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    otherIdNumber: text(50),
    birthDate: IsoDate.nullable()
      .optional()
      .transform((s) => s ?? null),
    sex: SexKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    citizenship: z.string().trim().min(2).max(60).default('polskie'),
    teryt: GminaCode.nullable()
      .optional()
      .transform((s) => s ?? null),
    street: text(200),
    postalCode: PostalCode.nullable()
      .optional()
      .transform((s) => s ?? null),
    city: text(120),
    phone: text(40),
    email: Email.nullable()
      .optional()
      .or(z.literal('').transform(() => null))
      .transform((s) => s ?? null),
    notes: text(4000),
  })
  .superRefine((p, ctx) => {
    if (p.pesel) {
      const info = decodePesel(p.pesel);
      if (!info) {
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: 'pesel.invalid' });
        return;
      }
      if (p.birthDate && p.birthDate !== info.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'pesel.birthDateMismatch' });
      if (p.sex && p.sex !== info.sex)
        ctx.addIssue({ code: 'custom', path: ['sex'], message: 'pesel.sexMismatch' });
    } else {
      if (!p.otherIdType)
        ctx.addIssue({ code: 'custom', path: ['otherIdType'], message: 'person.noPeselNeedsId' });
      if (!p.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'person.birthDateRequired' });
      if (!p.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: 'person.sexRequired' });
      if (p.otherIdType && p.otherIdType !== 'brak' && !p.otherIdNumber)
        ctx.addIssue({ code: 'custom', path: ['otherIdNumber'], message: 'person.otherIdNumberRequired' });
    }
  })
  .transform((p) => {
    const info = p.pesel ? decodePesel(p.pesel) : null;
    return info ? { ...p, birthDate: info.birthDate, sex: info.sex } : p;
  });
export type PersonInput = z.input<typeof PersonInput>;
export type PersonData = z.output<typeof PersonInput>;

/** Special-category data (RODO art. 9): stored apart, read only with the sensitive scope, audited. */
export const PersonSensitiveInput = z.object({
  disabilityLevel: DisabilityLevelKey.nullable()
    .optional()
    .transform((s) => s ?? null),
  disabilityUntil: IsoDate.nullable()
    .optional()
    .transform((s) => s ?? null),
  health: text(4000),
  addiction: text(4000),
});
export type PersonSensitiveInput = z.input<typeof PersonSensitiveInput>;
export const PersonSensitive = z.object({
  disabilityLevel: DisabilityLevelKey.nullable(),
  disabilityUntil: z.string().nullable(),
  health: z.string().nullable(),
  addiction: z.string().nullable(),
  version: z.number().int(),
});
export type PersonSensitive = z.infer<typeof PersonSensitive>;

export const PersonAbilities = z.object({
  update: z.boolean(),
  readSensitive: z.boolean(),
  merge: z.boolean(),
  openCase: z.boolean(),
});

export const PersonSummary = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  pesel: z.string().nullable(),
  birthDate: z.string(),
  sex: SexKey,
  teryt: z.string().nullable(),
  unitName: z.string().nullable(),
  city: z.string().nullable(),
  /** Open cases of the person in the actor's scope. */
  openCases: z.number().int(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonCaseLink = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  /** 'person' when the case is the person's own, 'household' when through their household. */
  via: z.enum(['person', 'household']),
});

export const HouseholdLink = z.object({
  householdId: z.uuid(),
  name: z.string(),
  relation: HouseholdRelationKey,
  fromDate: z.string(),
  toDate: z.string().nullable(),
});

export const Person = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  pesel: z.string().nullable(),
  otherIdType: OtherIdTypeKey.nullable(),
  otherIdNumber: z.string().nullable(),
  birthDate: z.string(),
  sex: SexKey,
  citizenship: z.string(),
  teryt: z.string().nullable(),
  unitName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  /** Present only for actors whose scope includes sensitive data (null when nothing recorded). */
  sensitive: PersonSensitive.nullable().optional(),
  households: z.array(HouseholdLink),
  cases: z.array(PersonCaseLink),
  abilities: PersonAbilities,
});
export type Person = z.infer<typeof Person>;

export const PersonSearchQuery = z.object({
  /** Name (any order, diacritics and case ignored, typos tolerated) or a PESEL. */
  q: z.string().trim().max(100).optional(),
  birthDate: IsoDate.optional(),
  teryt: TerytCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PersonSearchQuery = z.infer<typeof PersonSearchQuery>;

export const PersonList = z.object({
  total: z.number().int(),
  items: z.array(PersonSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type PersonList = z.infer<typeof PersonList>;

/** A possible duplicate found before creating a person. */
export const DuplicateCandidate = z.object({
  /** Null when the match lies outside the actor's scope: nothing identifying is shown. */
  person: PersonSummary.nullable(),
  reason: z.enum(['pesel', 'name_birthdate']),
  similarity: z.number(),
});
export const DuplicateCheck = z.object({ candidates: z.array(DuplicateCandidate) });
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

/** Create: `confirmNotDuplicate` is required when name + birth date resembles an existing record. */
export const PersonCreate = z.object({
  person: PersonInput,
  confirmNotDuplicate: z.boolean().default(false),
});
export const PersonUpdate = z.object({ person: PersonInput, version: z.number().int() });
export const PersonSensitiveUpdate = z.object({
  sensitive: PersonSensitiveInput,
  /** 0 when nothing was recorded yet. */
  version: z.number().int(),
});

export const PersonMerge = z.object({
  /** The record that stays. */
  keepId: z.uuid(),
  /** The duplicate: its links move to `keepId` and it is marked merged. */
  mergeId: z.uuid(),
  keepVersion: z.number().int(),
  mergeVersion: z.number().int(),
});

// ————— Households —————

export const HouseholdMember = z.object({
  id: z.uuid(),
  person: PersonSummary,
  relation: HouseholdRelationKey,
  fromDate: z.string(),
  toDate: z.string().nullable(),
});

export const Household = z.object({
  id: z.uuid(),
  name: z.string(),
  teryt: z.string().nullable(),
  unitName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  version: z.number().int(),
  /** Current members first, then the history. */
  members: z.array(HouseholdMember),
  cases: z.array(PersonCaseLink.omit({ via: true })),
  abilities: z.object({ update: z.boolean() }),
});
export type Household = z.infer<typeof Household>;

export const HouseholdInput = z.object({
  name: z.string().trim().min(2).max(200),
  teryt: GminaCode.nullable()
    .optional()
    .transform((s) => s ?? null),
  street: text(200),
  postalCode: PostalCode.nullable()
    .optional()
    .transform((s) => s ?? null),
  city: text(120),
});
export type HouseholdInput = z.input<typeof HouseholdInput>;
export const HouseholdCreate = z.object({
  household: HouseholdInput,
  /** The head of the household (relation `glowa`) and other initial members. */
  members: z
    .array(z.object({ personId: z.uuid(), relation: HouseholdRelationKey, fromDate: IsoDate.optional() }))
    .min(1),
});
export const HouseholdUpdate = z.object({ household: HouseholdInput, version: z.number().int() });
export const HouseholdMemberAdd = z.object({
  personId: z.uuid(),
  relation: HouseholdRelationKey,
  fromDate: IsoDate.optional(),
  version: z.number().int(),
});
export const HouseholdMemberEnd = z.object({ toDate: IsoDate.optional(), version: z.number().int() });
