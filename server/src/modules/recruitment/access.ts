import type { RecruitmentAbilities } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { type ProjectAccess, requireProject } from '../projects/index.js';

/**
 * A reader of the project (404 otherwise) with what recruitment lets them do: calls, cohorts and
 * aggregate counts are for every reader of the project; applications (personal data) only for the
 * project team (`team`); changes only for its coordinators (`manage`).
 */
export async function recruitmentReader(
  request: FastifyRequest,
  projectId: string,
): Promise<{ access: ProjectAccess; abilities: RecruitmentAbilities }> {
  const access = await requireProject(request, projectId);
  const actor = request.actor as Actor;
  const [row] = await queryRows<{ n: number }>(
    request.server.db,
    sql`select count(*)::int as n from project_team where project_id = ${projectId} and user_id = ${actor.userId}`,
  );
  return { access, abilities: { manage: access.manage, team: !!row?.n } };
}
