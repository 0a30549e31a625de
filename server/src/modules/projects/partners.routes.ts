import {
  moneyIssues,
  Project,
  ProjectPartnerInput,
  ProjectPartnerUpdate,
  ProjectTeamAdd,
  ProjectTeamCandidates,
  ProjectTeamRoleKey,
  ProjectVersionQuery,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { loadProjectAccess, requireProjectManager } from './access.js';
import { bumpProject, loadPartners, loadProject, projectFrame, throwIfMoneyIssues } from './queries.js';

const IdParams = z.object({ id: z.uuid() });
const PartnerParams = IdParams.extend({ institutionId: z.uuid() });
const MemberParams = IdParams.extend({ userId: z.uuid() });

/** The partners as the audit log keeps them. */
async function partnersAuditable(db: DbOrTx, projectId: string) {
  return (await loadPartners(db, projectId)).map((p) => ({
    institutionId: p.institution.id,
    role: p.role,
    budgetShare: p.budgetShare,
    description: p.description,
  }));
}

async function teamAuditable(db: DbOrTx, projectId: string) {
  return queryRows<{ userId: string; role: string }>(
    db,
    sql`select user_id as "userId", role from project_team where project_id = ${projectId} order by user_id`,
  );
}

/**
 * Opens a change of the project's partners or team: bumps the project's version (409 when stale)
 * and returns its money and period for the checks that follow.
 */
async function beginChange(tx: DbOrTx, projectId: string, version: number) {
  const frame = await projectFrame(tx, projectId);
  if (!frame || frame.version !== version || !(await bumpProject(tx, projectId, version))) throw conflict();
  return frame;
}

/** The users who may join the team: active staff of the leader or of a partner institution. */
async function eligibleUsers(db: DbOrTx, projectId: string, userId?: string) {
  return queryRows<{
    id: string;
    name: string;
    email: string;
    institutionId: string;
    institutionName: string;
  }>(
    db,
    sql`select distinct on (u.id) u.id, u.first_name || ' ' || u.last_name as name, u.email,
          i.id as "institutionId", i.name as "institutionName"
        from users u
        join memberships m on m.user_id = u.id and m.active
        join institutions i on i.id = m.institution_id
        join projects p on p.id = ${projectId}
        where u.status = 'active'
          and (i.id = p.leader_institution_id
               or i.id in (select pp.institution_id from project_partners pp where pp.project_id = p.id))
          and (${userId ?? null}::uuid is null or u.id = ${userId ?? null}::uuid)
        order by u.id, (i.id = p.leader_institution_id) desc, i.name`,
  );
}

/**
 * Partners of a project (institutions with a role and a budget share; the shares together stay
 * within the total value) and its team (coordinators edit the project, members read it; people of
 * the leader or a partner institution only; the last coordinator stays). Every change carries the
 * project's version and bumps it.
 */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** The project after the change, with the abilities true now (a coordinator may have stepped down). */
  async function respond(request: FastifyRequest, id: string) {
    const access = await loadProjectAccess(db, actorOf(request), id);
    return (await loadProject(db, id, { manage: access?.manage ?? false })) as Project;
  }

  async function auditPartners(
    tx: DbOrTx,
    request: FastifyRequest,
    projectId: string,
    before: unknown,
    details: Record<string, unknown>,
  ) {
    await writeAudit(tx, actorFromRequest(request), {
      action: 'record.update',
      recordType: 'project',
      recordId: projectId,
      before: { partners: before },
      after: { partners: await partnersAuditable(tx, projectId) },
      details,
    });
  }

  app.post(
    '/:id/partners',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Add a partner institution with its role and budget share (shares together ≤ total value)',
        params: IdParams,
        body: ProjectPartnerInput,
        response: { 201: Project },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      const input = request.body;
      await db.transaction(async (tx) => {
        const frame = await beginChange(tx, access.id, input.version);
        const [institution] = await queryRows<{ id: string }>(
          tx,
          sql`select id from institutions where id = ${input.institutionId}`,
        );
        if (!institution) throw fieldError('institutionId', 'project.partnerUnknown');
        if (input.institutionId === frame.leaderId)
          throw fieldError('institutionId', 'project.partnerIsLeader');
        const before = await partnersAuditable(tx, access.id);
        if (before.some((p) => p.institutionId === input.institutionId))
          throw fieldError('institutionId', 'project.partnerExists');
        throwIfMoneyIssues(
          moneyIssues(frame, {
            partnerShares: [...before.map((p) => p.budgetShare), input.budgetShare],
            partnerField: 'budgetShare',
          }).filter((i) => i.code === 'project.money.partnerSharesOverTotal'),
        );
        await tx.execute(
          sql`insert into project_partners (project_id, institution_id, role, budget_share, description)
              values (${access.id}, ${input.institutionId}, ${input.role}, ${input.budgetShare}, ${input.description})`,
        );
        await auditPartners(tx, request, access.id, before, { partner: input.institutionId });
      });
      return reply.status(201).send(await respond(request, access.id));
    },
  );

  app.put(
    '/:id/partners/:institutionId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Change a partner’s role, budget share or description',
        params: PartnerParams,
        body: ProjectPartnerUpdate,
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { institutionId } = request.params;
      const input = request.body;
      await db.transaction(async (tx) => {
        const frame = await beginChange(tx, access.id, input.version);
        const before = await partnersAuditable(tx, access.id);
        if (!before.some((p) => p.institutionId === institutionId)) throw notFound();
        throwIfMoneyIssues(
          moneyIssues(frame, {
            partnerShares: before.map((p) =>
              p.institutionId === institutionId ? input.budgetShare : p.budgetShare,
            ),
            partnerField: 'budgetShare',
          }).filter((i) => i.code === 'project.money.partnerSharesOverTotal'),
        );
        await tx.execute(
          sql`update project_partners set role = ${input.role}, budget_share = ${input.budgetShare},
                description = ${input.description}
              where project_id = ${access.id} and institution_id = ${institutionId}`,
        );
        await auditPartners(tx, request, access.id, before, { partner: institutionId });
      });
      return respond(request, access.id);
    },
  );

  app.delete(
    '/:id/partners/:institutionId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Remove a partner (not while it carries out tasks of the project)',
        params: PartnerParams,
        querystring: ProjectVersionQuery,
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { institutionId } = request.params;
      await db.transaction(async (tx) => {
        await beginChange(tx, access.id, request.query.version);
        const before = await partnersAuditable(tx, access.id);
        if (!before.some((p) => p.institutionId === institutionId)) throw notFound();
        const [task] = await queryRows<{ id: string }>(
          tx,
          sql`select id from project_tasks where project_id = ${access.id} and institution_id = ${institutionId} limit 1`,
        );
        if (task) throw fieldError('institutionId', 'project.partnerHasTasks');
        await tx.execute(
          sql`delete from project_partners where project_id = ${access.id} and institution_id = ${institutionId}`,
        );
        await auditPartners(tx, request, access.id, before, { partner: institutionId });
      });
      return respond(request, access.id);
    },
  );

  // ————— Team —————

  app.get(
    '/:id/team/candidates',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'People who may join the team: staff of the leader or a partner, not on the team yet',
        params: IdParams,
        response: { 200: ProjectTeamCandidates },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const rows = await eligibleUsers(db, access.id);
      const team = new Set((await teamAuditable(db, access.id)).map((m) => m.userId));
      return {
        items: rows
          .filter((r) => !team.has(r.id))
          .sort((a, b) => a.name.localeCompare(b.name, 'pl'))
          .map((r) => ({
            id: r.id,
            name: r.name,
            email: r.email,
            institution: { id: r.institutionId, name: r.institutionName },
          })),
      };
    },
  );

  async function auditTeam(
    tx: DbOrTx,
    request: FastifyRequest,
    projectId: string,
    before: unknown,
    userId: string,
  ) {
    await writeAudit(tx, actorFromRequest(request), {
      action: 'record.update',
      recordType: 'project',
      recordId: projectId,
      before: { team: before },
      after: { team: await teamAuditable(tx, projectId) },
      details: { member: userId },
    });
  }

  async function ensureCoordinatorLeft(tx: DbOrTx, projectId: string) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from project_team where project_id = ${projectId} and role = 'koordynator'`,
    );
    if (!row?.n) throw fieldError('userId', 'project.lastCoordinator');
  }

  app.post(
    '/:id/team',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Add a person of the leader or a partner institution to the team (coordinator or member)',
        params: IdParams,
        body: ProjectTeamAdd,
        response: { 201: Project },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      const { userId, role, version } = request.body;
      await db.transaction(async (tx) => {
        await beginChange(tx, access.id, version);
        const before = await teamAuditable(tx, access.id);
        if (before.some((m) => m.userId === userId)) throw fieldError('userId', 'project.teamExists');
        if (!(await eligibleUsers(tx, access.id, userId)).length)
          throw fieldError('userId', 'project.teamNotEligible');
        await tx.execute(
          sql`insert into project_team (project_id, user_id, role) values (${access.id}, ${userId}, ${role})`,
        );
        await auditTeam(tx, request, access.id, before, userId);
      });
      return reply.status(201).send(await respond(request, access.id));
    },
  );

  app.put(
    '/:id/team/:userId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Change a team member’s role (the project keeps at least one coordinator)',
        params: MemberParams,
        body: z.object({ role: ProjectTeamRoleKey, version: z.number().int() }),
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { userId } = request.params;
      const { role, version } = request.body;
      await db.transaction(async (tx) => {
        await beginChange(tx, access.id, version);
        const before = await teamAuditable(tx, access.id);
        if (!before.some((m) => m.userId === userId)) throw notFound();
        await tx.execute(
          sql`update project_team set role = ${role} where project_id = ${access.id} and user_id = ${userId}`,
        );
        await ensureCoordinatorLeft(tx, access.id);
        await auditTeam(tx, request, access.id, before, userId);
      });
      return respond(request, access.id);
    },
  );

  app.delete(
    '/:id/team/:userId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Remove a person from the team (the project keeps at least one coordinator)',
        params: MemberParams,
        querystring: ProjectVersionQuery,
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { userId } = request.params;
      await db.transaction(async (tx) => {
        await beginChange(tx, access.id, request.query.version);
        const before = await teamAuditable(tx, access.id);
        if (!before.some((m) => m.userId === userId)) throw notFound();
        await tx.execute(
          sql`delete from project_team where project_id = ${access.id} and user_id = ${userId}`,
        );
        await ensureCoordinatorLeft(tx, access.id);
        await auditTeam(tx, request, access.id, before, userId);
      });
      return respond(request, access.id);
    },
  );
};
