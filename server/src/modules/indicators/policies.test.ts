import type { Permission } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { mayKeepSharedDefinitions, mayReadProjectDefinitions, mayUpdateDefinition } from './policies.js';

const actor = (...p: Permission[]) => ({ permissions: new Set<Permission>(p) });
const admin = actor('system.admin', 'institution.admin', 'institutions.read');
const coordinator = actor('institutions.read', 'projects.read', 'projects.manage');
const analyst = actor('institutions.read', 'projects.read', 'region.monitor');

describe('indicator library policy', () => {
  it('lets only a system administrator keep common and programme definitions', () => {
    expect(mayKeepSharedDefinitions(admin)).toBe(true);
    expect(mayKeepSharedDefinitions(coordinator)).toBe(false);
    expect(mayUpdateDefinition(admin, { scope: 'wspolny' }, false)).toBe(true);
    expect(mayUpdateDefinition(coordinator, { scope: 'programowy' }, true)).toBe(false);
  });

  it('lets the project’s coordinator — and nobody else — keep its project definitions', () => {
    expect(mayUpdateDefinition(coordinator, { scope: 'projektowy' }, true)).toBe(true);
    expect(mayUpdateDefinition(coordinator, { scope: 'projektowy' }, false)).toBe(false);
    expect(mayUpdateDefinition(admin, { scope: 'projektowy' }, false)).toBe(false);
  });

  it('shows project definitions to project readers only', () => {
    expect(mayReadProjectDefinitions(analyst)).toBe(true);
    expect(mayReadProjectDefinitions(admin)).toBe(false);
  });
});
