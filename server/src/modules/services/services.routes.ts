import {
  Service,
  ServiceActiveChange,
  ServiceInput,
  ServiceList,
  ServiceMapCounts,
  ServiceMapQuery,
  ServiceSearchQuery,
  ServiceUpdate,
  type ServiceValues,
  serviceTypes,
  serviceTypesMatching,
  serviceTypesOfArea,
  targetGroupsMatching,
} from '@kooperacja/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../../db/database.js';
import { institutions, services, territorialUnits } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { canCreateService, canUpdateService } from './policies.js';

const IdParams = z.object({ id: z.uuid() });

const columns = {
  id: services.id,
  institutionId: services.institutionId,
  institutionName: institutions.name,
  institutionShortName: institutions.shortName,
  institutionType: institutions.type,
  institutionSector: institutions.sector,
  institutionPhone: institutions.phone,
  institutionEmail: institutions.email,
  name: services.name,
  serviceType: services.serviceType,
  targetGroups: services.targetGroups,
  description: services.description,
  eligibility: services.eligibility,
  capacity: services.capacity,
  freePlaces: services.freePlaces,
  hours: services.hours,
  howToRefer: services.howToRefer,
  contactName: services.contactName,
  contactPhone: services.contactPhone,
  contactEmail: services.contactEmail,
  teryt: services.teryt,
  unitName: territorialUnits.name,
  address: services.address,
  active: services.active,
  version: services.version,
  updatedAt: services.updatedAt,
};

interface Row {
  id: string;
  institutionId: string;
  institutionName: string;
  institutionShortName: string | null;
  institutionType: string;
  institutionSector: string;
  institutionPhone: string | null;
  institutionEmail: string | null;
  name: string;
  serviceType: string;
  targetGroups: string[];
  description: string | null;
  eligibility: string | null;
  capacity: number | null;
  freePlaces: number | null;
  hours: string | null;
  howToRefer: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  teryt: string;
  unitName: string | null;
  address: string | null;
  active: boolean;
  version: number;
  updatedAt: Date | string;
}

function present(actor: Actor, r: Row): Service {
  const type = r.serviceType as Service['serviceType'];
  return {
    id: r.id,
    institution: {
      id: r.institutionId,
      name: r.institutionName,
      shortName: r.institutionShortName,
      type: r.institutionType,
      sector: r.institutionSector as Service['institution']['sector'],
      phone: r.institutionPhone,
      email: r.institutionEmail,
    },
    name: r.name,
    serviceType: type,
    area: serviceTypes[type]?.area ?? 'pomoc_spoleczna',
    targetGroups: r.targetGroups as Service['targetGroups'],
    description: r.description,
    eligibility: r.eligibility,
    capacity: r.capacity,
    freePlaces: r.freePlaces,
    hours: r.hours,
    howToRefer: r.howToRefer,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
    teryt: r.teryt,
    unitName: r.unitName,
    address: r.address,
    active: r.active,
    version: r.version,
    updatedAt: new Date(r.updatedAt).toISOString(),
    abilities: { update: canUpdateService(actor, r) },
  };
}

const textList = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * Search by need: every word typed must occur — in the service's name or description, in the
 * institution's name, or in the label of the service's type, area or one of its target groups
 * ("mieszkanie" finds training flats, "przemoc" the services for people experiencing violence).
 * Diacritics- and case-insensitive on both sides.
 */
function matchesNeed(q: string): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (!words.length) return undefined;
  return and(
    ...words.map((w) => {
      const alts: SQL[] = [
        sql`${services.nameSearch} like '%' || search_text(${w}) || '%'`,
        sql`${institutions.nameSearch} like '%' || search_text(${w}) || '%'`,
      ];
      const types = serviceTypesMatching(w);
      if (types.length) alts.push(sql`${services.serviceType} = any(${textList(types)})`);
      const groups = targetGroupsMatching(w);
      if (groups.length) alts.push(sql`${services.targetGroups} && ${textList(groups)}`);
      return sql`(${sql.join(alts, sql` or `)})`;
    }),
  );
}

type Filters = z.infer<typeof ServiceMapQuery>;

function whereOf(f: Filters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.q) conds.push(matchesNeed(f.q));
  if (f.type) conds.push(eq(services.serviceType, f.type));
  if (f.area) conds.push(sql`${services.serviceType} = any(${textList(serviceTypesOfArea(f.area))})`);
  if (f.targetGroup) conds.push(sql`${f.targetGroup} = any(${services.targetGroups})`);
  if (f.teryt) conds.push(sql`${services.teryt} like ${`${f.teryt}%`}`);
  if (f.sector) conds.push(eq(institutions.sector, f.sector));
  if (f.institutionId) conds.push(eq(services.institutionId, f.institutionId));
  if (f.freeOnly === 'true') conds.push(sql`${services.freePlaces} > 0`);
  if (f.active === 'true') conds.push(and(eq(services.active, true), eq(institutions.active, true)));
  if (f.active === 'false') conds.push(eq(services.active, false));
  const present = conds.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}

async function getService(db: DbOrTx, id: string): Promise<Row | undefined> {
  const [row] = await db
    .select(columns)
    .from(services)
    .innerJoin(institutions, eq(institutions.id, services.institutionId))
    .leftJoin(territorialUnits, eq(territorialUnits.teryt, services.teryt))
    .where(eq(services.id, id));
  return row as Row | undefined;
}

/** The place of delivery must be a gmina of the TERYT register. */
async function checkGmina(db: DbOrTx, teryt: string) {
  const [unit] = await db
    .select({ level: territorialUnits.level })
    .from(territorialUnits)
    .where(eq(territorialUnits.teryt, teryt));
  if (!unit) throw fieldError('teryt', 'territory.unknownUnit');
  if (unit.level !== 'gmina') throw fieldError('teryt', 'territory.gminaRequired');
}

/** The values an audit entry compares (no computed or joined columns). */
const auditable = (r: Row | ServiceValues): Record<string, unknown> => ({
  name: r.name,
  serviceType: r.serviceType,
  targetGroups: r.targetGroups,
  description: r.description,
  eligibility: r.eligibility,
  capacity: r.capacity,
  freePlaces: r.freePlaces,
  hours: r.hours,
  howToRefer: r.howToRefer,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  teryt: r.teryt,
  address: r.address,
});

const forbidden = () => new AppError('forbidden', 'service.manageForbidden');

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary:
          'Search the resource map: need or words, service type or area, target group, TERYT unit, sector, free places',
        querystring: ServiceSearchQuery,
        response: { 200: ServiceList },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      const where = whereOf(q);
      // Best textual match first (when words were typed), then services with free places.
      const order: SQL[] = [
        ...(q.q ? [sql`similarity(${services.nameSearch}, search_text(${q.q})) desc`] : []),
        sql`(coalesce(${services.freePlaces}, 0) > 0) desc`,
        sql`${services.name}`,
        sql`${services.id}`,
      ];
      const [items, [count]] = await Promise.all([
        db
          .select(columns)
          .from(services)
          .innerJoin(institutions, eq(institutions.id, services.institutionId))
          .leftJoin(territorialUnits, eq(territorialUnits.teryt, services.teryt))
          .where(where)
          .orderBy(...order)
          .limit(q.limit)
          .offset(q.offset),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(services)
          .innerJoin(institutions, eq(institutions.id, services.institutionId))
          .where(where),
      ]);
      return {
        total: count?.n ?? 0,
        items: items.map((r) => present(actor, r as Row)),
        abilities: { create: canCreateService(actor) },
      };
    },
  );

  app.get(
    '/map',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary: 'Services per gmina (count and free places) for the map, with the filters of the search',
        querystring: ServiceMapQuery,
        response: { 200: ServiceMapCounts },
      },
    },
    async (request) => {
      const rows = await db
        .select({
          teryt: services.teryt,
          name: sql<string | null>`min(${territorialUnits.name})`,
          count: sql<number>`count(*)::int`,
          freePlaces: sql<number>`coalesce(sum(${services.freePlaces}), 0)::int`,
        })
        .from(services)
        .innerJoin(institutions, eq(institutions.id, services.institutionId))
        .leftJoin(territorialUnits, eq(territorialUnits.teryt, services.teryt))
        .where(whereOf(request.query))
        .groupBy(services.teryt)
        .orderBy(services.teryt);
      return { total: rows.reduce((s, r) => s + r.count, 0), items: rows };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary: 'One service of the resource map',
        params: IdParams,
        response: { 200: Service },
      },
    },
    async (request) => {
      const row = await getService(db, request.params.id);
      if (!row) throw notFound();
      return present(actorOf(request), row);
    },
  );

  app.post(
    '/',
    {
      // Readers reach the route; the policy admits administrators and animators of the active
      // institution (a route declares one permission, and these are two).
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary: 'Add a service of the active institution (its administrator or partnership animator)',
        body: ServiceInput,
        response: { 201: Service },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.institutionId) throw new AppError('forbidden', 'service.noInstitution');
      if (!canCreateService(actor)) throw forbidden();
      const institutionId = actor.institutionId;
      const input = request.body;
      const id = await db.transaction(async (tx) => {
        await checkGmina(tx, input.teryt);
        const [created] = await tx
          .insert(services)
          .values({ ...input, institutionId, createdBy: actor.userId })
          .returning({ id: services.id });
        if (!created) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'service',
          recordId: created.id,
          before: null,
          after: auditable(input),
        });
        return created.id;
      });
      return reply.status(201).send(present(actor, (await getService(db, id)) as Row));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary: 'Change a service (its institution’s administrator or animator) with the loaded version',
        params: IdParams,
        body: ServiceUpdate,
        response: { 200: Service },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { service: input, version } = request.body;
      const id = request.params.id;
      await db.transaction(async (tx) => {
        const before = await getService(tx, id);
        if (!before) throw notFound();
        if (!canUpdateService(actor, before)) throw forbidden();
        if (before.version !== version) throw conflict();
        if (input.teryt !== before.teryt) await checkGmina(tx, input.teryt);
        const updated = await tx
          .update(services)
          .set({ ...input, version: sql`${services.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(services.id, id), eq(services.version, version)))
          .returning({ id: services.id });
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'service',
          recordId: id,
          before: auditable(before),
          after: auditable(input),
        });
      });
      return present(actor, (await getService(db, id)) as Row);
    },
  );

  app.put(
    '/:id/active',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['services'],
        summary: 'Deactivate a service (no longer offered) or offer it again',
        params: IdParams,
        body: ServiceActiveChange,
        response: { 200: Service },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { active, version } = request.body;
      const id = request.params.id;
      await db.transaction(async (tx) => {
        const before = await getService(tx, id);
        if (!before) throw notFound();
        if (!canUpdateService(actor, before)) throw forbidden();
        if (before.version !== version) throw conflict();
        const updated = await tx
          .update(services)
          .set({ active, version: sql`${services.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(services.id, id), eq(services.version, version)))
          .returning({ id: services.id });
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'service',
          recordId: id,
          before: { active: before.active },
          after: { active },
        });
      });
      return present(actor, (await getService(db, id)) as Row);
    },
  );
};
