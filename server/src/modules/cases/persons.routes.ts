import {
  DuplicateCheck,
  Person,
  PersonCreate,
  type PersonData,
  PersonInput,
  PersonList,
  PersonMerge,
  PersonSearchQuery,
  PersonSensitiveUpdate,
  type PersonSummary,
  PersonUpdate,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError, outOfScope } from '../identity/scope.js';
import { caseInScope, personInScope, scopedPersonIds, supervises } from './access.js';

const IdParams = z.object({ id: z.uuid() });

/** Columns of a person as the API returns them (PersonSummary subset). */
const summaryColumns = (
  a: Actor,
) => sql`p.id, p.first_name as "firstName", p.last_name as "lastName", p.pesel,
  p.birth_date::text as "birthDate", p.sex, p.teryt, tu.name as "unitName", p.city,
  (select count(*)::int from cases c where c.person_id = p.id and c.status <> 'zamknieta' and ${caseInScope(a, 'c')})
  + (select count(*)::int from household_members hm join cases c on c.household_id = hm.household_id
       where hm.person_id = p.id and hm.to_date is null and c.status <> 'zamknieta' and ${caseInScope(a, 'c')}) as "openCases"`;

/** The persons the actor may see: the whole institution registry for a supervisor, else the scoped set. */
function scopeJoin(a: Actor): SQL {
  if (!a.institutionId || !a.permissions.has('persons.read')) return sql`where false`;
  if (supervises(a)) return sql`where p.institution_id = ${a.institutionId} and p.merged_into is null`;
  return sql`where p.id in (${scopedPersonIds(a)}) and p.institution_id = ${a.institutionId} and p.merged_into is null`;
}

const PESEL_RE = /^\d{11}$/;

/** Person fields compared by the audit log (notes are personal free text: logged as changed only). */
const auditable = (p: PersonData | Record<string, unknown>) => {
  const {
    firstName,
    lastName,
    pesel,
    otherIdType,
    otherIdNumber,
    birthDate,
    sex,
    citizenship,
    teryt,
    street,
    postalCode,
    city,
    phone,
    email,
    notes,
  } = p as Record<string, unknown>;
  return {
    firstName,
    lastName,
    pesel,
    otherIdType,
    otherIdNumber,
    birthDate,
    sex,
    citizenship,
    teryt,
    street,
    postalCode,
    city,
    phone,
    email,
    notes,
  };
};
const redactedFields = ['notes'] as const;

export async function checkGmina(db: DbOrTx, teryt: string | null, field = 'person.teryt') {
  if (!teryt) return;
  const [unit] = await queryRows<{ t: string }>(
    db,
    sql`select teryt as t from territorial_units where teryt = ${teryt} and length(teryt) = 7`,
  );
  if (!unit) throw fieldError(field, 'territory.unknownUnit');
}

interface PersonRow extends Omit<Person, 'sensitive' | 'households' | 'cases' | 'abilities'> {
  mergedInto: string | null;
}

async function loadPersonRow(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
  const [row] = await queryRows<PersonRow>(
    db,
    sql`select p.id, p.institution_id as "institutionId", p.first_name as "firstName", p.last_name as "lastName",
          p.pesel, p.other_id_type as "otherIdType", p.other_id_number as "otherIdNumber", p.birth_date::text as "birthDate",
          p.sex, p.citizenship, p.teryt, tu.name as "unitName", p.street, p.postal_code as "postalCode", p.city,
          p.phone, p.email, p.notes, p.version, p.created_at as "createdAt", p.merged_into as "mergedInto"
        from persons p left join territorial_units tu on tu.teryt = p.teryt where p.id = ${id}`,
  );
  return row;
}

/** Whether the person is in the actor's scope (the single-record check). */
export async function personVisible(db: DbOrTx, a: Actor, id: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select true as ok from persons p where p.id = ${id} and ${personInScope(a, 'p')}`,
  );
  return !!row;
}

/**
 * Special-category data: in this capability everyone who sees the person in scope works on their
 * case (lead, co-worker, supervisor) or registered them. Case teams narrow this by consent scope.
 */
function mayReadSensitive(_a: Actor): boolean {
  return true;
}

/** The full person as the API returns it; reading it (and its sensitive data) is audited by the caller. */
export async function presentPerson(db: DbOrTx, a: Actor, id: string): Promise<Person> {
  const row = await loadPersonRow(db, id);
  if (!row) throw new AppError('not_found', 'record.notFound');
  const { mergedInto, ...person } = row;
  const [households, cases, sensitive] = await Promise.all([
    queryRows<Person['households'][number]>(
      db,
      sql`select hm.household_id as "householdId", h.name, hm.relation, hm.from_date::text as "fromDate", hm.to_date::text as "toDate"
          from household_members hm join households h on h.id = hm.household_id
          where hm.person_id = ${id} order by hm.to_date desc nulls first, hm.from_date desc`,
    ),
    queryRows<Person['cases'][number]>(
      db,
      sql`select c.id, c.number, c.status, case when c.person_id = ${id} then 'person' else 'household' end as via
          from cases c where ${caseInScope(a, 'c')} and (c.person_id = ${id}
            or c.household_id in (select household_id from household_members where person_id = ${id}))
          order by c.opened_on desc`,
    ),
    mayReadSensitive(a)
      ? queryRows<NonNullable<Person['sensitive']>>(
          db,
          sql`select disability_level as "disabilityLevel", disability_until::text as "disabilityUntil", health, addiction, version
              from person_sensitive where person_id = ${id}`,
        )
      : Promise.resolve(undefined),
  ]);
  const write = a.permissions.has('persons.write') && !mergedInto;
  return {
    ...person,
    createdAt: new Date(person.createdAt).toISOString(),
    households,
    cases,
    ...(sensitive ? { sensitive: sensitive[0] ?? null } : {}),
    abilities: {
      update: write,
      readSensitive: mayReadSensitive(a),
      merge: write && supervises(a),
      openCase: a.permissions.has('cases.write') && !mergedInto,
    },
  };
}

/** The person in scope or an audited 404. */
async function requirePerson(request: FastifyRequest, db: DbOrTx, a: Actor, id: string) {
  if (!(await personVisible(db, a, id))) return outOfScope(request, 'person', id);
}

async function auditRead(db: DbOrTx, request: FastifyRequest, id: string, withSensitive: boolean) {
  await writeAudit(db, actorFromRequest(request), {
    action: 'record.read',
    recordType: 'person',
    recordId: id,
  });
  if (withSensitive)
    await writeAudit(db, actorFromRequest(request), {
      action: 'record.read',
      recordType: 'person_sensitive',
      recordId: id,
    });
}

/** Possible duplicates of a person within the institution's registry; out-of-scope ones show nothing identifying. */
async function findDuplicates(
  db: DbOrTx,
  a: Actor,
  p: PersonData,
  excludeId?: string,
): Promise<DuplicateCheck> {
  const exclude = excludeId ? sql`and p.id <> ${excludeId}` : sql``;
  const rows = await queryRows<{
    id: string;
    reason: 'pesel' | 'name_birthdate';
    similarity: number;
    visible: boolean;
  }>(
    db,
    sql`select p.id, case when p.pesel = ${p.pesel} then 'pesel' else 'name_birthdate' end as reason,
          similarity(p.name_search, search_text(${`${p.firstName} ${p.lastName}`}))::float8 as similarity,
          ${personInScope(a, 'p')} as visible
        from persons p
        where p.institution_id = ${a.institutionId} and p.merged_into is null ${exclude}
          and ((${p.pesel}::text is not null and p.pesel = ${p.pesel})
            or (p.birth_date = ${p.birthDate}::date
                and similarity(p.name_search, search_text(${`${p.firstName} ${p.lastName}`})) >= 0.45))
        order by (p.pesel is not distinct from ${p.pesel}) desc, 3 desc limit 5`,
  );
  const visibleIds = rows.filter((r) => r.visible).map((r) => r.id);
  const summaries = visibleIds.length
    ? await queryRows<PersonSummary>(
        db,
        sql`select ${summaryColumns(a)} from persons p left join territorial_units tu on tu.teryt = p.teryt
            where p.id in ${visibleIds}`,
      )
    : [];
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return {
    candidates: rows.map((r) => ({
      person: r.visible ? (byId.get(r.id) ?? null) : null,
      reason: r.reason,
      similarity: Math.round(r.similarity * 100) / 100,
    })),
  };
}

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'persons.read' } },
      schema: {
        tags: ['persons'],
        summary:
          'Search the persons in scope: PESEL (exact), name (diacritics- and typo-tolerant), birth date, gmina',
        querystring: PersonSearchQuery,
        response: { 200: PersonList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const q = request.query;
      const conds: SQL[] = [];
      let rank = sql`p.last_name, p.first_name`;
      if (q.q && PESEL_RE.test(q.q)) conds.push(sql`p.pesel = ${q.q}`);
      else if (q.q) {
        const text = sql`search_text(${q.q})`;
        const words = q.q.split(/\s+/).filter(Boolean).slice(0, 6);
        const allWords = sql.join(
          words.map((w) => sql`p.name_search like '%' || search_text(${w}) || '%'`),
          sql` and `,
        );
        // Every word found as typed (ignoring case and diacritics), or close enough for a typo.
        conds.push(sql`((${allWords}) or p.name_search % ${text})`);
        rank = sql`(${allWords}) desc, similarity(p.name_search, ${text}) desc, p.last_name, p.first_name`;
      }
      if (q.birthDate) conds.push(sql`p.birth_date = ${q.birthDate}::date`);
      if (q.teryt) conds.push(sql`p.teryt like ${`${q.teryt}%`}`);
      const where = sql`${scopeJoin(a)} ${conds.length ? sql`and ${sql.join(conds, sql` and `)}` : sql``}`;
      // One statement for the page and the total (the scope and the conditions run once); the
      // per-row columns (open cases) are computed for the page only.
      const rows = await queryRows<PersonSummary & { total: number }>(
        db,
        sql`with page as (
              select p.id, count(*) over ()::int as total, row_number() over (order by ${rank}, p.id) as rn
              from persons p ${where} order by rn limit ${q.limit} offset ${q.offset})
            select ${summaryColumns(a)}, page.total
            from page join persons p on p.id = page.id left join territorial_units tu on tu.teryt = p.teryt
            order by page.rn`,
      );
      let total = rows[0]?.total ?? 0;
      if (!rows.length && q.offset > 0) {
        const [n] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from persons p ${where}`,
        );
        total = n?.n ?? 0;
      }
      const items = rows.map(({ total: _t, ...r }) => r);
      const count = { n: total };
      if (q.q || q.birthDate)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'person_search',
          details: { results: count?.n ?? 0, byPesel: !!q.q && PESEL_RE.test(q.q) },
        });
      return {
        total: count?.n ?? 0,
        items,
        abilities: { create: a.permissions.has('persons.write') && !!a.institutionId },
      };
    },
  );

  app.post(
    '/check-duplicates',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary:
          'Possible duplicates of a person about to be registered (PESEL, or similar name and same birth date)',
        body: PersonInput,
        response: { 200: DuplicateCheck },
      },
    },
    async (request) => findDuplicates(db, actorOf(request), request.body),
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'Register a person in the institution’s registry',
        body: PersonCreate,
        response: { 201: Person },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      if (!a.institutionId) throw new AppError('forbidden', 'auth.forbidden');
      const { person: p, confirmNotDuplicate } = request.body;
      const id = await db.transaction(async (tx) => {
        // One registration at a time per institution and PESEL/birth date: duplicates cannot race in.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`person:${a.institutionId}:${p.birthDate}`}))`,
        );
        await checkGmina(tx, p.teryt);
        const dup = await findDuplicates(tx, a, p);
        const byPesel = dup.candidates.find((c) => c.reason === 'pesel');
        if (byPesel)
          throw fieldError(
            'person.pesel',
            byPesel.person ? 'person.peselExists' : 'person.peselExistsOutOfScope',
          );
        if (dup.candidates.length && !confirmNotDuplicate)
          throw fieldError('confirmNotDuplicate', 'person.possibleDuplicate');
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into persons (institution_id, first_name, last_name, pesel, other_id_type, other_id_number, birth_date, sex,
                citizenship, teryt, street, postal_code, city, phone, email, notes, created_by)
              values (${a.institutionId}, ${p.firstName}, ${p.lastName}, ${p.pesel}, ${p.otherIdType}, ${p.otherIdNumber},
                ${p.birthDate}, ${p.sex}, ${p.citizenship}, ${p.teryt}, ${p.street}, ${p.postalCode}, ${p.city}, ${p.phone},
                ${p.email}, ${p.notes}, ${a.userId})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'person',
          recordId: row.id,
          before: null,
          after: auditable(p),
          sensitiveFields: redactedFields,
          details: dup.candidates.length ? { confirmedNotDuplicate: true } : undefined,
        });
        return row.id;
      });
      return reply.status(201).send(await presentPerson(db, a, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'persons.read' } },
      schema: {
        tags: ['persons'],
        summary: 'One person in scope',
        params: IdParams,
        response: { 200: Person },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id } = request.params;
      await requirePerson(request, db, a, id);
      const person = await presentPerson(db, a, id);
      await auditRead(db, request, id, !!person.sensitive);
      return person;
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary: 'Change a person (send the version you read; a stale one answers 409)',
        params: IdParams,
        body: PersonUpdate,
        response: { 200: Person },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id } = request.params;
      const { person: p, version } = request.body;
      await requirePerson(request, db, a, id);
      await db.transaction(async (tx) => {
        const before = await loadPersonRow(tx, id);
        if (!before) throw new AppError('not_found', 'record.notFound');
        if (before.mergedInto) throw new AppError('conflict', 'person.merged');
        if (before.version !== version) throw conflict();
        if (p.teryt !== before.teryt) await checkGmina(tx, p.teryt);
        if (p.pesel && p.pesel !== before.pesel) {
          const dup = await findDuplicates(tx, a, p, id);
          const byPesel = dup.candidates.find((c) => c.reason === 'pesel');
          if (byPesel)
            throw fieldError(
              'person.pesel',
              byPesel.person ? 'person.peselExists' : 'person.peselExistsOutOfScope',
            );
        }
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update persons set first_name = ${p.firstName}, last_name = ${p.lastName}, pesel = ${p.pesel},
                other_id_type = ${p.otherIdType}, other_id_number = ${p.otherIdNumber}, birth_date = ${p.birthDate},
                sex = ${p.sex}, citizenship = ${p.citizenship}, teryt = ${p.teryt}, street = ${p.street},
                postal_code = ${p.postalCode}, city = ${p.city}, phone = ${p.phone}, email = ${p.email}, notes = ${p.notes},
                version = version + 1, updated_at = now()
              where id = ${id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'person',
          recordId: id,
          before: auditable(before),
          after: auditable(p),
          sensitiveFields: redactedFields,
        });
      });
      return presentPerson(db, a, id);
    },
  );

  app.put(
    '/:id/sensitive',
    {
      config: { access: { permission: 'persons.write' } },
      schema: {
        tags: ['persons'],
        summary:
          'Record special-category data (disability, health, addiction); values never enter the audit log',
        params: IdParams,
        body: PersonSensitiveUpdate,
        response: { 200: Person },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { id } = request.params;
      const { sensitive: s, version } = request.body;
      await requirePerson(request, db, a, id);
      if (!mayReadSensitive(a)) throw new AppError('forbidden', 'auth.forbidden');
      await db.transaction(async (tx) => {
        const [before] = await queryRows<Record<string, unknown> & { version: number }>(
          tx,
          sql`select disability_level as "disabilityLevel", disability_until::text as "disabilityUntil", health, addiction, version
              from person_sensitive where person_id = ${id} for update`,
        );
        if ((before?.version ?? 0) !== version) throw conflict();
        await tx.execute(
          sql`insert into person_sensitive (person_id, disability_level, disability_until, health, addiction, updated_by)
              values (${id}, ${s.disabilityLevel}, ${s.disabilityUntil}, ${s.health}, ${s.addiction}, ${a.userId})
              on conflict (person_id) do update set disability_level = excluded.disability_level,
                disability_until = excluded.disability_until, health = excluded.health, addiction = excluded.addiction,
                updated_by = excluded.updated_by, updated_at = now(), version = person_sensitive.version + 1`,
        );
        const { version: _v, ...beforeValues } = before ?? {};
        await writeAudit(tx, actorFromRequest(request), {
          action: before ? 'record.update' : 'record.create',
          recordType: 'person_sensitive',
          recordId: id,
          before: before ? beforeValues : null,
          after: s,
          sensitiveFields: ['disabilityLevel', 'disabilityUntil', 'health', 'addiction'],
        });
      });
      const person = await presentPerson(db, a, id);
      return person;
    },
  );

  app.post(
    '/merge',
    {
      config: { access: { permission: 'cases.supervise' } },
      schema: {
        tags: ['persons'],
        summary:
          'Merge a duplicate into the record that stays: every link moves, the duplicate is marked merged',
        body: PersonMerge,
        response: { 200: Person },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const { keepId, mergeId, keepVersion, mergeVersion } = request.body;
      if (keepId === mergeId) throw fieldError('mergeId', 'person.mergeSame');
      await requirePerson(request, db, a, keepId);
      await requirePerson(request, db, a, mergeId);
      await db.transaction(async (tx) => {
        const keep = await loadPersonRow(tx, keepId);
        const merge = await loadPersonRow(tx, mergeId);
        if (!keep || !merge) throw new AppError('not_found', 'record.notFound');
        if (keep.version !== keepVersion || merge.version !== mergeVersion) throw conflict();
        if (keep.pesel && merge.pesel && keep.pesel !== merge.pesel)
          throw fieldError('mergeId', 'person.mergePeselConflict');
        // One household at a time: when both are in a current household, the duplicate's membership ends today.
        await tx.execute(
          sql`update household_members set to_date = current_date where person_id = ${mergeId} and to_date is null
                and exists (select 1 from household_members k where k.person_id = ${keepId} and k.to_date is null)`,
        );
        const moved = {
          cases: (
            await queryRows(
              tx,
              sql`update cases set person_id = ${keepId}, version = version + 1 where person_id = ${mergeId} returning id`,
            )
          ).length,
          households: (
            await queryRows(
              tx,
              sql`update household_members set person_id = ${keepId} where person_id = ${mergeId} returning id`,
            )
          ).length,
        };
        const [sens] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from person_sensitive where person_id = ${keepId}`,
        );
        if (!sens?.n)
          await tx.execute(
            sql`update person_sensitive set person_id = ${keepId} where person_id = ${mergeId}`,
          );
        // The PESEL of the duplicate is kept by the record that stays when it had none.
        const pesel = keep.pesel ?? merge.pesel;
        await tx.execute(
          sql`update persons set merged_into = ${keepId}, version = version + 1, updated_at = now() where id = ${mergeId}`,
        );
        await tx.execute(
          sql`update persons set pesel = ${pesel}, version = version + 1, updated_at = now(),
                notes = nullif(concat_ws(E'\n', notes, ${merge.notes}::text), '') where id = ${keepId}`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'person',
          recordId: keepId,
          details: { merge: { mergedId: mergeId, moved } },
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'person',
          recordId: mergeId,
          before: { mergedInto: null },
          after: { mergedInto: keepId },
        });
      });
      return presentPerson(db, a, keepId);
    },
  );
};
