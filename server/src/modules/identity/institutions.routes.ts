import {
  Institution,
  InstitutionInput,
  InstitutionList,
  InstitutionSearchQuery,
  institutionTypes,
} from '@kooperacja/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../../db/database.js';
import { institutions, territorialUnits } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { canCreateInstitution, institutionAbilities } from './policies.js';
import { actorOf, conflict, fieldError, isUniqueViolation, matchesWords } from './scope.js';

const InstitutionUpdate = InstitutionInput.extend({ version: z.number().int() });
const IdParams = z.object({ id: z.uuid() });

const columns = {
  id: institutions.id,
  name: institutions.name,
  shortName: institutions.shortName,
  type: institutions.type,
  sector: institutions.sector,
  teryt: institutions.teryt,
  unitName: territorialUnits.name,
  street: institutions.street,
  postalCode: institutions.postalCode,
  city: institutions.city,
  email: institutions.email,
  phone: institutions.phone,
  website: institutions.website,
  nip: institutions.nip,
  regon: institutions.regon,
  active: institutions.active,
  version: institutions.version,
  userCount: sql<number>`(select count(*)::int from memberships m where m.institution_id = ${institutions.id} and m.active)`,
};

type Row = Omit<Institution, 'abilities' | 'type' | 'sector'> & { type: string; sector: string };

function present(actor: Actor, row: Row): Institution {
  return { ...(row as Institution), abilities: institutionAbilities(actor, row) };
}

async function selectInstitutions(db: DbOrTx, where: SQL | undefined, limit = 1, offset = 0) {
  return db
    .select(columns)
    .from(institutions)
    .leftJoin(territorialUnits, eq(territorialUnits.teryt, institutions.teryt))
    .where(where)
    .orderBy(institutions.name, institutions.id)
    .limit(limit)
    .offset(offset);
}

export async function getInstitution(db: DbOrTx, id: string): Promise<Row | undefined> {
  const [row] = await selectInstitutions(db, eq(institutions.id, id));
  return row as Row | undefined;
}

async function checkUnit(db: DbOrTx, teryt: string) {
  const [unit] = await db
    .select({ t: territorialUnits.teryt })
    .from(territorialUnits)
    .where(eq(territorialUnits.teryt, teryt));
  if (!unit) throw fieldError('teryt', 'territory.unknownUnit');
}

/** The values of the record an audit entry compares (no computed columns). */
const auditable = (r: Row | InstitutionInput) => {
  const { unitName, userCount, version, id, ...rest } = r as Row;
  return rest as Record<string, unknown>;
};

export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['institutions'],
        summary: 'Search the registry of institutions (name, type, sector, TERYT unit)',
        querystring: InstitutionSearchQuery,
        response: { 200: InstitutionList },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      const conds: SQL[] = [];
      if (q.q) conds.push(matchesWords(sql`${institutions.nameSearch}`, q.q));
      if (q.type) conds.push(eq(institutions.type, q.type));
      if (q.sector) conds.push(eq(institutions.sector, q.sector));
      if (q.teryt) conds.push(sql`${institutions.teryt} like ${`${q.teryt}%`}`);
      if (q.active !== 'all') conds.push(eq(institutions.active, q.active === 'true'));
      const where = conds.length ? and(...conds) : undefined;
      const [items, [count]] = await Promise.all([
        selectInstitutions(db, where, q.limit, q.offset),
        db.select({ n: sql<number>`count(*)::int` }).from(institutions).where(where),
      ]);
      return {
        total: count?.n ?? 0,
        items: items.map((r) => present(actor, r as Row)),
        abilities: { create: canCreateInstitution(actor) },
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['institutions'],
        summary: 'One institution',
        params: IdParams,
        response: { 200: Institution },
      },
    },
    async (request) => {
      const row = await getInstitution(db, request.params.id);
      if (!row) throw notFound();
      return present(actorOf(request), row);
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['institutions'],
        summary: 'Register an institution',
        body: InstitutionInput,
        response: { 201: Institution },
      },
    },
    async (request, reply) => {
      const input = request.body;
      const actor = actorOf(request);
      const id = await db
        .transaction(async (tx) => {
          await checkUnit(tx, input.teryt);
          const [created] = await tx.insert(institutions).values(input).returning({ id: institutions.id });
          if (!created) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'institution',
            recordId: created.id,
            before: null,
            after: auditable(input),
          });
          return created.id;
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'institutions_nip_uq')) throw fieldError('nip', 'institution.nipTaken');
          throw e;
        });
      const row = await getInstitution(db, id);
      return reply.status(201).send(present(actor, row as Row));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['institutions'],
        summary: 'Change an institution (system administrator, or an administrator of that institution)',
        params: IdParams,
        body: InstitutionUpdate,
        response: { 200: Institution },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { version, ...input } = request.body;
      const id = request.params.id;
      await db
        .transaction(async (tx) => {
          const before = await getInstitution(tx, id);
          if (!before) throw notFound();
          if (!institutionAbilities(actor, before).update) throw new AppError('forbidden', 'auth.forbidden');
          if (before.version !== version) throw conflict();
          if (input.teryt !== before.teryt) await checkUnit(tx, input.teryt);
          const updated = await tx
            .update(institutions)
            .set({ ...input, version: sql`${institutions.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(institutions.id, id), eq(institutions.version, version)))
            .returning({ id: institutions.id });
          if (!updated.length) throw conflict();
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'institution',
            recordId: id,
            before: auditable(before),
            after: auditable(input),
          });
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'institutions_nip_uq')) throw fieldError('nip', 'institution.nipTaken');
          throw e;
        });
      return present(actor, (await getInstitution(db, id)) as Row);
    },
  );
};

export const institutionTypeList = () =>
  Object.entries(institutionTypes).map(([key, v]) => ({
    key,
    label: { pl: v.pl, en: v.en },
    sector: v.sector,
  }));
