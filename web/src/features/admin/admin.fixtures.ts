import type { Institution, User } from '@kooperacja/domain';
import type { IdentityDictionaries } from './adminApi';

export const INSTITUTION_ID = '0190a000-0000-7000-8000-000000000001';
export const OTHER_INSTITUTION_ID = '0190a000-0000-7000-8000-000000000002';

/** A small slice of `GET /api/dictionaries/identity`. */
export const dictionaries: IdentityDictionaries = {
  institutionTypes: [
    {
      key: 'ops',
      label: { pl: 'Ośrodek pomocy społecznej (OPS/MOPS/GOPS)', en: 'Social assistance centre' },
      sector: 'pomoc_spoleczna',
    },
    { key: 'szkola', label: { pl: 'Szkoła / placówka oświatowa', en: 'School' }, sector: 'edukacja' },
    { key: 'policja', label: { pl: 'Policja', en: 'Police' }, sector: 'policja' },
  ],
  sectors: [
    { key: 'pomoc_spoleczna', label: { pl: 'Pomoc i integracja społeczna', en: 'Social assistance' } },
    { key: 'edukacja', label: { pl: 'Edukacja', en: 'Education' } },
    { key: 'policja', label: { pl: 'Policja', en: 'Police' } },
  ],
  roles: [
    {
      key: 'administrator_instytucji',
      label: { pl: 'Administrator instytucji', en: 'Institution administrator' },
      permissions: ['institution.admin', 'institutions.read'],
    },
    {
      key: 'pracownik_socjalny',
      label: { pl: 'Pracownik socjalny', en: 'Social worker' },
      permissions: ['cases.read'],
    },
    { key: 'kierownik', label: { pl: 'Kierownik', en: 'Supervisor' }, permissions: ['cases.supervise'] },
  ],
  auditActions: [
    { key: 'record.read', label: { pl: 'Odczyt danych', en: 'Record read' } },
    { key: 'record.update', label: { pl: 'Zmiana', en: 'Record updated' } },
    { key: 'access.denied', label: { pl: 'Odmowa dostępu', en: 'Access denied' } },
  ],
};

export function makeInstitution(overrides: Partial<Institution> = {}): Institution {
  return {
    id: INSTITUTION_ID,
    name: 'Miejski Ośrodek Pomocy Społecznej w Bochni',
    shortName: 'MOPS Bochnia',
    type: 'ops',
    sector: 'pomoc_spoleczna',
    teryt: '1201011',
    unitName: 'Bochnia',
    street: 'ul. Kościuszki 1',
    postalCode: '32-700',
    city: 'Bochnia',
    email: 'mops@bochnia.example',
    phone: null,
    website: null,
    nip: null,
    regon: null,
    active: true,
    version: 3,
    userCount: 2,
    abilities: { update: true, manageUsers: false },
    ...overrides,
  };
}

const noAbilities = {
  update: false,
  block: false,
  manageMemberships: false,
  sendPasswordReset: false,
  resetTwoFactor: false,
};

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '0190a000-0000-7000-8000-0000000000c1',
    email: 'jan.kowalski@demo.kooperacja.pl',
    firstName: 'Jan',
    lastName: 'Kowalski',
    status: 'active',
    twoFactorEnabled: true,
    hasPassword: true,
    lastLoginAt: '2025-03-09T09:30:00.000Z',
    memberships: [
      {
        id: '0190a000-0000-7000-8000-0000000000d1',
        institutionId: INSTITUTION_ID,
        institutionName: 'MOPS Bochnia',
        institutionType: 'ops',
        roles: ['pracownik_socjalny', 'kierownik'],
        active: true,
      },
    ],
    version: 1,
    abilities: noAbilities,
    ...overrides,
  };
}

export const allAbilities = {
  update: true,
  block: true,
  manageMemberships: true,
  sendPasswordReset: true,
  resetTwoFactor: true,
};
