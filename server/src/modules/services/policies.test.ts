import { type Permission, permissionsOf, type Role } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { canCreateService, canUpdateService } from './policies.js';

const OWN = 'own-institution';
const OTHER = 'other-institution';
const actor = (...roles: Role[]) => ({
  institutionId: OWN,
  permissions: permissionsOf(roles) as ReadonlySet<Permission>,
});

describe('who keeps the resource map', () => {
  it.each<[Role, boolean, boolean, boolean]>([
    // role, create, update own, update other
    ['administrator_systemu', true, true, true],
    ['administrator_instytucji', true, true, false],
    ['animator_partnerstwa', true, true, false],
    ['pracownik_socjalny', false, false, false],
    ['kierownik', false, false, false],
    ['pracownik_partnera', false, false, false],
    ['koordynator_projektu', false, false, false],
    ['analityk_regionalny', false, false, false],
    ['trener', false, false, false],
    ['audytor', false, false, false],
  ])('%s: create %s, own %s, other %s', (role, create, own, other) => {
    const a = actor(role);
    expect(canCreateService(a)).toBe(create);
    expect(canUpdateService(a, { institutionId: OWN })).toBe(own);
    expect(canUpdateService(a, { institutionId: OTHER })).toBe(other);
  });

  it('nobody creates without an active institution', () => {
    expect(canCreateService({ ...actor('administrator_instytucji'), institutionId: null })).toBe(false);
  });
});
