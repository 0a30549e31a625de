import type { Me } from '@kooperacja/domain';

export const BOCHNIA_ID = '0190a000-0000-7000-8000-000000000001';
export const TARNOW_ID = '0190a000-0000-7000-8000-000000000002';

/** A signed-in user for tests: a social worker of MOPS Bochnia unless told otherwise. */
export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: '0190a000-0000-7000-8000-0000000000aa',
      email: 'pracownik.bochnia@demo.kooperacja.pl',
      firstName: 'Anna',
      lastName: 'Nowak',
      twoFactorEnabled: false,
    },
    memberships: [
      {
        id: '0190a000-0000-7000-8000-0000000000b1',
        institutionId: BOCHNIA_ID,
        institutionName: 'MOPS Bochnia',
        institutionType: 'ops',
        roles: ['pracownik_socjalny'],
        active: true,
      },
    ],
    activeInstitutionId: BOCHNIA_ID,
    roles: ['pracownik_socjalny'],
    permissions: [
      'cases.read',
      'cases.write',
      'institutions.read',
      'persons.read',
      'persons.write',
      'referrals.handle',
    ],
    twoFactorSetupRequired: false,
    session: { csrfToken: 'csrf-test-token', idleTimeoutMinutes: 30, expiresAt: '2030-01-01T00:00:00.000Z' },
    ...overrides,
  };
}
