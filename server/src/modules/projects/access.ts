import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { outOfScope } from '../identity/scope.js';

/**
 * Who may see and change a project (docs/projects.md):
 *
 * - **read** (`projects.read`) — the project team (its coordinators and members); any user of the
 *   leader or of a partner institution; a regional analyst (`region.monitor`) for every project whose
 *   leader or a partner lies in the województwo of the analyst's institution. Anybody else: 404.
 * - **manage** (`projects.manage`) — a coordinator named in the project team (`project_team.role =
 *   'koordynator'`). A reader without it gets 403 on a change, logged.
 * - **create** — `projects.manage`; the creator's active institution is the leader and the creator
 *   becomes its first coordinator.
 *
 * A project holds no client data: its money, tasks and indicators are institutional records.
 */
export interface ProjectAccess {
  id: string;
  leaderInstitutionId: string;
  read: boolean;
  manage: boolean;
  version: number;
}

/** SQL condition on `alias.id` (a projects row) for the projects the actor may read. */
export function projectsReadableSql(
  actor: Pick<Actor, 'userId' | 'institutionId' | 'permissions'>,
  alias = 'p',
): SQL {
  const p = sql.raw(alias);
  const inst = actor.institutionId;
  const parts: SQL[] = [
    sql`exists (select 1 from project_team pt where pt.project_id = ${p}.id and pt.user_id = ${actor.userId})`,
  ];
  if (inst) {
    parts.push(sql`${p}.leader_institution_id = ${inst}`);
    parts.push(
      sql`exists (select 1 from project_partners pp where pp.project_id = ${p}.id and pp.institution_id = ${inst})`,
    );
    if (actor.permissions.has('region.monitor')) {
      const voiv = sql`(select substring(i.teryt from 1 for 2) from institutions i where i.id = ${inst})`;
      parts.push(
        sql`(exists (select 1 from institutions li where li.id = ${p}.leader_institution_id and substring(li.teryt from 1 for 2) = ${voiv})
          or exists (select 1 from project_partners pp2 join institutions pi on pi.id = pp2.institution_id
                     where pp2.project_id = ${p}.id and substring(pi.teryt from 1 for 2) = ${voiv}))`,
      );
    }
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** What the actor may do with one project; null when it does not exist or is out of their scope. */
export async function loadProjectAccess(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
): Promise<ProjectAccess | null> {
  if (!actor.permissions.has('projects.read')) return null;
  const [row] = await queryRows<{
    id: string;
    leaderInstitutionId: string;
    version: number;
    readable: boolean;
    coordinator: boolean;
  }>(
    db,
    sql`select p.id, p.leader_institution_id as "leaderInstitutionId", p.version,
          ${projectsReadableSql(actor)} as readable,
          exists (select 1 from project_team pt where pt.project_id = p.id and pt.user_id = ${actor.userId}
                  and pt.role = 'koordynator') as coordinator
        from projects p where p.id = ${projectId}`,
  );
  if (!row?.readable) return null;
  return {
    id: row.id,
    leaderInstitutionId: row.leaderInstitutionId,
    read: true,
    manage: row.coordinator && actor.permissions.has('projects.manage'),
    version: row.version,
  };
}

/**
 * The project for a route, or 404 (logged) when it is out of scope. Call it before opening a
 * transaction (on the embedded database a query on `db` inside a transaction waits for ever).
 */
export async function requireProject(request: FastifyRequest, projectId: string): Promise<ProjectAccess> {
  const actor = request.actor as Actor;
  const access = await loadProjectAccess(request.server.db, actor, projectId);
  if (!access) return outOfScope(request, 'project', projectId);
  return access;
}

/** The project, and 403 (logged) unless the actor coordinates it. */
export async function requireProjectManager(
  request: FastifyRequest,
  projectId: string,
): Promise<ProjectAccess> {
  const access = await requireProject(request, projectId);
  if (!access.manage) {
    await writeAudit(request.server.db, actorFromRequest(request), {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'project',
      recordId: projectId,
      details: { method: request.method, route: request.routeOptions.url, reason: 'not_coordinator' },
    });
    throw new AppError('forbidden', 'project.manageForbidden');
  }
  return access;
}

/**
 * The project for a route that reads or changes personal data of its participants (applications,
 * participants, support episodes, attendance): only the project team (coordinators and members)
 * passes; other readers of the project (staff of the leader or a partner, regional analysts) and
 * anybody else get 404 (logged), as for a record that does not exist. With `manage`, a team member
 * who is not a coordinator gets 403 (logged) as in `requireProjectManager`.
 */
export async function requireProjectTeam(
  request: FastifyRequest,
  projectId: string,
  opts: { manage?: boolean } = {},
): Promise<ProjectAccess> {
  const actor = request.actor as Actor;
  const access = await loadProjectAccess(request.server.db, actor, projectId);
  const [team] = access
    ? await queryRows<{ n: number }>(
        request.server.db,
        sql`select count(*)::int as n from project_team where project_id = ${projectId} and user_id = ${actor.userId}`,
      )
    : [];
  if (!access || !team?.n) return outOfScope(request, 'project', projectId);
  if (opts.manage && !access.manage) {
    await writeAudit(request.server.db, actorFromRequest(request), {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'project',
      recordId: projectId,
      details: { method: request.method, route: request.routeOptions.url, reason: 'not_coordinator' },
    });
    throw new AppError('forbidden', 'project.manageForbidden');
  }
  return access;
}
