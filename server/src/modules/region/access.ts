import { type RegionScope, type Role, roles } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { outOfScope } from '../identity/scope.js';

/**
 * Who monitors which województwo (docs/region.md, "Access"):
 *
 * - **read** — the województwa of the user's institutions (first two digits of their TERYT) where
 *   an active membership holds `region.monitor`; any other województwo answers 404 (logged), as if
 *   it did not exist. The route itself needs `region.monitor` in the active institution (403).
 * - **edit** — the same, through a membership at a regional social policy centre (institution type
 *   `rops`): the register is the ROPS's own record. Others may read it (a PCPR analyst, say).
 */
const monitoringRoles = (Object.keys(roles) as Role[]).filter((r) =>
  (roles[r].permissions as readonly string[]).includes('region.monitor'),
);

export type Region = RegionScope['regions'][number];

export async function regionScope(db: DbOrTx, actor: Pick<Actor, 'userId'>): Promise<Region[]> {
  return queryRows<Region>(
    db,
    sql`select w.teryt, w.name, bool_or(i.type = 'rops') as edit
        from memberships m
        join institutions i on i.id = m.institution_id and i.active
        join territorial_units w on w.teryt = substring(i.teryt from 1 for 2) and w.level = 'wojewodztwo'
        where m.user_id = ${actor.userId} and m.active
          and m.roles && array[${sql.join(
            monitoringRoles.map((r) => sql`${r}`),
            sql`, `,
          )}]::text[]
        group by w.teryt, w.name
        order by w.teryt`,
  );
}

/** The województwo of a route, or 404 (logged as `access.denied`) when it is not in the user's scope. */
export async function requireRegion(request: FastifyRequest, woj: string): Promise<Region> {
  const region = (await regionScope(request.server.db, request.actor as Actor)).find((r) => r.teryt === woj);
  if (!region) return outOfScope(request, 'region', woj);
  return region;
}

/** The województwo for a change of its register, and 403 (logged) unless the user edits it. */
export async function requireRegionEditor(request: FastifyRequest, woj: string): Promise<Region> {
  const region = await requireRegion(request, woj);
  if (!region.edit) {
    await writeAudit(request.server.db, actorFromRequest(request), {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'region',
      recordId: woj,
      details: { method: request.method, route: request.routeOptions.url, reason: 'not_rops' },
    });
    throw new AppError('forbidden', 'region.editForbidden');
  }
  return region;
}
