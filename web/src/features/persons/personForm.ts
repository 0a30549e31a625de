import type { Person, PersonInput } from '@kooperacja/domain';
import { decodePesel } from './pesel';

/** The values of the person form (strings as typed; `unitName` only for display). */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  noPesel: boolean;
  pesel: string;
  otherIdType: string | null;
  otherIdNumber: string;
  birthDate: string | null;
  sex: string | null;
  citizenship: string;
  teryt: string | null;
  unitName: string | null;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  notes: string;
}

export const DEFAULT_CITIZENSHIP = 'polskie';

export function personValuesOf(p: Person | undefined): PersonFormValues {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    noPesel: p ? !p.pesel : false,
    pesel: p?.pesel ?? '',
    otherIdType: p?.otherIdType ?? null,
    otherIdNumber: p?.otherIdNumber ?? '',
    birthDate: p?.birthDate ?? null,
    sex: p?.sex ?? null,
    citizenship: p?.citizenship ?? DEFAULT_CITIZENSHIP,
    teryt: p?.teryt ?? null,
    unitName: p?.unitName ?? null,
    street: p?.street ?? '',
    postalCode: p?.postalCode ?? '',
    city: p?.city ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    notes: p?.notes ?? '',
  };
}

const opt = (s: string) => (s.trim() === '' ? null : s.trim());

/** What is sent: with a PESEL the birth date and sex come from it; without one, the other identifier. */
export function personInputOf(v: PersonFormValues): PersonInput {
  const info = !v.noPesel ? decodePesel(v.pesel) : null;
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    pesel: v.noPesel ? null : opt(v.pesel),
    otherIdType: v.noPesel ? ((v.otherIdType ?? null) as PersonInput['otherIdType']) : null,
    otherIdNumber: v.noPesel ? opt(v.otherIdNumber) : null,
    birthDate: info?.birthDate ?? v.birthDate ?? null,
    sex: (info?.sex ?? v.sex ?? null) as PersonInput['sex'],
    citizenship: v.citizenship.trim() || DEFAULT_CITIZENSHIP,
    teryt: v.teryt,
    street: opt(v.street),
    postalCode: opt(v.postalCode),
    city: opt(v.city),
    phone: opt(v.phone),
    email: opt(v.email),
    notes: opt(v.notes),
  };
}

/** The fields compared when two versions of a record meet (a conflict, a merge). */
export const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'pesel',
  'otherIdType',
  'otherIdNumber',
  'birthDate',
  'sex',
  'citizenship',
  'teryt',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'notes',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A field's value as compared: the normalised input (so " Jan" and "Jan" are equal). */
export function comparable(v: PersonFormValues): Record<PersonField, string | null> {
  const input = personInputOf(v);
  const out = {} as Record<PersonField, string | null>;
  for (const f of PERSON_FIELDS) out[f] = (input[f] as string | null | undefined) ?? null;
  return out;
}

export interface FieldDifference {
  field: PersonField;
  mine: string | null;
  current: string | null;
  /** I changed it in this edit. */
  changedByMe: boolean;
  /** The current value is not what this edit started from: someone else changed it. */
  changedByOther: boolean;
}

/** Fields where my version and the current one differ, and who changed each since the edit began. */
export function personDifferences(
  mine: PersonFormValues,
  current: PersonFormValues,
  base: PersonFormValues,
): FieldDifference[] {
  const m = comparable(mine);
  const c = comparable(current);
  const b = comparable(base);
  return PERSON_FIELDS.filter((f) => m[f] !== c[f]).map((f) => ({
    field: f,
    mine: m[f],
    current: c[f],
    changedByMe: m[f] !== b[f],
    changedByOther: c[f] !== b[f],
  }));
}

/** The form values each compared field comes from. */
const formKeysOf: Record<PersonField, (keyof PersonFormValues)[]> = {
  firstName: ['firstName'],
  lastName: ['lastName'],
  pesel: ['pesel', 'noPesel'],
  otherIdType: ['otherIdType', 'noPesel'],
  otherIdNumber: ['otherIdNumber'],
  birthDate: ['birthDate'],
  sex: ['sex'],
  citizenship: ['citizenship'],
  teryt: ['teryt', 'unitName'],
  street: ['street'],
  postalCode: ['postalCode'],
  city: ['city'],
  phone: ['phone'],
  email: ['email'],
  notes: ['notes'],
};

/**
 * "Keep my changes" after a conflict: the current record with the fields I changed in this edit put
 * back on top — what someone else changed in the other fields is kept, not silently overwritten.
 */
export function mergeMyChanges(
  mine: PersonFormValues,
  current: PersonFormValues,
  base: PersonFormValues,
): PersonFormValues {
  const m = comparable(mine);
  const b = comparable(base);
  const out: PersonFormValues = { ...current };
  for (const f of PERSON_FIELDS) {
    if (m[f] === b[f]) continue;
    for (const k of formKeysOf[f]) (out as unknown as Record<string, unknown>)[k] = mine[k];
  }
  return out;
}

/**
 * The form field a server validation error belongs to: `body.person.pesel` → `pesel`. Fields outside
 * the form (e.g. `confirmNotDuplicate`) come back unchanged.
 */
export const personFieldOf = (field: string) => field.replace(/^body\./, '').replace(/^person\./, '');

/** A simple "Kowalski → Kowalskich" for the suggested household name (the user can change it). */
export function familyNameOf(lastName: string): string {
  const n = lastName.trim();
  if (!n) return '';
  const first = n.split('-')[0] ?? n;
  const lower = first.toLowerCase();
  if (/(ski|cki|dzki)$/.test(lower)) return `${first.slice(0, -1)}ich`;
  if (/(ska|cka|dzka)$/.test(lower)) return `${first.slice(0, -1)}ich`;
  if (/[bcćdfghjklłmnńprsśtwzźż]$/.test(lower)) return `${first}ów`;
  return first;
}
