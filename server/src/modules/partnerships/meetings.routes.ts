import {
  PartnershipActionItem,
  PartnershipActionItemCreate,
  PartnershipActionItemDone,
  PartnershipMeeting,
  PartnershipMeetingInput,
  PartnershipMeetingList,
  PartnershipMeetingUpdate,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { meetingActionItems, meetingAttendees, meetings } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { warsawToday } from '../cases/tasks.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { notify } from '../notifications/notify.js';
import {
  completesActionItem,
  deny,
  managesPartnership,
  type PartnershipAccess,
  requireManager,
  requirePartnership,
} from './access.js';
import { listMeetings, loadActionItems, loadMeeting, presentActionItem } from './meetings.queries.js';
import { institutionExists } from './partnerships.queries.js';

const IdParams = z.object({ id: z.uuid() });
const MeetingParams = IdParams.extend({ meetingId: z.uuid() });
const ItemParams = MeetingParams.extend({ itemId: z.uuid() });
type MeetingBody = z.output<typeof PartnershipMeetingInput>;

/** The agenda, minutes and decisions are logged as changed, not with their (long) text. */
const longTexts = ['agenda', 'minutes', 'decisions'] as const;
const auditableOf = (m: PartnershipMeeting) => ({
  title: m.title,
  startsAt: m.startsAt,
  place: m.place,
  onlineUrl: m.onlineUrl,
  status: m.status,
  agenda: m.agenda,
  minutes: m.minutes,
  decisions: m.decisions,
  attendees: m.attendees.map((a) => ({
    institutionId: a.institution?.id ?? null,
    userId: a.userId,
    name: a.name,
    present: a.present,
  })),
});

/** Whether a user is an active member of an institution. */
async function userInInstitution(tx: DbOrTx, userId: string, institutionId: string | null): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    institutionId
      ? sql`select user_id as id from memberships where user_id = ${userId} and institution_id = ${institutionId} and active`
      : sql`select id from users where id = ${userId}`,
  );
  return rows.length > 0;
}

async function checkMeeting(tx: DbOrTx, m: MeetingBody): Promise<void> {
  if (m.status === 'odbyte' && new Date(m.startsAt).getTime() > Date.now())
    throw fieldError('meeting.status', 'meeting.notYetHeld');
  for (const [i, a] of m.attendees.entries()) {
    if (a.institutionId && !(await institutionExists(tx, a.institutionId)))
      throw fieldError(`meeting.attendees.${i}.institutionId`, 'partnership.institutionUnknown');
    if (a.userId && !(await userInInstitution(tx, a.userId, a.institutionId)))
      throw fieldError(`meeting.attendees.${i}.userId`, 'meeting.userUnknown');
  }
}

async function saveAttendees(tx: DbOrTx, meetingId: string, m: MeetingBody): Promise<void> {
  await tx.execute(sql`delete from meeting_attendees where meeting_id = ${meetingId}`);
  if (m.attendees.length)
    await tx.insert(meetingAttendees).values(
      m.attendees.map((a) => ({
        meetingId,
        institutionId: a.institutionId,
        userId: a.userId,
        name: a.name,
        invited: a.invited,
        present: a.present,
      })),
    );
}

/**
 * Invitations: the people named among the invited attendees of a meeting still to come get a
 * notification (and an e-mail notice if they want one); on a change, only those newly named.
 */
async function notifyInvited(
  tx: DbOrTx,
  actor: Actor,
  partnershipId: string,
  meetingId: string,
  m: MeetingBody,
  already: readonly string[] = [],
): Promise<void> {
  if (m.status !== 'zaplanowane' || new Date(m.startsAt).getTime() < Date.now()) return;
  const userIds = [
    ...new Set(m.attendees.filter((a) => a.invited && a.userId).map((a) => a.userId as string)),
  ].filter((u) => !already.includes(u));
  if (!userIds.length) return;
  await notify(tx, {
    kind: 'meeting.invited',
    userIds,
    exceptUserIds: [actor.userId],
    params: { meeting: m.title.slice(0, 200), due: m.startsAt.slice(0, 10) },
    link: `/partnerstwa/${partnershipId}?zakladka=spotkania`,
    dedupeKey: `meeting.invited:${meetingId}`,
  });
}

/**
 * Meetings of a partnership (PZK): date, place or link, agenda, attendance per institution, minutes,
 * decisions and action items with an owner institution, person and deadline. An action item with an
 * owner user is that user's task (`GET /api/partnerships/action-items/mine`); the owner marks it done.
 */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function requireMeeting(
    tx: DbOrTx,
    actor: Actor,
    p: PartnershipAccess,
    meetingId: string,
  ): Promise<PartnershipMeeting> {
    const m = await loadMeeting(tx, actor, p, meetingId, warsawToday(), managesPartnership(actor, p));
    if (!m) throw notFound();
    return m;
  }

  app.get(
    '/:id/meetings',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Meetings of a partnership, newest first, with attendance and open action items counted',
        params: IdParams,
        response: { 200: PartnershipMeetingList },
      },
    },
    async (request) => {
      const p = await requirePartnership(db, request.params.id);
      return { items: await listMeetings(db, p.id) };
    },
  );

  app.post(
    '/:id/meetings',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Plan (or record) a meeting of the partnership with the invited institutions and people',
        params: IdParams,
        body: PartnershipMeetingInput,
        response: { 201: PartnershipMeeting },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const input = request.body;
      const created = await db.transaction(async (tx) => {
        await checkMeeting(tx, input);
        const [row] = await tx
          .insert(meetings)
          .values({
            partnershipId: p.id,
            title: input.title,
            startsAt: new Date(input.startsAt),
            place: input.place,
            onlineUrl: input.onlineUrl,
            agenda: input.agenda,
            minutes: input.minutes,
            decisions: input.decisions,
            status: input.status,
            createdBy: actor.userId,
          })
          .returning({ id: meetings.id });
        if (!row) throw new Error('insert returned nothing');
        await saveAttendees(tx, row.id, input);
        await notifyInvited(tx, actor, p.id, row.id, input);
        const after = await requireMeeting(tx, actor, p, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'meeting',
          recordId: row.id,
          before: null,
          after: auditableOf(after),
          sensitiveFields: longTexts,
          details: { partnershipId: p.id },
        });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:id/meetings/:meetingId',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'One meeting with attendance, minutes, decisions and action items',
        params: MeetingParams,
        response: { 200: PartnershipMeeting },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      return requireMeeting(db, actor, p, request.params.meetingId);
    },
  );

  app.put(
    '/:id/meetings/:meetingId',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'Change a meeting: data, attendance (who was present), minutes, decisions, status (stale version → 409)',
        params: MeetingParams,
        body: PartnershipMeetingUpdate,
        response: { 200: PartnershipMeeting },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const { meeting: input, version } = request.body;
      return db.transaction(async (tx) => {
        const before = await requireMeeting(tx, actor, p, request.params.meetingId);
        if (before.version !== version) throw conflict();
        await checkMeeting(tx, input);
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`update meetings set version = version + 1, updated_at = now(), title = ${input.title},
                starts_at = ${new Date(input.startsAt).toISOString()}, place = ${input.place}, online_url = ${input.onlineUrl},
                agenda = ${input.agenda}, minutes = ${input.minutes}, decisions = ${input.decisions}, status = ${input.status}
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!rows.length) throw conflict();
        const invitedBefore = before.attendees.flatMap((a) => (a.invited && a.userId ? [a.userId] : []));
        await saveAttendees(tx, before.id, input);
        await notifyInvited(tx, actor, p.id, before.id, input, invitedBefore);
        const after = await requireMeeting(tx, actor, p, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'meeting',
          recordId: before.id,
          before: auditableOf(before),
          after: auditableOf(after),
          sensitiveFields: longTexts,
          details: { partnershipId: p.id, version: after.version },
        });
        return after;
      });
    },
  );

  app.post(
    '/:id/meetings/:meetingId/action-items',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'Add an action item (owner institution, person, deadline); with an owner user it is their task',
        params: MeetingParams,
        body: PartnershipActionItemCreate,
        response: { 201: PartnershipMeeting },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const input = request.body;
      const after = await db.transaction(async (tx) => {
        const meeting = await requireMeeting(tx, actor, p, request.params.meetingId);
        if (!(await institutionExists(tx, input.ownerInstitutionId)))
          throw fieldError('ownerInstitutionId', 'partnership.institutionUnknown');
        if (input.ownerUserId && !(await userInInstitution(tx, input.ownerUserId, input.ownerInstitutionId)))
          throw fieldError('ownerUserId', 'meeting.userUnknown');
        const [row] = await tx
          .insert(meetingActionItems)
          .values({ meetingId: meeting.id, ...input })
          .returning({ id: meetingActionItems.id });
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'meeting_action_item',
          recordId: row.id,
          before: null,
          after: { ...input },
          details: { partnershipId: p.id, meetingId: meeting.id },
        });
        return requireMeeting(tx, actor, p, meeting.id);
      });
      return reply.status(201).send(after);
    },
  );

  app.post(
    '/:id/meetings/:meetingId/action-items/:itemId/done',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Mark an action item done (or not done again): its owner or whoever runs the partnership',
        params: ItemParams,
        body: PartnershipActionItemDone,
        response: { 200: PartnershipActionItem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      const { meetingId, itemId } = request.params;
      const today = warsawToday();
      const where = sql`ai.id = ${itemId} and ai.meeting_id = ${meetingId}
        and exists (select 1 from meetings mt where mt.id = ai.meeting_id and mt.partnership_id = ${p.id})`;
      const [item] = await loadActionItems(db, where);
      if (!item) throw notFound();
      if (!completesActionItem(actor, p, item)) {
        await deny(request, 'meeting_action_item', item.id, 'not_owner');
        throw new AppError('forbidden', 'actionItem.notOwner');
      }
      const doneOn = request.body.done ? (item.doneOn ?? today) : null;
      return db.transaction(async (tx) => {
        await tx.execute(
          sql`update meeting_action_items set done_on = ${doneOn}, done_by = ${doneOn ? actor.userId : null}
              where id = ${item.id}`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'meeting_action_item',
          recordId: item.id,
          before: { doneOn: item.doneOn },
          after: { doneOn },
          details: { partnershipId: p.id, meetingId },
        });
        const [after] = await loadActionItems(tx, where);
        return presentActionItem(after ?? { ...item, doneOn }, actor, p, today);
      });
    },
  );
};
