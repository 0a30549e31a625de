import {
  CatalogueDocument,
  CatalogueExportQuery,
  CatalogueImportQuery,
  CatalogueImportResult,
  childKindsOf,
  kindFitsParent,
  nodeFieldIssues,
  normaliseRules,
  ProgrammeNodeActiveChange,
  ProgrammeNodeDeleteQuery,
  ProgrammeNodeDetail,
  ProgrammeNodeInput,
  type ProgrammeNodeKind,
  ProgrammeNodeUpdate,
  ProgrammePlacementList,
  ProgrammeTree,
} from '@kooperacja/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../../db/database.js';
import { programmeNodes } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import {
  actorOf,
  conflict,
  fieldError,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../identity/scope.js';
import {
  applyCatalogue,
  auditable,
  countProjectsUnder,
  exportCatalogue,
  getNode,
  listPlacements,
  loadNodes,
  NodeIndex,
  type NodeRow,
  planCatalogue,
} from './catalogue.js';

const IdParams = z.object({ id: z.uuid() });

const mayManage = (actor: Actor) => actor.permissions.has('system.admin');

function fieldIssues(issues: { field: string; code: string }[], prefix = ''): AppError {
  return new AppError(
    'validation_failed',
    'validation.summary',
    { count: issues.length },
    issues.map((i) => ({ field: `${prefix}${i.field}`, code: i.code })),
  );
}

async function detailOf(db: DbOrTx, actor: Actor, id: string): Promise<ProgrammeNodeDetail | undefined> {
  const index = new NodeIndex(await loadNodes(db));
  const n = index.byId.get(id);
  if (!n) return undefined;
  const chain = index.chain(id);
  const children = index.childrenOf(id);
  const projectCount = await countProjectsUnder(db, id);
  const manage = mayManage(actor);
  return {
    id: n.id,
    parentId: n.parentId,
    kind: n.kind,
    code: n.code,
    name: n.name,
    description: n.description,
    rules: normaliseRules(n.rules ?? {}),
    effectiveRules: index.effectiveRulesOf(id),
    period: n.period,
    sortOrder: n.sortOrder,
    active: n.active,
    version: n.version,
    path: index.label(id),
    ancestors: chain.slice(0, -1).map((a) => ({ id: a.id, kind: a.kind, code: a.code, name: a.name })),
    children: children.map((c) => ({ id: c.id, kind: c.kind, code: c.code, name: c.name, active: c.active })),
    projectCount,
    abilities: {
      update: manage,
      addChild: manage && childKindsOf[n.kind].length > 0,
      delete: manage && children.length === 0 && projectCount === 0,
    },
    childKinds: [...childKindsOf[n.kind]],
  };
}

const codeTaken = () => fieldError('code', 'programme.codeTaken');

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['programmes'],
        summary: 'The whole programme catalogue as a flat list of nodes (nest them by parentId)',
        response: { 200: ProgrammeTree },
      },
    },
    async (request) => {
      const rows = await loadNodes(db);
      return {
        items: rows.map((r) => ({
          id: r.id,
          parentId: r.parentId,
          kind: r.kind,
          code: r.code,
          name: r.name,
          active: r.active,
          sortOrder: r.sortOrder,
        })),
        abilities: { manage: mayManage(actorOf(request)) },
      };
    },
  );

  app.get(
    '/placements',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['programmes'],
        summary: 'Every active action and sub-action a project can be placed under, with its code path',
        response: { 200: ProgrammePlacementList },
      },
    },
    async () => ({ items: await listPlacements(db) }),
  );

  app.get(
    '/export',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['programmes'],
        summary: 'The catalogue (or one programme) as a JSON document for import elsewhere',
        querystring: CatalogueExportQuery,
        response: { 200: CatalogueDocument },
      },
    },
    async (request, reply) => {
      const programme = request.query.programme;
      if (programme) {
        const node = await getNode(db, programme);
        if (!node) throw notFound();
        if (node.kind !== 'program') throw fieldError('query.programme', 'programme.exportNotProgramme');
      }
      const doc = await exportCatalogue(db, programme);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'programme_node',
        ...(programme ? { recordId: programme } : {}),
        details: { format: doc.format, programmes: doc.programmes.map((p) => p.code) },
      });
      const name = programme ? doc.programmes[0]?.code.replace(/[^A-Za-z0-9-]+/g, '-') : 'katalog';
      reply.header('content-disposition', `attachment; filename="programy-${name}.json"`);
      return doc;
    },
  );

  app.post(
    '/import',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['programmes'],
        summary:
          'Import a JSON document: upsert by code path in one transaction; dryRun=true only reports the counts',
        querystring: CatalogueImportQuery,
        body: z.unknown(),
        response: { 200: CatalogueImportResult },
      },
    },
    async (request) => {
      // Validated here rather than by the route so every issue carries its JSON path.
      const doc = CatalogueDocument.parse(request.body);
      const dryRun = request.query.dryRun === 'true';
      if (dryRun) {
        const plan = planCatalogue(await loadNodes(db), doc);
        return { dryRun, created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
      }
      const actor = actorFromRequest(request);
      const plan = await db.transaction(async (tx) => {
        const p = planCatalogue(await loadNodes(tx), doc);
        await applyCatalogue(tx, p);
        for (const c of p.changes) {
          await writeAudit(tx, actor, {
            action: c.action,
            recordType: 'programme_node',
            recordId: c.id,
            before: c.before,
            after: c.after,
            details: { via: 'import' },
          });
        }
        return p;
      });
      return { dryRun, created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['programmes'],
        summary: 'One node with its ancestors, children, rules and the number of projects under it',
        params: IdParams,
        response: { 200: ProgrammeNodeDetail },
      },
    },
    async (request) => {
      const detail = await detailOf(db, actorOf(request), request.params.id);
      if (!detail) throw notFound();
      return detail;
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['programmes'],
        summary: 'Add a node under a parent (a programme at the root); the kind must fit the parent',
        body: ProgrammeNodeInput,
        response: { 201: ProgrammeNodeDetail },
      },
    },
    async (request, reply) => {
      const input = request.body;
      let parentKind: ProgrammeNodeKind | null = null;
      if (input.parentId) {
        const parent = await getNode(db, input.parentId);
        if (!parent) throw fieldError('parentId', 'programme.parentUnknown');
        parentKind = parent.kind;
      }
      const issues = nodeFieldIssues(input.kind, input);
      if (!kindFitsParent(input.kind, parentKind)) {
        issues.unshift({
          field: 'kind',
          code: parentKind === null ? 'programme.rootMustBeProgramme' : 'programme.kindNotAllowed',
        });
      }
      if (issues.length) throw fieldIssues(issues);
      const [last] = await db
        .select({ max: sql<number>`coalesce(max(${programmeNodes.sortOrder}), 0)::int` })
        .from(programmeNodes)
        .where(
          input.parentId
            ? eq(programmeNodes.parentId, input.parentId)
            : sql`${programmeNodes.parentId} is null`,
        );
      const values = {
        parentId: input.parentId,
        kind: input.kind,
        code: input.code,
        name: input.name,
        description: input.description,
        rules: normaliseRules(input.rules),
        period: input.period,
        sortOrder: input.sortOrder ?? (last?.max ?? 0) + 10,
        active: true,
      };
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(programmeNodes)
            .values(values)
            .returning({ id: programmeNodes.id });
          if (!created) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'programme_node',
            recordId: created.id,
            before: null,
            after: { ...auditable(values), parentId: input.parentId },
          });
          return created.id;
        });
      } catch (e) {
        if (isUniqueViolation(e, 'programme_nodes_sibling_code_uq')) throw codeTaken();
        throw e;
      }
      return reply.status(201).send((await detailOf(db, actorOf(request), id)) as ProgrammeNodeDetail);
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['programmes'],
        summary: 'Change a node’s code, name, description, rules, period or order with the loaded version',
        params: IdParams,
        body: ProgrammeNodeUpdate,
        response: { 200: ProgrammeNodeDetail },
      },
    },
    async (request) => {
      const { node: input, version } = request.body;
      const id = request.params.id;
      const before = await getNode(db, id);
      if (!before) throw notFound();
      const issues = nodeFieldIssues(before.kind, input);
      if (issues.length) throw fieldIssues(issues, 'node.');
      if (before.version !== version) throw conflict();
      const values = { ...input, rules: normaliseRules(input.rules) };
      try {
        await db.transaction(async (tx) => {
          const updated = await tx
            .update(programmeNodes)
            .set({ ...values, version: sql`${programmeNodes.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(programmeNodes.id, id), eq(programmeNodes.version, version)))
            .returning({ id: programmeNodes.id });
          if (!updated.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'programme_node',
            recordId: id,
            before: auditable(before),
            after: auditable({ ...before, ...values }),
          });
        });
      } catch (e) {
        if (isUniqueViolation(e, 'programme_nodes_sibling_code_uq'))
          throw fieldError('node.code', 'programme.codeTaken');
        throw e;
      }
      return (await detailOf(db, actorOf(request), id)) as ProgrammeNodeDetail;
    },
  );

  app.put(
    '/:id/active',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['programmes'],
        summary:
          'Deactivate a node (no new projects under it; projects already there keep their place) or activate it again',
        params: IdParams,
        body: ProgrammeNodeActiveChange,
        response: { 200: ProgrammeNodeDetail },
      },
    },
    async (request) => {
      const { active, version } = request.body;
      const id = request.params.id;
      const before = await getNode(db, id);
      if (!before) throw notFound();
      if (before.version !== version) throw conflict();
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(programmeNodes)
          .set({ active, version: sql`${programmeNodes.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(programmeNodes.id, id), eq(programmeNodes.version, version)))
          .returning({ id: programmeNodes.id });
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'programme_node',
          recordId: id,
          before: { active: before.active },
          after: { active },
        });
      });
      return (await detailOf(db, actorOf(request), id)) as ProgrammeNodeDetail;
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['programmes'],
        summary: 'Delete a node without children and projects (others can only be deactivated)',
        params: IdParams,
        querystring: ProgrammeNodeDeleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const { version } = request.query;
      const before: NodeRow | undefined = await getNode(db, id);
      if (!before) throw notFound();
      if (before.version !== version) throw conflict();
      const [child] = await db
        .select({ id: programmeNodes.id })
        .from(programmeNodes)
        .where(eq(programmeNodes.parentId, id))
        .limit(1);
      if (child) throw new AppError('conflict', 'programme.deleteHasChildren');
      if ((await countProjectsUnder(db, id)) > 0)
        throw new AppError('conflict', 'programme.deleteHasProjects');
      try {
        await db.transaction(async (tx) => {
          const deleted = await tx
            .delete(programmeNodes)
            .where(and(eq(programmeNodes.id, id), eq(programmeNodes.version, version)))
            .returning({ id: programmeNodes.id });
          if (!deleted.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.delete',
            recordType: 'programme_node',
            recordId: id,
            before: { ...auditable(before), parentId: before.parentId },
            after: null,
          });
        });
      } catch (e) {
        // A child or a project added meanwhile, or an indicator definition of the node.
        if (isForeignKeyViolation(e)) throw new AppError('conflict', 'programme.deleteReferenced');
        throw e;
      }
      return reply.status(204).send(null);
    },
  );
};
