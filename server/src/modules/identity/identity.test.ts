import { type Permission, permissionsOf, type Role } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { withNipCheck, withRegonCheck } from './demo.js';
import { passwordProblem } from './passwords.js';
import { grantableRoles, institutionAbilities, userAbilities, userInScope } from './policies.js';
import { delaySeconds } from './throttle.js';
import { base32Decode, base32Encode, hotp, verifyTotp } from './totp.js';

describe('password policy', () => {
  it.each([
    ['krótkie', 'too_short'],
    ['Password1234!', 'common'],
    ['qwertyuiop123', 'common'],
    ['zaq12wsxcde3', 'common'],
    ['aaaaaaaaaaaaaaaa', 'repetitive'],
    ['pracownik.bochnia1', 'contains_email'],
    ['Lipowy miód z Andrychowa 7', null],
    ['koń-jabłko-rower-chmura', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, 'pracownik.bochnia@demo.kooperacja.pl')).toBe(problem);
  });
});

describe('TOTP (RFC 6238 / RFC 4226)', () => {
  // RFC 4226 appendix D: secret "12345678901234567890".
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC test vectors', () => {
    expect(['755224', '287082', '359152', '969429'].map((_, i) => hotp(secret, i))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
    ]);
    expect(base32Decode(secret).toString()).toBe('12345678901234567890');
  });
  it('accepts the neighbouring step for clock drift, and never a step already used', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, hotp(secret, step - 1), null, now)).toBe(step - 1);
    expect(verifyTotp(secret, hotp(secret, step - 2), null, now)).toBeNull();
    expect(verifyTotp(secret, hotp(secret, step), step, now)).toBeNull();
  });
});

describe('login throttling', () => {
  it('grows the delay from the third failure and caps it at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 20].map((n) => delaySeconds(n))).toEqual([0, 0, 1, 2, 4, 8, 60, 60]);
  });
});

describe('demo identifiers', () => {
  it('computes valid NIP and REGON check digits', () => {
    expect(withNipCheck('526000024')).toMatch(/^\d{10}$/);
    expect(withRegonCheck('12345678')).toBe('123456785');
  });
});

const actor = (roles: Role[], institutionId = 'mops', userId = 'me') => ({
  userId,
  institutionId,
  permissions: permissionsOf(roles) as ReadonlySet<Permission>,
});
const target = (
  institutions: string[],
  extra: Partial<{ id: string; twoFactorEnabled: boolean; status: string }> = {},
) => ({
  id: 'u1',
  status: 'active',
  twoFactorEnabled: true,
  memberships: institutions.map((institutionId) => ({ institutionId })),
  ...extra,
});

describe('identity policies (role × relation)', () => {
  const sys = actor(['administrator_systemu'], 'rops');
  const instAdmin = actor(['administrator_instytucji'], 'mops');
  const worker = actor(['pracownik_socjalny'], 'mops');

  it.each([
    ['system admin', sys, ['ops'], true],
    ['institution admin, own institution', instAdmin, ['mops'], true],
    ['institution admin, other institution', instAdmin, ['ops'], false],
    ['institution admin, user in both', instAdmin, ['ops', 'mops'], true],
    ['social worker, own institution', worker, ['mops'], false],
  ] as const)('user in scope: %s → %s', (_, a, inst, expected) => {
    expect(userInScope(a, target([...inst]))).toBe(expected);
  });

  it('lets an institution admin change the account only of users who belong to their institution alone', () => {
    expect(userAbilities(instAdmin, target(['mops']))).toEqual({
      update: true,
      block: true,
      manageMemberships: true,
      sendPasswordReset: true,
      resetTwoFactor: true,
    });
    expect(userAbilities(instAdmin, target(['mops', 'ops']))).toMatchObject({
      update: false,
      block: false,
      manageMemberships: true,
    });
    expect(userAbilities(instAdmin, target(['ops']))).toMatchObject({
      update: false,
      manageMemberships: false,
      sendPasswordReset: false,
    });
  });

  it('never lets administrators block themselves or reset their own second factor', () => {
    expect(userAbilities(sys, target(['rops'], { id: 'me' }))).toMatchObject({
      update: true,
      block: false,
      resetTwoFactor: false,
    });
  });

  it('keeps the system administrator and auditor roles for the system administrator to grant', () => {
    expect(grantableRoles(sys)).toContain('audytor');
    expect(grantableRoles(instAdmin)).not.toContain('audytor');
    expect(grantableRoles(instAdmin)).not.toContain('administrator_systemu');
    expect(grantableRoles(instAdmin)).toContain('pracownik_socjalny');
    expect(grantableRoles(worker)).toEqual([]);
  });

  it('lets an institution admin edit only their own institution', () => {
    expect(institutionAbilities(instAdmin, { id: 'mops' })).toEqual({ update: true, manageUsers: true });
    expect(institutionAbilities(instAdmin, { id: 'ops' })).toEqual({ update: false, manageUsers: false });
    expect(institutionAbilities(sys, { id: 'ops' })).toEqual({ update: true, manageUsers: true });
    expect(institutionAbilities(worker, { id: 'mops' })).toEqual({ update: false, manageUsers: false });
  });
});
