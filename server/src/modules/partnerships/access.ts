import type { RoleVocabulary } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';

/**
 * Who may do what with a partnership (docs/partnerships.md):
 *
 * - **read** — every user with `institutions.read` sees every partnership of the platform, its
 *   members with their work contacts, agreements, meetings and the dashboard (counts only): a
 *   partnership holds no client data. A partnership that does not exist answers 404.
 * - **manage** (edit, members, agreements, meetings, minutes, action items) — a user with
 *   `partnerships.manage` whose active institution is the partnership's leader, or who is its
 *   animator. Anybody else gets **403** (the record is visible to them, so 404 would hide nothing;
 *   the same as editing another institution in the registry), and the attempt is logged.
 * - **complete an action item** — its owner (the named user) or a manager.
 */
export interface PartnershipAccess {
  id: string;
  name: string;
  leaderInstitutionId: string;
  strategicPartnerInstitutionId: string | null;
  animatorUserId: string | null;
  roleVocabulary: RoleVocabulary;
  status: string;
  version: number;
}

/** Pure policy: whether the actor runs this partnership. */
export function managesPartnership(
  actor: Pick<Actor, 'userId' | 'institutionId' | 'permissions'>,
  p: Pick<PartnershipAccess, 'leaderInstitutionId' | 'animatorUserId'>,
): boolean {
  if (!actor.permissions.has('partnerships.manage')) return false;
  return (
    (actor.institutionId !== null && p.leaderInstitutionId === actor.institutionId) ||
    (p.animatorUserId !== null && p.animatorUserId === actor.userId)
  );
}

/** Pure policy: whether the actor may mark an action item done (or reopen it). */
export function completesActionItem(
  actor: Pick<Actor, 'userId' | 'institutionId' | 'permissions'>,
  p: Pick<PartnershipAccess, 'leaderInstitutionId' | 'animatorUserId'>,
  item: { ownerUserId: string | null },
): boolean {
  return item.ownerUserId === actor.userId || managesPartnership(actor, p);
}

export async function loadPartnershipAccess(db: DbOrTx, id: string): Promise<PartnershipAccess | null> {
  const [row] = await queryRows<PartnershipAccess & { roleVocabulary: RoleVocabulary | string }>(
    db,
    sql`select id, name, leader_institution_id as "leaderInstitutionId",
          strategic_partner_institution_id as "strategicPartnerInstitutionId",
          animator_user_id as "animatorUserId", role_vocabulary as "roleVocabulary", status, version
        from partnerships where id = ${id}`,
  );
  if (!row) return null;
  return {
    ...row,
    roleVocabulary:
      typeof row.roleVocabulary === 'string' ? JSON.parse(row.roleVocabulary) : row.roleVocabulary,
  };
}

/** The partnership (any reader sees it), or 404. */
export async function requirePartnership(db: DbOrTx, id: string): Promise<PartnershipAccess> {
  const p = await loadPartnershipAccess(db, id);
  if (!p) throw notFound();
  return p;
}

/** The actor runs the partnership, or 403 (logged as a denied attempt). */
export async function requireManager(
  request: FastifyRequest,
  actor: Actor,
  p: PartnershipAccess,
): Promise<void> {
  if (managesPartnership(actor, p)) return;
  await deny(request, 'partnership', p.id, 'not_manager');
  throw new AppError('forbidden', 'partnership.notManager');
}

export async function deny(
  request: FastifyRequest,
  recordType: string,
  recordId: string,
  reason: string,
): Promise<void> {
  await writeAudit(request.server.db, actorFromRequest(request), {
    action: 'access.denied',
    outcome: 'denied',
    recordType,
    recordId,
    details: { method: request.method, route: request.routeOptions.url, reason },
  });
}
