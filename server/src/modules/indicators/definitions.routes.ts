import {
  IndicatorDefinition,
  IndicatorDefinitionInput,
  IndicatorDefinitionList,
  IndicatorDefinitionQuery,
  IndicatorDefinitionUpdate,
  MetricList,
  Portfolio,
  PortfolioQuery,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { warsawToday } from '../cases/tasks.js';
import {
  actorOf,
  conflict,
  fieldError,
  isUniqueViolation,
  matchesWords,
  outOfScope,
} from '../identity/scope.js';
import { loadProjectAccess, projectsReadableSql } from '../projects/access.js';
import { listMetrics } from './metrics/index.js';
import { mayKeepSharedDefinitions, mayReadProjectDefinitions, mayUpdateDefinition } from './policies.js';
import { loadPortfolio } from './portfolio.js';

const IdParams = z.object({ id: z.uuid() });

interface DefinitionRow extends Omit<IndicatorDefinition, 'abilities'> {
  projectId: string | null;
  visible: boolean;
  coordinates: boolean;
}

/** Definitions with their visibility for the actor (project-specific ones follow the project). */
async function loadDefinitions(
  db: DbOrTx,
  actor: Actor,
  where: SQL,
  page?: { limit: number; offset: number },
): Promise<DefinitionRow[]> {
  const readable = mayReadProjectDefinitions(actor) ? projectsReadableSql(actor, 'p') : sql`false`;
  const coordinates = actor.permissions.has('projects.manage')
    ? sql`exists (select 1 from project_team pt where pt.project_id = d.project_id and pt.user_id = ${actor.userId}
                  and pt.role = 'koordynator')`
    : sql`false`;
  const paging = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  return queryRows<DefinitionRow>(
    db,
    sql`select d.id, d.code, d.name, d.definition, d.unit, d.type, d.counting, d.breakdowns, d.measurement, d.scope,
          case when pn.id is null then null else json_build_object('id', pn.id, 'code', pn.code, 'name', pn.name) end
            as "programmeNode",
          case when p.id is null then null else json_build_object('id', p.id, 'number', p.number, 'title', p.title) end
            as project,
          d.project_id as "projectId", d.active, d.version,
          (select count(*)::int from project_indicators pi where pi.definition_id = d.id) as "usedBy",
          (d.project_id is null or coalesce(${readable}, false)) as visible,
          coalesce(${coordinates}, false) as coordinates
        from indicator_definitions d
        left join programme_nodes pn on pn.id = d.programme_node_id
        left join projects p on p.id = d.project_id
        where ${where}
        order by case d.scope when 'wspolny' then 0 when 'programowy' then 1 else 2 end,
          d.code nulls last, d.name, d.id
        ${paging}`,
  );
}

function present(actor: Actor, r: DefinitionRow): IndicatorDefinition {
  const { projectId: _p, visible: _v, coordinates, ...rest } = r;
  return { ...rest, abilities: { update: mayUpdateDefinition(actor, r, coordinates) } };
}

const auditable = (d: {
  code: string | null;
  name: string;
  definition: string | null;
  unit: string;
  type: string;
  counting: string;
  breakdowns: readonly string[];
  measurement: string;
  active?: boolean;
}) => ({
  code: d.code,
  name: d.name,
  definition: d.definition,
  unit: d.unit,
  type: d.type,
  counting: d.counting,
  breakdowns: d.breakdowns,
  measurement: d.measurement,
  active: d.active ?? true,
});

const forbidden = () => new AppError('forbidden', 'indicator.definition.manageForbidden');

async function programmeNodeExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from programme_nodes where id = ${id}`);
  return rows.length > 0;
}

/**
 * The indicator library (/api/indicators/definitions), the metric registry for the form, and the
 * portfolio. Reading the library is open to every user with `institutions.read` (it is reference
 * data); changes follow `policies.ts`.
 */
export const definitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function requireDefinition(
    request: Parameters<typeof actorOf>[0],
    id: string,
  ): Promise<DefinitionRow> {
    const actor = actorOf(request);
    const [row] = await loadDefinitions(db, actor, sql`d.id = ${id}`);
    if (!row) throw notFound();
    if (!row.visible) return outOfScope(request, 'indicator_definition', id);
    return row;
  }

  app.get(
    '/definitions',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'The indicator library: common ESF+, programme- and project-specific definitions, filtered',
        querystring: IndicatorDefinitionQuery,
        response: { 200: IndicatorDefinitionList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const f = request.query;
      const conds: SQL[] = [];
      if (f.q) conds.push(matchesWords(sql`search_text(coalesce(d.code, '') || ' ' || d.name)`, f.q));
      if (f.scope) conds.push(sql`d.scope = ${f.scope}`);
      if (f.type) conds.push(sql`d.type = ${f.type}`);
      if (f.unit) conds.push(sql`d.unit = ${f.unit}`);
      if (f.programme) conds.push(sql`d.programme_node_id = ${f.programme}`);
      if (f.project) conds.push(sql`d.project_id = ${f.project}`);
      if (f.active !== 'all') conds.push(sql`d.active = ${f.active === 'true'}`);
      const readable = mayReadProjectDefinitions(actor) ? projectsReadableSql(actor, 'p') : sql`false`;
      conds.push(sql`(d.project_id is null or ${readable})`);
      const where = sql.join(conds, sql` and `);
      const [items, [count]] = await Promise.all([
        loadDefinitions(db, actor, where, { limit: f.limit, offset: f.offset }),
        queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from indicator_definitions d left join projects p on p.id = d.project_id
              where ${where}`,
        ),
      ]);
      return {
        total: count?.n ?? 0,
        items: items.map((r) => present(actor, r)),
        abilities: { createShared: mayKeepSharedDefinitions(actor) },
      };
    },
  );

  app.get(
    '/definitions/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'One definition of the indicator library',
        params: IdParams,
        response: { 200: IndicatorDefinition },
      },
    },
    async (request) => present(actorOf(request), await requireDefinition(request, request.params.id)),
  );

  app.post(
    '/definitions',
    {
      // Readers reach the route; the policy admits a system administrator for common and programme
      // definitions and the project's coordinator for a project-specific one.
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Add a definition to the library (common/programme: system administrator; project: its coordinator)',
        body: IndicatorDefinitionInput,
        response: { 201: IndicatorDefinition },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      if (input.scope === 'projektowy') {
        const access = await loadProjectAccess(db, actor, input.projectId as string);
        if (!access) throw fieldError('projectId', 'indicator.projectUnknown');
        if (!access.manage) throw forbidden();
      } else if (!mayKeepSharedDefinitions(actor)) throw forbidden();
      if (input.scope === 'programowy' && !(await programmeNodeExists(db, input.programmeNodeId as string)))
        throw fieldError('programmeNodeId', 'indicator.programmeUnknown');
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into indicator_definitions (code, name, definition, unit, type, counting, breakdowns,
                  measurement, scope, programme_node_id, project_id)
                values (${input.code}, ${input.name}, ${input.definition}, ${input.unit}, ${input.type},
                  ${input.counting}, ${JSON.stringify(input.breakdowns)}::jsonb, ${input.measurement}, ${input.scope},
                  ${input.programmeNodeId ?? null}, ${input.projectId ?? null})
                returning id`,
          );
          if (!row) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'indicator_definition',
            recordId: row.id,
            before: null,
            after: auditable(input),
            details: { scope: input.scope, projectId: input.projectId ?? null },
          });
          return row.id;
        });
      } catch (e) {
        if (isUniqueViolation(e, 'indicator_definitions_code_uq'))
          throw fieldError('code', 'indicator.codeTaken');
        throw e;
      }
      const [created] = await loadDefinitions(db, actor, sql`d.id = ${id}`);
      return reply.status(201).send(present(actor, created as DefinitionRow));
    },
  );

  app.put(
    '/definitions/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'Change a definition with the loaded version (or deactivate it); stale version → 409',
        params: IdParams,
        body: IndicatorDefinitionUpdate,
        response: { 200: IndicatorDefinition },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const before = await requireDefinition(request, request.params.id);
      if (!mayUpdateDefinition(actor, before, before.coordinates)) throw forbidden();
      const { definition: input, active, version } = request.body;
      if (before.version !== version) throw conflict();
      try {
        await db.transaction(async (tx) => {
          const updated = await queryRows<{ id: string }>(
            tx,
            sql`update indicator_definitions set code = ${input.code}, name = ${input.name},
                  definition = ${input.definition}, unit = ${input.unit}, type = ${input.type},
                  counting = ${input.counting}, breakdowns = ${JSON.stringify(input.breakdowns)}::jsonb,
                  measurement = ${input.measurement}, active = ${active},
                  version = version + 1, updated_at = now()
                where id = ${before.id} and version = ${version} returning id`,
          );
          if (!updated.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'indicator_definition',
            recordId: before.id,
            before: auditable(before),
            after: auditable({ ...input, active }),
          });
        });
      } catch (e) {
        if (isUniqueViolation(e, 'indicator_definitions_code_uq'))
          throw fieldError('definition.code', 'indicator.codeTaken');
        throw e;
      }
      const [after] = await loadDefinitions(db, actor, sql`d.id = ${before.id}`);
      return present(actor, after as DefinitionRow);
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'The metric registry: what an indicator computed from the records can count, with parameters',
        response: { 200: MetricList },
      },
    },
    async () => ({ items: listMetrics() }),
  );

  app.get(
    '/portfolio',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Portfolio over the projects the actor may read: counts by band per project and progress per indicator, from stored figures',
        querystring: PortfolioQuery,
        response: { 200: Portfolio },
      },
    },
    async (request) => loadPortfolio(db, actorOf(request), request.query, warsawToday()),
  );
};
