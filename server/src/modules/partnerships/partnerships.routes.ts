import {
  MyPartnershipActionItemList,
  Partnership,
  PartnershipCreate,
  PartnershipDashboard,
  PartnershipList,
  PartnershipListQuery,
  PartnershipMemberCreate,
  PartnershipMemberEnd,
  PartnershipUpdate,
  partnershipModels,
  type RoleVocabulary,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { partnershipMembers, partnerships } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { warsawToday } from '../cases/tasks.js';
import { actorOf, conflict, fieldError, isUniqueViolation } from '../identity/scope.js';
import { managesPartnership, requireManager, requirePartnership } from './access.js';
import { loadDashboard } from './dashboard.js';
import {
  type ActionItemRow,
  actionItemColumns,
  actionItemJoins,
  presentActionItem,
} from './meetings.queries.js';
import {
  auditableOf,
  institutionExists,
  isAnimator,
  listPartnerships,
  loadPartnership,
} from './partnerships.queries.js';

const IdParams = z.object({ id: z.uuid() });
const MemberParams = IdParams.extend({ memberId: z.uuid() });

interface Refs {
  teryt: string;
  leaderInstitutionId: string;
  strategicPartnerInstitutionId: string | null;
  animatorUserId: string | null;
}

/** The territory, the institutions and the animator named in a create or update exist. */
async function checkRefs(tx: DbOrTx, input: Refs, before?: Refs): Promise<void> {
  if (input.teryt !== before?.teryt) {
    const [unit] = await queryRows<{ teryt: string }>(
      tx,
      sql`select teryt from territorial_units where teryt = ${input.teryt}`,
    );
    if (!unit) throw fieldError('teryt', 'partnership.unitUnknown');
  }
  if (
    input.leaderInstitutionId !== before?.leaderInstitutionId &&
    !(await institutionExists(tx, input.leaderInstitutionId))
  )
    throw fieldError('leaderInstitutionId', 'partnership.institutionUnknown');
  if (
    input.strategicPartnerInstitutionId &&
    input.strategicPartnerInstitutionId !== before?.strategicPartnerInstitutionId &&
    !(await institutionExists(tx, input.strategicPartnerInstitutionId))
  )
    throw fieldError('strategicPartnerInstitutionId', 'partnership.institutionUnknown');
  if (
    input.animatorUserId &&
    input.animatorUserId !== before?.animatorUserId &&
    !(await isAnimator(tx, input.animatorUserId))
  )
    throw fieldError('animatorUserId', 'partnership.animatorInvalid');
}

/**
 * The leader and the strategic partner are members with the roles `lider` and
 * `partner_strategiczny`: a new one joins (or takes the role), a replaced one stays as `kooperant`.
 */
async function syncKeyMembers(tx: DbOrTx, id: string, refs: Refs, on: string): Promise<void> {
  const keyRoles: [string, string | null][] = [
    ['lider', refs.leaderInstitutionId],
    ['partner_strategiczny', refs.strategicPartnerInstitutionId],
  ];
  for (const [role, institutionId] of keyRoles) {
    await tx.execute(
      sql`update partnership_members set role = 'kooperant'
          where partnership_id = ${id} and left_on is null and role = ${role}
            and institution_id is distinct from ${institutionId}`,
    );
    if (!institutionId) continue;
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update partnership_members set role = ${role}
          where partnership_id = ${id} and institution_id = ${institutionId} and left_on is null returning id`,
    );
    if (!updated.length)
      await tx.insert(partnershipMembers).values({ partnershipId: id, institutionId, role, joinedOn: on });
  }
}

/** The partnership after a change, as the actor sees it. */
async function reload(tx: DbOrTx, actor: Actor, id: string): Promise<Partnership> {
  const p = await loadPartnership(tx, actor, id);
  if (!p) throw notFound();
  return p;
}

async function audit(
  tx: DbOrTx,
  request: FastifyRequest,
  action: 'record.create' | 'record.update',
  recordType: string,
  recordId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  details?: Record<string, unknown>,
) {
  await writeAudit(tx, actorFromRequest(request), { action, recordType, recordId, before, after, details });
}

/**
 * Partnerships (PZK, regional and gmina–powiat teams): list, card, create, edit (version → 409),
 * members joining and leaving, the animator's dashboard and "my action items". Reading is open to
 * every user with `institutions.read`; changes only to the leader's and the animator's managers.
 */
export const partnershipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Partnerships of the platform, filtered by territory, model, kind, status or name',
        querystring: PartnershipListQuery,
        response: { 200: PartnershipList },
      },
    },
    async (request) => ({ items: await listPartnerships(db, actorOf(request), request.query) }),
  );

  app.get(
    '/action-items/mine',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'My open action items from partnership meetings (I am their owner), by deadline',
        response: { 200: MyPartnershipActionItemList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const today = warsawToday();
      const rows = await queryRows<
        ActionItemRow & {
          partnership: { id: string; name: string };
          meeting: { id: string; title: string; startsAt: string };
          leaderInstitutionId: string;
          animatorUserId: string | null;
        }
      >(
        db,
        sql`select ${actionItemColumns},
              json_build_object('id', p.id, 'name', p.name) as partnership,
              json_build_object('id', mt.id, 'title', mt.title,
                'startsAt', to_char(mt.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) as meeting,
              p.leader_institution_id as "leaderInstitutionId", p.animator_user_id as "animatorUserId"
            from meeting_action_items ai ${actionItemJoins}
              join meetings mt on mt.id = ai.meeting_id
              join partnerships p on p.id = mt.partnership_id
            where ai.owner_user_id = ${actor.userId} and ai.done_on is null
            order by ai.due_on nulls last, ai.created_at, ai.id`,
      );
      return {
        items: rows.map(({ partnership, meeting, leaderInstitutionId, animatorUserId, ...r }) => ({
          ...presentActionItem(r, actor, { leaderInstitutionId, animatorUserId }, today),
          partnership,
          meeting,
        })),
      };
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'Create a partnership; the leader and the strategic partner become members; the creator must run it (leader or animator)',
        body: PartnershipCreate,
        response: { 201: Partnership },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const animatorUserId =
        input.animatorUserId ?? (input.leaderInstitutionId === actor.institutionId ? null : actor.userId);
      const refs: Refs = { ...input, animatorUserId };
      if (!managesPartnership(actor, refs)) throw fieldError('leaderInstitutionId', 'partnership.mustManage');
      const created = await db.transaction(async (tx) => {
        await checkRefs(tx, refs);
        const vocabulary: RoleVocabulary = input.roleVocabulary ?? partnershipModels[input.model].roles;
        const [row] = await tx
          .insert(partnerships)
          .values({
            name: input.name,
            kind: input.kind,
            model: input.model,
            teryt: input.teryt,
            leaderInstitutionId: input.leaderInstitutionId,
            strategicPartnerInstitutionId: input.strategicPartnerInstitutionId,
            animatorUserId,
            roleVocabulary: vocabulary,
            description: input.description,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            status: 'tworzone',
            createdBy: actor.userId,
          })
          .returning({ id: partnerships.id });
        if (!row) throw new Error('insert returned nothing');
        await syncKeyMembers(tx, row.id, refs, input.startsOn);
        const after = await reload(tx, actor, row.id);
        await audit(tx, request, 'record.create', 'partnership', row.id, null, auditableOf(after));
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'One partnership with its members (work contacts only) and the actor’s abilities',
        params: IdParams,
        response: { 200: Partnership },
      },
    },
    async (request) => {
      const p = await loadPartnership(db, actorOf(request), request.params.id);
      if (!p) throw notFound();
      return p;
    },
  );

  app.put(
    '/:id',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'Change a partnership: data, leader, animator, status, role vocabulary (stale version → 409)',
        params: IdParams,
        body: PartnershipUpdate,
        response: { 200: Partnership },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const access = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, access);
      const { version, ...input } = request.body;
      if (!managesPartnership(actor, input))
        throw fieldError('leaderInstitutionId', 'partnership.mustManage');
      return db.transaction(async (tx) => {
        const before = await reload(tx, actor, access.id);
        if (before.version !== version) throw conflict();
        await checkRefs(tx, input, {
          teryt: before.teryt,
          leaderInstitutionId: before.leader.id,
          strategicPartnerInstitutionId: before.strategicPartner?.id ?? null,
          animatorUserId: before.animator?.id ?? null,
        });
        for (const m of before.members)
          if (
            !m.leftOn &&
            !input.roleVocabulary[m.role] &&
            !['lider', 'partner_strategiczny'].includes(m.role)
          )
            throw fieldError('roleVocabulary', 'partnership.roleInUse', { role: m.role });
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`update partnerships set version = version + 1, updated_at = now(),
                name = ${input.name}, kind = ${input.kind}, model = ${input.model}, teryt = ${input.teryt},
                leader_institution_id = ${input.leaderInstitutionId},
                strategic_partner_institution_id = ${input.strategicPartnerInstitutionId},
                animator_user_id = ${input.animatorUserId}, description = ${input.description},
                starts_on = ${input.startsOn}, ends_on = ${input.endsOn}, status = ${input.status},
                role_vocabulary = ${JSON.stringify(input.roleVocabulary)}::jsonb
              where id = ${access.id} and version = ${version} returning id`,
        );
        if (!rows.length) throw conflict();
        await syncKeyMembers(tx, access.id, input, warsawToday());
        const after = await reload(tx, actor, access.id);
        await audit(
          tx,
          request,
          'record.update',
          'partnership',
          access.id,
          auditableOf(before),
          auditableOf(after),
          {
            version: after.version,
          },
        );
        return after;
      });
    },
  );

  app.post(
    '/:id/members',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'An institution joins the partnership with a role of its vocabulary and a contact person',
        params: IdParams,
        body: PartnershipMemberCreate,
        response: { 201: Partnership },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const access = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, access);
      const input = request.body;
      if (!access.roleVocabulary[input.role]) throw fieldError('role', 'partnership.roleUnknown');
      const after = await db
        .transaction(async (tx) => {
          if (!(await institutionExists(tx, input.institutionId)))
            throw fieldError('institutionId', 'partnership.institutionUnknown');
          const [row] = await tx
            .insert(partnershipMembers)
            .values({ partnershipId: access.id, ...input })
            .returning({ id: partnershipMembers.id });
          if (!row) throw new Error('insert returned nothing');
          await tx.execute(sql`update partnerships set updated_at = now() where id = ${access.id}`);
          await audit(
            tx,
            request,
            'record.create',
            'partnership_member',
            row.id,
            null,
            { ...input },
            {
              partnershipId: access.id,
            },
          );
          return reload(tx, actor, access.id);
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'partnership_members_current_uq'))
            throw fieldError('institutionId', 'partnership.alreadyMember');
          throw e;
        });
      return reply.status(201).send(after);
    },
  );

  app.post(
    '/:id/members/:memberId/end',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'A member institution leaves the partnership on a date (its history stays)',
        params: MemberParams,
        body: PartnershipMemberEnd,
        response: { 200: Partnership },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const access = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, access);
      const { leftOn } = request.body;
      return db.transaction(async (tx) => {
        const [m] = await queryRows<{
          id: string;
          institutionId: string;
          joinedOn: string;
          leftOn: string | null;
        }>(
          tx,
          sql`select id, institution_id as "institutionId", joined_on::text as "joinedOn", left_on::text as "leftOn"
              from partnership_members where id = ${request.params.memberId} and partnership_id = ${access.id}
              for update`,
        );
        if (!m) throw notFound();
        if (m.leftOn) throw fieldError('leftOn', 'partnership.memberEnded');
        if (m.institutionId === access.leaderInstitutionId)
          throw fieldError('leftOn', 'partnership.leaderCannotLeave');
        if (leftOn < m.joinedOn) throw fieldError('leftOn', 'partnership.leftBeforeJoined');
        await tx.execute(sql`update partnership_members set left_on = ${leftOn} where id = ${m.id}`);
        if (m.institutionId === access.strategicPartnerInstitutionId)
          await tx.execute(
            sql`update partnerships set strategic_partner_institution_id = null, version = version + 1, updated_at = now()
                where id = ${access.id}`,
          );
        await audit(
          tx,
          request,
          'record.update',
          'partnership_member',
          m.id,
          { leftOn: null },
          { leftOn },
          {
            partnershipId: access.id,
          },
        );
        return reload(tx, actor, access.id);
      });
    },
  );

  app.get(
    '/:id/dashboard',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'The animator’s dashboard: members by sector, meetings, action items, multi-sector case teams, referrals by sector (counts only)',
        params: IdParams,
        response: { 200: PartnershipDashboard },
      },
    },
    async (request) => {
      const access = await requirePartnership(db, request.params.id);
      return loadDashboard(db, access.id, warsawToday());
    },
  );
};
