import {
  moneyIssues,
  Project,
  ProjectInput,
  ProjectList,
  ProjectListQuery,
  ProjectUpdate,
  type ProjectValues,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { projects, projectTeam } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, isUniqueViolation } from '../identity/scope.js';
import { projectsReadableSql, requireProject, requireProjectManager } from './access.js';
import {
  listProjects,
  loadPartners,
  loadProject,
  placementProblem,
  projectAuditable,
  tasksTotal,
  validationFailed,
} from './queries.js';

const IdParams = z.object({ id: z.uuid() });

/**
 * Every rule a project's own fields must meet, all reported at once: the placement is a lowest
 * action or sub-action of the catalogue, the number is not taken, and the money adds up (with the
 * partners' shares and the tasks' budgets of an existing project).
 */
async function checkProject(db: DbOrTx, input: ProjectValues, existingId?: string): Promise<void> {
  const issues: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  const placement = await placementProblem(db, input.programmeNodeId);
  if (placement) issues.push({ field: 'programmeNodeId', code: placement });
  const [taken] = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where number = ${input.number} and id is distinct from ${existingId ?? null}::uuid`,
  );
  if (taken) issues.push({ field: 'number', code: 'project.numberTaken' });
  const context = existingId
    ? {
        partnerShares: (await loadPartners(db, existingId)).map((p) => p.budgetShare),
        tasksTotal: await tasksTotal(db, existingId),
      }
    : {};
  issues.push(...moneyIssues(input, context));
  if (issues.length) throw validationFailed(issues);
}

const columnsOf = (v: ProjectValues) => ({
  number: v.number,
  title: v.title,
  shortTitle: v.shortTitle,
  programmeNodeId: v.programmeNodeId,
  status: v.status,
  startsOn: v.startsOn,
  endsOn: v.endsOn,
  goals: v.goals,
  description: v.description,
  targetGroups: v.targetGroups,
  totalValue: v.totalValue,
  eligibleCosts: v.eligibleCosts,
  euFunding: v.euFunding,
  stateBudget: v.stateBudget,
  targetedSubsidy: v.targetedSubsidy,
  ownContribution: v.ownContribution,
  callNumber: v.callNumber,
  callRank: v.callRank,
  callTotal: v.callTotal,
  callResult: v.callResult,
});

const numberTaken = () => validationFailed([{ field: 'number', code: 'project.numberTaken' }]);

/** The portfolio, the project card, and creating and changing a project's own fields. */
export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary:
          'The project portfolio: filters by programme node (with its subtree), status, institution (leader or partner), region and text',
        querystring: ProjectListQuery,
        response: { 200: ProjectList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const list = await listProjects(db, projectsReadableSql(actor), request.query);
      return {
        ...list,
        abilities: { create: actor.permissions.has('projects.manage') && !!actor.institutionId },
      };
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Register a project led by the active institution; the creator becomes its coordinator',
        body: ProjectInput,
        response: { 201: Project },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.institutionId) throw new AppError('forbidden', 'project.noInstitution');
      const leaderInstitutionId = actor.institutionId;
      const input = request.body;
      await checkProject(db, input);
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(projects)
            .values({ ...columnsOf(input), leaderInstitutionId, createdBy: actor.userId })
            .returning({ id: projects.id });
          if (!row) throw new Error('insert returned nothing');
          await tx
            .insert(projectTeam)
            .values({ projectId: row.id, userId: actor.userId, role: 'koordynator' });
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'project',
            recordId: row.id,
            before: null,
            after: await projectAuditable(tx, row.id),
            details: { coordinator: actor.userId },
          });
          return row.id;
        });
      } catch (e) {
        if (isUniqueViolation(e, 'projects_number_uq')) throw numberTaken();
        throw e;
      }
      return reply.status(201).send((await loadProject(db, id, { manage: true })) as Project);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary:
          'A project: placement, leader, partners, team, money with co-financing rates and checks, call result',
        params: IdParams,
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.id);
      return (await loadProject(db, access.id, { manage: access.manage })) as Project;
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary:
          'Change a project (its coordinator) with the loaded version; sums that do not add up are field errors',
        params: IdParams,
        body: ProjectUpdate,
        response: { 200: Project },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { project: input, version } = request.body;
      try {
        await db.transaction(async (tx) => {
          const before = await projectAuditable(tx, access.id);
          const [current] = await queryRows<{ version: number }>(
            tx,
            sql`select version from projects where id = ${access.id} for update`,
          );
          if (!before || current?.version !== version) throw conflict();
          await checkProject(tx, input, access.id);
          const updated = await tx
            .update(projects)
            .set({ ...columnsOf(input), version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
            .where(sql`${projects.id} = ${access.id} and ${projects.version} = ${version}`)
            .returning({ id: projects.id });
          if (!updated.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'project',
            recordId: access.id,
            before,
            after: await projectAuditable(tx, access.id),
            details: { version: version + 1 },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e, 'projects_number_uq')) throw numberTaken();
        throw e;
      }
      return (await loadProject(db, access.id, { manage: true })) as Project;
    },
  );
};
