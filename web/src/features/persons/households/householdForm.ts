import type { Household, HouseholdInput, Person } from '@kooperacja/domain';
import { familyNameOf } from '../personForm';

export interface HouseholdAddressValues {
  name: string;
  teryt: string | null;
  street: string;
  postalCode: string;
  city: string;
}

export function householdValuesOf(h: Household | undefined): HouseholdAddressValues {
  return {
    name: h?.name ?? '',
    teryt: h?.teryt ?? null,
    street: h?.street ?? '',
    postalCode: h?.postalCode ?? '',
    city: h?.city ?? '',
  };
}

/** A new household of a head: "Rodzina Kowalskich" at the head's address. */
export function householdValuesFromHead(head: Person, familyWord: string): HouseholdAddressValues {
  const family = familyNameOf(head.lastName);
  return {
    name: family ? `${familyWord} ${family}` : '',
    teryt: head.teryt,
    street: head.street ?? '',
    postalCode: head.postalCode ?? '',
    city: head.city ?? '',
  };
}

const opt = (s: string) => (s.trim() === '' ? null : s.trim());

export function householdInputOf(v: HouseholdAddressValues): HouseholdInput {
  return {
    name: v.name.trim(),
    teryt: v.teryt,
    street: opt(v.street),
    postalCode: opt(v.postalCode),
    city: opt(v.city),
  };
}

/** Client checks shared by the new-household and the edit forms (messages via `t`). */
export const householdValidation = (
  t: (key: 'persons.form.required' | 'persons.form.postalCode') => string,
) => ({
  name: (v: string) => (v.trim().length >= 2 ? null : t('persons.form.required')),
  postalCode: (v: string) =>
    !v.trim() || /^\d{2}-\d{3}$/.test(v.trim()) ? null : t('persons.form.postalCode'),
});
