import { type Role, roles } from '@kooperacja/domain';
import type { Actor } from '../../http/access.js';

/**
 * Who may do what with identity records: pure functions of the actor (roles in the active
 * institution) and the record's relation to it. The routes use them to scope queries, to refuse
 * and to tell the UI what it may offer (`abilities`); they are table-tested.
 */
type ActorLike = Pick<Actor, 'userId' | 'institutionId' | 'permissions'>;

const isSystemAdmin = (a: ActorLike) => a.permissions.has('system.admin');
const isInstitutionAdminOf = (a: ActorLike, institutionId: string) =>
  a.permissions.has('institution.admin') && a.institutionId === institutionId;

export function canCreateInstitution(a: ActorLike): boolean {
  return isSystemAdmin(a);
}

export function institutionAbilities(a: ActorLike, institution: { id: string }) {
  const mine = isSystemAdmin(a) || isInstitutionAdminOf(a, institution.id);
  return { update: mine, manageUsers: mine };
}

/** Roles only a system administrator grants: the system administrator and the auditor (DPO). */
export const SYSTEM_GRANTED_ROLES: readonly Role[] = ['administrator_systemu', 'audytor'];

export function grantableRoles(a: ActorLike): Role[] {
  const all = Object.keys(roles) as Role[];
  if (isSystemAdmin(a)) return all;
  if (a.permissions.has('institution.admin')) return all.filter((r) => !SYSTEM_GRANTED_ROLES.includes(r));
  return [];
}

/** May the actor grant or change memberships in this institution? */
export function canManageMembershipsIn(a: ActorLike, institutionId: string): boolean {
  return isSystemAdmin(a) || isInstitutionAdminOf(a, institutionId);
}

export interface UserTarget {
  id: string;
  status: string;
  twoFactorEnabled: boolean;
  memberships: { institutionId: string }[];
}

/** A user record is in scope for a system administrator, or an administrator of one of its institutions. */
export function userInScope(a: ActorLike, target: UserTarget): boolean {
  return isSystemAdmin(a) || target.memberships.some((m) => isInstitutionAdminOf(a, m.institutionId));
}

export function userAbilities(a: ActorLike, target: UserTarget) {
  if (!userInScope(a, target)) {
    return {
      update: false,
      block: false,
      manageMemberships: false,
      sendPasswordReset: false,
      resetTwoFactor: false,
    };
  }
  // The account itself (name, status, second factor) is shared by all its institutions: an
  // institution administrator changes it only for users who belong to their institution alone.
  const wholeAccount =
    isSystemAdmin(a) || target.memberships.every((m) => isInstitutionAdminOf(a, m.institutionId));
  const self = target.id === a.userId;
  return {
    update: wholeAccount,
    block: wholeAccount && !self,
    manageMemberships: true,
    sendPasswordReset: target.status === 'active',
    resetTwoFactor: wholeAccount && !self && target.twoFactorEnabled,
  };
}
