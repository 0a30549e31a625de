import {
  freezeRefusal,
  overlappingPeriod,
  ReportingPeriod,
  ReportingPeriodInput,
  ReportingPeriodList,
  VersionBody,
  VersionQuery,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { warsawToday } from '../cases/tasks.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { requireProject, requireProjectManager } from '../projects/access.js';
import { loadPeriods, loadProjectFrame, type PeriodRow, periodList } from './queries.js';
import { freezePeriod, lockProjectIndicators } from './values.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const PeriodParams = ProjectParams.extend({ periodId: z.uuid() });

async function requirePeriod(db: DbOrTx, projectId: string, periodId: string): Promise<PeriodRow> {
  const period = (await loadPeriods(db, projectId)).find((p) => p.id === periodId);
  if (!period) throw notFound();
  return period;
}

/**
 * Reporting periods of a project (/api/projects/:projectId/indicators/periods): create, freeze
 * (approve: the figures as of the period's end are stored and a value dated inside it can no
 * longer be entered or corrected), remove an open one, and the list with what was reported.
 */
export const periodRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function one(projectId: string, periodId: string): Promise<ReportingPeriod> {
    const item = (await periodList(db, projectId, true)).find((p) => p.id === periodId);
    if (!item) throw notFound();
    return item;
  }

  app.get(
    '/periods',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'The reporting periods of a project with the figures reported in the frozen ones',
        params: ProjectParams,
        response: { 200: ReportingPeriodList },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.projectId);
      return {
        items: await periodList(db, access.id, access.manage),
        abilities: { create: access.manage },
      };
    },
  );

  app.post(
    '/periods',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary: 'Create a reporting period (it may not overlap another one of the project)',
        params: ProjectParams,
        body: ReportingPeriodInput,
        response: { 201: ReportingPeriod },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const input = request.body;
      const id = await db.transaction(async (tx) => {
        await lockProjectIndicators(tx, access.id);
        const other = overlappingPeriod(await loadPeriods(tx, access.id), input);
        if (other) throw fieldError('startsOn', 'indicator.period.overlap', { period: other.name });
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into reporting_periods (project_id, name, starts_on, ends_on)
              values (${access.id}, ${input.name}, ${input.startsOn}, ${input.endsOn}) returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'reporting_period',
          recordId: row.id,
          before: null,
          after: { name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, status: 'otwarty' },
          details: { projectId: access.id },
        });
        return row.id;
      });
      return reply.status(201).send(await one(access.id, id));
    },
  );

  app.post(
    '/periods/:periodId/freeze',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Freeze (approve) an ended period: store every indicator’s figure as of its last day, in one transaction',
        params: PeriodParams,
        body: VersionBody,
        response: { 200: ReportingPeriod },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const actor = actorOf(request);
      const project = await loadProjectFrame(db, access.id);
      await db.transaction(async (tx) => {
        await lockProjectIndicators(tx, access.id);
        const period = await requirePeriod(tx, access.id, request.params.periodId);
        if (period.version !== request.body.version) throw conflict();
        const refusal = freezeRefusal(period, warsawToday());
        if (refusal) throw new AppError('bad_request', refusal);
        const figures = await freezePeriod(
          tx,
          { id: period.id, projectId: access.id, endsOn: period.endsOn, projectEndsOn: project.endsOn },
          actor.userId,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'reporting_period',
          recordId: period.id,
          before: { status: period.status },
          after: { status: 'zamrozony' },
          details: { projectId: access.id, figures, endsOn: period.endsOn },
        });
      });
      return one(access.id, request.params.periodId);
    },
  );

  app.delete(
    '/periods/:periodId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary: 'Remove an open reporting period (a frozen one stays: its figures were approved)',
        params: PeriodParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      await db.transaction(async (tx) => {
        await lockProjectIndicators(tx, access.id);
        const period = await requirePeriod(tx, access.id, request.params.periodId);
        if (period.version !== request.query.version) throw conflict();
        if (period.status !== 'otwarty') throw new AppError('bad_request', 'indicator.period.frozenRemove');
        await tx.execute(sql`delete from reporting_periods where id = ${period.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'reporting_period',
          recordId: period.id,
          before: {
            name: period.name,
            startsOn: period.startsOn,
            endsOn: period.endsOn,
            status: period.status,
          },
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );
};
