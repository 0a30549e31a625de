import type { Me } from '@kooperacja/domain';
import type { Config } from '../../config.js';
import { type AuthSession, activeMembership, permissionsOfSession } from './session.js';

export function buildMe(s: AuthSession, config: Config): Me {
  const m = activeMembership(s);
  return {
    user: {
      id: s.userId,
      email: s.email,
      firstName: s.firstName,
      lastName: s.lastName,
      twoFactorEnabled: s.twoFactorEnabled,
    },
    memberships: s.memberships,
    activeInstitutionId: m?.institutionId ?? null,
    roles: m?.roles ?? [],
    permissions: [...permissionsOfSession(s)].sort(),
    twoFactorSetupRequired: s.twoFactorSetupRequired,
    session: {
      csrfToken: s.csrfToken,
      idleTimeoutMinutes: config.SESSION_IDLE_MINUTES,
      expiresAt: s.expiresAt.toISOString(),
    },
  };
}
