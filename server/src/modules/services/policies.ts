import type { Actor } from '../../http/access.js';

/**
 * Who may change the resource map: the catalogue is readable by everyone with `institutions.read`;
 * an institution's own services are kept by its administrator (`institution.admin`) or its
 * partnership animator (`partnerships.manage`); a system administrator may change any service.
 * Pure functions of the actor, table-tested in `policies.test.ts`.
 */
type ActorLike = Pick<Actor, 'institutionId' | 'permissions'>;

const isSystemAdmin = (a: ActorLike) => a.permissions.has('system.admin');
const keepsCatalogue = (a: ActorLike) =>
  a.permissions.has('institution.admin') || a.permissions.has('partnerships.manage');

/** May the actor add services of its active institution? */
export function canCreateService(a: ActorLike): boolean {
  return a.institutionId !== null && (isSystemAdmin(a) || keepsCatalogue(a));
}

/** May the actor change (or deactivate) this service? */
export function canUpdateService(a: ActorLike, service: { institutionId: string }): boolean {
  return isSystemAdmin(a) || (keepsCatalogue(a) && a.institutionId === service.institutionId);
}
