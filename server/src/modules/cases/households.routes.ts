import {
  Household,
  HouseholdCreate,
  type HouseholdInput,
  HouseholdMemberAdd,
  HouseholdMemberEnd,
  HouseholdUpdate,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError, isUniqueViolation, outOfScope } from '../identity/scope.js';
import { caseInScope, householdInScope, personInScope } from './access.js';
import { checkGmina } from './persons.routes.js';

const IdParams = z.object({ id: z.uuid() });
const MemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

async function requireHousehold(request: FastifyRequest, db: DbOrTx, a: Actor, id: string) {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`select h.version from households h where h.id = ${id} and ${householdInScope(a, 'h')}`,
  );
  if (!row) return outOfScope(request, 'household', id);
  return row;
}

/** The household with members (current first, then history) and its cases in scope. */
export async function presentHousehold(db: DbOrTx, a: Actor, id: string): Promise<Household> {
  const [h] = await queryRows<Omit<Household, 'members' | 'cases' | 'abilities'>>(
    db,
    sql`select h.id, h.name, h.teryt, tu.name as "unitName", h.street, h.postal_code as "postalCode", h.city, h.version
        from households h left join territorial_units tu on tu.teryt = h.teryt where h.id = ${id}`,
  );
  if (!h) throw new AppError('not_found', 'record.notFound');
  const members = await queryRows<{
    id: string;
    relation: Household['members'][number]['relation'];
    fromDate: string;
    toDate: string | null;
    person: Household['members'][number]['person'];
  }>(
    db,
    sql`select hm.id, hm.relation, hm.from_date::text as "fromDate", hm.to_date::text as "toDate",
          json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'pesel', p.pesel,
            'birthDate', p.birth_date::text, 'sex', p.sex, 'teryt', p.teryt, 'unitName', null, 'city', p.city,
            'openCases', 0) as person
        from household_members hm join persons p on p.id = hm.person_id
        where hm.household_id = ${id}
        order by hm.to_date is not null, hm.relation <> 'glowa', p.birth_date, hm.from_date`,
  );
  const cases = await queryRows<Household['cases'][number]>(
    db,
    sql`select c.id, c.number, c.status from cases c where c.household_id = ${id} and ${caseInScope(a, 'c')}
        order by c.opened_on desc`,
  );
  return { ...h, members, cases, abilities: { update: a.permissions.has('persons.write') } };
}

/** Every person must be in the actor's scope (a worker cannot pull a stranger's record into a family). */
async function checkPersons(db: DbOrTx, a: Actor, ids: string[], field: (i: number) => string) {
  for (const [i, id] of ids.entries()) {
    const [row] = await queryRows<{ ok: boolean }>(
      db,
      sql`select true as ok from persons p where p.id = ${id} and ${personInScope(a, 'p')}`,
    );
    if (!row) throw fieldError(field(i), 'household.personNotInScope');
  }
}

const auditable = (h: HouseholdInput | Record<string, unknown>) => {
  const { name, teryt, street, postalCode, city } = h as Record<string, unknown>;
  return { name, teryt, street, postalCode, city };
};

/** A second current household of one person violates the partial unique index: say it in words. */
function memberConflict(field: string) {
  return (e: unknown) => {
    if (isUniqueViolation(e, 'household_members_current_uq'))
      throw fieldError(field, 'household.personInAnother');
    throw e;
  };
}

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'Register a household (family) with its head and members',
        body: HouseholdCreate,
        response: { 201: Household },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      if (!a.institutionId) throw new AppError('forbidden', 'auth.forbidden');
      const { household: h, members } = request.body;
      if (members.filter((m) => m.relation === 'glowa').length !== 1)
        throw fieldError('members', 'household.oneHead');
      const id = await db
        .transaction(async (tx) => {
          await checkGmina(tx, h.teryt, 'household.teryt');
          await checkPersons(
            tx,
            a,
            members.map((m) => m.personId),
            (i) => `members.${i}.personId`,
          );
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into households (institution_id, name, teryt, street, postal_code, city, created_by)
                values (${a.institutionId}, ${h.name}, ${h.teryt}, ${h.street}, ${h.postalCode}, ${h.city}, ${a.userId})
                returning id`,
          );
          if (!row) throw new Error('insert returned nothing');
          for (const m of members)
            await tx.execute(
              sql`insert into household_members (household_id, person_id, relation, from_date)
                  values (${row.id}, ${m.personId}, ${m.relation}, coalesce(${m.fromDate ?? null}::date, current_date))`,
            );
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'household',
            recordId: row.id,
            before: null,
            after: { ...auditable(h), members: members.map((m) => `${m.personId}:${m.relation}`) },
          });
          return row.id;
        })
        .catch(memberConflict('members'));
      return reply.status(201).send(await presentHousehold(db, a, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'persons.read' } },
      schema: {
        tags: ['persons'],
        summary: 'One household in scope',
        params: IdParams,
        response: { 200: Household },
      },
    },
    async (request) => {
      const a = actorOf(request);
      await requireHousehold(request, db, a, request.params.id);
      const household = await presentHousehold(db, a, request.params.id);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'household',
        recordId: request.params.id,
      });
      return household;
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'Change the household name and address',
        params: IdParams,
        body: HouseholdUpdate,
        response: { 200: Household },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id } = request.params;
      const { household: h, version } = request.body;
      await requireHousehold(request, db, a, id);
      await db.transaction(async (tx) => {
        const [before] = await queryRows<Record<string, unknown>>(
          tx,
          sql`select name, teryt, street, postal_code as "postalCode", city from households where id = ${id}`,
        );
        await checkGmina(tx, h.teryt, 'household.teryt');
        const updated = await queryRows(
          tx,
          sql`update households set name = ${h.name}, teryt = ${h.teryt}, street = ${h.street}, postal_code = ${h.postalCode},
                city = ${h.city}, version = version + 1, updated_at = now()
              where id = ${id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'household',
          recordId: id,
          before: before ?? null,
          after: auditable(h),
        });
      });
      return presentHousehold(db, a, id);
    },
  );

  app.post(
    '/:id/members',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'Add a member (a person belongs to one household at a time)',
        params: IdParams,
        body: HouseholdMemberAdd,
        response: { 200: Household },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id } = request.params;
      const m = request.body;
      await requireHousehold(request, db, a, id);
      await db
        .transaction(async (tx) => {
          await checkPersons(tx, a, [m.personId], () => 'personId');
          const bumped = await queryRows(
            tx,
            sql`update households set version = version + 1, updated_at = now() where id = ${id} and version = ${m.version} returning id`,
          );
          if (!bumped.length) throw conflict();
          if (m.relation === 'glowa') {
            const [head] = await queryRows(
              tx,
              sql`select 1 from household_members where household_id = ${id} and relation = 'glowa' and to_date is null`,
            );
            if (head) throw fieldError('relation', 'household.oneHead');
          }
          await tx.execute(
            sql`insert into household_members (household_id, person_id, relation, from_date)
                values (${id}, ${m.personId}, ${m.relation}, coalesce(${m.fromDate ?? null}::date, current_date))`,
          );
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'household',
            recordId: id,
            details: { memberAdded: m.personId, relation: m.relation },
          });
        })
        .catch(memberConflict('personId'));
      return presentHousehold(db, a, id);
    },
  );

  app.post(
    '/:id/members/:memberId/end',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'End a membership (kept in the history with its dates)',
        params: MemberParams,
        body: HouseholdMemberEnd,
        response: { 200: Household },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id, memberId } = request.params;
      await requireHousehold(request, db, a, id);
      await db.transaction(async (tx) => {
        const bumped = await queryRows(
          tx,
          sql`update households set version = version + 1, updated_at = now() where id = ${id} and version = ${request.body.version} returning id`,
        );
        if (!bumped.length) throw conflict();
        const ended = await queryRows<{ personId: string }>(
          tx,
          sql`update household_members set to_date = greatest(from_date, coalesce(${request.body.toDate ?? null}::date, current_date))
              where id = ${memberId} and household_id = ${id} and to_date is null returning person_id as "personId"`,
        );
        if (!ended.length) throw new AppError('not_found', 'record.notFound');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'household',
          recordId: id,
          details: { memberEnded: ended[0]?.personId },
        });
      });
      return presentHousehold(db, a, id);
    },
  );
};
