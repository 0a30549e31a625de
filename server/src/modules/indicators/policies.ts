import type { Actor } from '../../http/access.js';

/**
 * Who may change the indicator library (pure functions of the actor, table-tested in
 * `policies.test.ts`): common and programme-specific definitions are kept by a system
 * administrator; a project-specific definition by a coordinator of its project (the caller says
 * whether the actor coordinates it, from `loadProjectAccess`). Reading the library is open to every
 * user with `institutions.read`; project-specific definitions only to the project's readers.
 */
type ActorLike = Pick<Actor, 'permissions'>;

export const mayKeepSharedDefinitions = (a: ActorLike): boolean => a.permissions.has('system.admin');

export function mayUpdateDefinition(
  a: ActorLike,
  d: { scope: string },
  coordinatesProject: boolean,
): boolean {
  return d.scope === 'projektowy' ? coordinatesProject : mayKeepSharedDefinitions(a);
}

/** Project-specific definitions are visible with the project (`projects.read` and its scope). */
export const mayReadProjectDefinitions = (a: ActorLike): boolean => a.permissions.has('projects.read');
