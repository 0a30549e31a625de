import {
  CaseActionItemCreate,
  CaseActionItemDone,
  type CaseMeeting,
  CaseMeetingActionItem,
  CaseMeetingInput,
  CaseMeetingList,
  CaseMeeting as CaseMeetingSchema,
  CaseMeetingUpdate,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { meetingActionItems, meetingAttendees, meetings } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import {
  addSystemEntry,
  type CaseAccess,
  type CaseShare,
  requireCase,
  requireShare,
  requireWritable,
  touchCase,
  writesCases,
} from '../cases/access.js';
import { actorOf, conflict, fieldError, outOfScope } from '../identity/scope.js';
import { loadActionItems } from '../partnerships/meetings.queries.js';
import { warsawToday } from './common.js';
import {
  activeTeam,
  caseWorkers,
  listCaseMeetings,
  loadCaseMeeting,
  type MeetingView,
  meetingCandidates,
  presentItem,
} from './meetings.queries.js';
import { notifyUsers } from './notify.js';

const CaseParams = z.object({ caseId: z.uuid() });
const MeetingParams = CaseParams.extend({ meetingId: z.uuid() });
const ItemParams = MeetingParams.extend({ itemId: z.uuid() });
type MeetingBody = z.output<typeof CaseMeetingInput>;

/** The agenda, minutes and decisions are case data: logged as changed, not with their text. */
const longTexts = ['agenda', 'minutes', 'decisions'] as const;
const auditableOf = (m: CaseMeeting) => ({
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
    userId: a.user?.id ?? null,
    present: a.present,
  })),
});

const ownerView = (a: Actor, c: CaseAccess): MeetingView => ({
  manage: writesCases(a) && c.status !== 'zamknieta',
  partnerInstitutionId: null,
  restricted: false,
  closed: c.status === 'zamknieta',
});

/**
 * Minutes and decisions of a case-team meeting record the work on the family's plan: a partner sees
 * them only when its share includes the `plan` scope. The agenda and the attendees are part of the
 * invitation and are always shown to an invited institution.
 */
const partnerView = (a: Actor, share: CaseShare): MeetingView => ({
  manage: false,
  partnerInstitutionId: a.institutionId,
  restricted: !share.scopes.has('plan'),
  closed: share.status === 'zamknieta',
});

interface Resolved {
  institutionId: string | null;
  /** For the timeline entry only (not stored). */
  institutionName: string | null;
  userId: string | null;
  name: string;
  invited: boolean;
  present: boolean | null;
}

/**
 * Checks the attendees and names them: the case's own workers, the institutions of the active team
 * (with the worker each named, filled in when left out), people by name. On a change, attendees
 * already on the meeting stay even when their membership has ended since.
 */
async function resolveAttendees(
  tx: DbOrTx,
  c: CaseAccess,
  m: MeetingBody,
  prefix: string,
  already: CaseMeeting['attendees'] = [],
): Promise<Resolved[]> {
  if (m.status === 'odbyte' && new Date(m.startsAt).getTime() > Date.now())
    throw fieldError(`${prefix}status`, 'meeting.notYetHeld');
  const workers = await caseWorkers(tx, c);
  const team = await activeTeam(tx, c.id);
  const [own] = await queryRows<{ name: string }>(
    tx,
    sql`select name from institutions where id = ${c.institutionId}`,
  );
  const held = m.status === 'odbyte';
  const seen = new Set<string>();
  const out: Resolved[] = [];
  for (const [i, a] of m.attendees.entries()) {
    const field = (f: string) => `${prefix}attendees.${i}.${f}`;
    const base = { invited: a.invited, present: held ? a.present : null };
    let r: Resolved;
    if (!a.institutionId) {
      r = { ...base, institutionId: null, institutionName: null, userId: null, name: a.name ?? '' };
    } else if (a.institutionId === c.institutionId) {
      const kept = already.find((x) => x.institution?.id === c.institutionId && x.user?.id === a.userId);
      const worker = workers.find((w) => w.id === a.userId);
      if (!a.userId || (!worker && !kept)) throw fieldError(field('userId'), 'caseMeeting.notCaseWorker');
      r = {
        ...base,
        institutionId: c.institutionId,
        institutionName: own?.name ?? null,
        userId: a.userId,
        name: worker?.name ?? kept?.name ?? own?.name ?? '',
      };
    } else {
      const member = team.find((t) => t.institution.id === a.institutionId);
      const kept = already.find(
        (x) => x.institution?.id === a.institutionId && (!a.userId || x.user?.id === a.userId),
      );
      if (member && (!a.userId || a.userId === member.user?.id)) {
        r = {
          ...base,
          institutionId: member.institution.id,
          institutionName: member.institution.name,
          userId: member.user?.id ?? null,
          name: member.user?.name ?? member.institution.name,
        };
      } else if (kept) {
        r = {
          ...base,
          institutionId: a.institutionId,
          institutionName: kept.institution?.name ?? null,
          userId: kept.user?.id ?? null,
          name: kept.name,
        };
      } else if (member) {
        throw fieldError(field('userId'), 'caseMeeting.notTeamWorker');
      } else {
        throw fieldError(field('institutionId'), 'caseMeeting.notInTeam');
      }
    }
    const key = r.institutionId
      ? `${r.institutionId}|${r.userId ?? ''}`
      : `osoba|${r.name.toLocaleLowerCase('pl')}`;
    if (seen.has(key))
      throw fieldError(field(r.institutionId ? 'institutionId' : 'name'), 'caseMeeting.attendeeTwice');
    seen.add(key);
    out.push(r);
  }
  return out;
}

async function saveAttendees(tx: DbOrTx, meetingId: string, attendees: Resolved[]): Promise<void> {
  await tx.execute(sql`delete from meeting_attendees where meeting_id = ${meetingId}`);
  if (attendees.length)
    await tx
      .insert(meetingAttendees)
      .values(attendees.map(({ institutionName: _name, ...a }) => ({ meetingId, ...a })));
}

/**
 * Invitations: the people named among the invited attendees of a meeting still to come, each once
 * per meeting. The notice names the case number and the date only — never the title, which may
 * describe the family — and links the owner's case or the partner's shared view.
 */
async function notifyInvited(
  tx: DbOrTx,
  actor: Actor,
  c: CaseAccess & { number: string },
  meetingId: string,
  m: MeetingBody,
  attendees: Resolved[],
): Promise<void> {
  if (m.status !== 'zaplanowane' || new Date(m.startsAt).getTime() < Date.now()) return;
  const invited = attendees.filter((a) => a.invited && a.userId);
  // The meeting's calendar day in Poland (an early-morning meeting is still on its own day in UTC+1/+2).
  const params = { case: c.number, due: warsawToday(new Date(m.startsAt)) };
  const ids = (own: boolean) => [
    ...new Set(
      invited.filter((a) => (a.institutionId === c.institutionId) === own).map((a) => a.userId as string),
    ),
  ];
  await notifyUsers(tx, {
    userIds: ids(true),
    kind: 'meeting.invited',
    params,
    link: `/sprawy/${c.id}?zakladka=wspolpraca`,
    except: actor.userId,
    dedupeKey: `meeting.invited:${meetingId}`,
  });
  await notifyUsers(tx, {
    userIds: ids(false),
    kind: 'meeting.invited',
    params,
    link: `/wspolpraca/${c.id}`,
    except: actor.userId,
    dedupeKey: `meeting.invited:${meetingId}`,
  });
}

const warsawDateTime = new Intl.DateTimeFormat('pl-PL', {
  timeZone: 'Europe/Warsaw',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const statusEntry: Record<string, string> = {
  zaplanowane: 'Zaplanowano spotkanie zespołu',
  odbyte: 'Spotkanie zespołu odbyło się',
  odwolane: 'Odwołano spotkanie zespołu',
};

/** A `wspolpraca` entry on the owner's case timeline when a meeting is planned, held or cancelled. */
async function timelineEntry(tx: DbOrTx, a: Actor, c: CaseAccess, m: MeetingBody, attendees: Resolved[]) {
  const institutions = [
    ...new Set(
      attendees.flatMap((x) =>
        x.institutionId && x.institutionId !== c.institutionId && x.institutionName
          ? [x.institutionName]
          : [],
      ),
    ),
  ];
  await addSystemEntry(tx, {
    caseId: c.id,
    kind: 'wspolpraca',
    title: `${statusEntry[m.status] ?? 'Spotkanie zespołu'}: ${m.title}`,
    body: `Termin: ${warsawDateTime.format(new Date(m.startsAt))}.${
      institutions.length ? ` Instytucje zespołu: ${institutions.join(', ')}.` : ''
    }`,
    authorId: a.userId,
  });
}

async function caseNumber(db: DbOrTx, caseId: string): Promise<string> {
  const [row] = await queryRows<{ number: string }>(db, sql`select number from cases where id = ${caseId}`);
  return row?.number ?? '';
}

/**
 * Meetings of a case team (ZZK), owner side: the case's own workers plan them with the team
 * institutions, the family by name, an agenda and a place or link; record minutes, decisions and
 * who was present; give action items to the owner institution or a team institution.
 */
export const caseMeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function requireMeeting(tx: DbOrTx, a: Actor, c: CaseAccess, meetingId: string) {
    const m = await loadCaseMeeting(tx, c.id, meetingId, ownerView(a, c), warsawToday());
    if (!m) throw new AppError('not_found', 'record.notFound');
    return m;
  }

  app.get(
    '/:caseId/meetings',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Meetings of the case team, newest first, and whom the caller may invite',
        params: CaseParams,
        response: { 200: CaseMeetingList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const view = ownerView(a, c);
      const items = await listCaseMeetings(db, c.id, view);
      const candidates = view.manage ? await meetingCandidates(db, c) : null;
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.meetings',
        recordId: c.id,
        details: { count: items.length },
      });
      return { items, canManage: view.manage, candidates };
    },
  );

  app.post(
    '/:caseId/meetings',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Plan (or record) a meeting of the case team; the named invitees are notified',
        params: CaseParams,
        body: CaseMeetingInput,
        response: { 201: CaseMeetingSchema },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const input = request.body;
      const number = await caseNumber(db, c.id);
      const created = await db.transaction(async (tx) => {
        const attendees = await resolveAttendees(tx, c, input, '');
        const [row] = await tx
          .insert(meetings)
          .values({
            caseId: c.id,
            title: input.title,
            startsAt: new Date(input.startsAt),
            place: input.place,
            onlineUrl: input.onlineUrl,
            agenda: input.agenda,
            minutes: input.minutes,
            decisions: input.decisions,
            status: input.status,
            createdBy: a.userId,
          })
          .returning({ id: meetings.id });
        if (!row) throw new Error('insert returned nothing');
        await saveAttendees(tx, row.id, attendees);
        await notifyInvited(tx, a, { ...c, number }, row.id, input, attendees);
        await timelineEntry(tx, a, c, input, attendees);
        await touchCase(tx, c.id);
        const after = await requireMeeting(tx, a, c, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'case.meeting',
          recordId: row.id,
          before: null,
          after: auditableOf(after),
          sensitiveFields: longTexts,
          details: { caseId: c.id },
        });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:caseId/meetings/:meetingId',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'One meeting of the case team with attendance, minutes, decisions and action items',
        params: MeetingParams,
        response: { 200: CaseMeetingSchema },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const m = await requireMeeting(db, a, c, request.params.meetingId);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.meeting',
        recordId: m.id,
        details: { caseId: c.id },
      });
      return m;
    },
  );

  app.put(
    '/:caseId/meetings/:meetingId',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Change a meeting of the case team: data, attendees and who was present, minutes, decisions, status (stale version → 409)',
        params: MeetingParams,
        body: CaseMeetingUpdate,
        response: { 200: CaseMeetingSchema },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const { meeting: input, version } = request.body;
      const number = await caseNumber(db, c.id);
      return db.transaction(async (tx) => {
        const before = await requireMeeting(tx, a, c, request.params.meetingId);
        if (before.version !== version) throw conflict();
        const attendees = await resolveAttendees(tx, c, input, 'meeting.', before.attendees);
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`update meetings set version = version + 1, updated_at = now(), title = ${input.title},
                starts_at = ${new Date(input.startsAt).toISOString()}, place = ${input.place}, online_url = ${input.onlineUrl},
                agenda = ${input.agenda}, minutes = ${input.minutes}, decisions = ${input.decisions}, status = ${input.status}
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!rows.length) throw conflict();
        await saveAttendees(tx, before.id, attendees);
        await notifyInvited(tx, a, { ...c, number }, before.id, input, attendees);
        if (before.status !== input.status) await timelineEntry(tx, a, c, input, attendees);
        await touchCase(tx, c.id);
        const after = await requireMeeting(tx, a, c, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case.meeting',
          recordId: before.id,
          before: auditableOf(before),
          after: auditableOf(after),
          sensitiveFields: longTexts,
          details: { caseId: c.id, version: after.version },
        });
        return after;
      });
    },
  );

  app.post(
    '/:caseId/meetings/:meetingId/action-items',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Add an action item to a meeting: the owner institution or a team institution, a person, a deadline',
        params: MeetingParams,
        body: CaseActionItemCreate,
        response: { 201: CaseMeetingSchema },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const input = request.body;
      const after = await db.transaction(async (tx) => {
        const meeting = await requireMeeting(tx, a, c, request.params.meetingId);
        let people: Array<{ id: string }>;
        if (input.ownerInstitutionId === c.institutionId) {
          people = await caseWorkers(tx, c);
        } else {
          const member = (await activeTeam(tx, c.id)).find(
            (m) => m.institution.id === input.ownerInstitutionId,
          );
          if (!member) throw fieldError('ownerInstitutionId', 'caseMeeting.ownerNotInTeam');
          people = member.user ? [member.user] : [];
        }
        if (input.ownerUserId && !people.some((p) => p.id === input.ownerUserId))
          throw fieldError('ownerUserId', 'caseMeeting.ownerUserUnknown');
        const [row] = await tx
          .insert(meetingActionItems)
          .values({ meetingId: meeting.id, ...input })
          .returning({ id: meetingActionItems.id });
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'case.meeting_action_item',
          recordId: row.id,
          before: null,
          after: { ...input },
          details: { caseId: c.id, meetingId: meeting.id },
        });
        return requireMeeting(tx, a, c, meeting.id);
      });
      return reply.status(201).send(after);
    },
  );

  app.post(
    '/:caseId/meetings/:meetingId/action-items/:itemId/done',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Mark an action item of a case-team meeting done (or not done again)',
        params: ItemParams,
        body: CaseActionItemDone,
        response: { 200: CaseMeetingActionItem },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const { meetingId, itemId } = request.params;
      return markDone(db, request, a, {
        caseId: c.id,
        meetingId,
        itemId,
        done: request.body.done,
        view: ownerView(a, c),
      });
    },
  );
};

/** Sets or clears `done_on` in one audited transaction and answers the item as the view sees it. */
async function markDone(
  db: DbOrTx,
  request: FastifyRequest,
  a: Actor,
  p: { caseId: string; meetingId: string; itemId: string; done: boolean; view: MeetingView },
) {
  const today = warsawToday();
  const partner = p.view.partnerInstitutionId;
  const where = sql`ai.id = ${p.itemId} and ai.meeting_id = ${p.meetingId}
    and exists (select 1 from meetings mt where mt.id = ai.meeting_id and mt.case_id = ${p.caseId}
      and (${partner}::uuid is null or exists (select 1 from meeting_attendees pa where pa.meeting_id = mt.id
                                             and pa.institution_id = ${partner}::uuid)))`;
  const [item] = await loadActionItems(db, where);
  const visible = item && (!partner || !p.view.restricted || item.ownerInstitution.id === partner);
  if (!item || !visible) return outOfScope(request, 'case.meeting_action_item', p.itemId);
  if (!presentItem(item, p.view, today).abilities.complete) {
    if (p.view.closed) throw new AppError('conflict', 'case.closedReadOnly');
    throw new AppError('forbidden', 'caseMeeting.itemNotOurs');
  }
  const doneOn = p.done ? (item.doneOn ?? today) : null;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`update meeting_action_items set done_on = ${doneOn}, done_by = ${doneOn ? a.userId : null}
          where id = ${item.id}`,
    );
    if (partner && doneOn && !item.doneOn) {
      const [inst] = await queryRows<{ name: string }>(
        tx,
        sql`select name from institutions where id = ${partner}`,
      );
      await addSystemEntry(tx, {
        caseId: p.caseId,
        kind: 'wspolpraca',
        title: `Zadanie ze spotkania zespołu wykonane przez: ${inst?.name ?? ''}`,
        body: item.description,
        authorId: a.userId,
      });
    }
    await touchCase(tx, p.caseId);
    await writeAudit(tx, actorFromRequest(request), {
      action: 'record.update',
      recordType: 'case.meeting_action_item',
      recordId: item.id,
      before: { doneOn: item.doneOn },
      after: { doneOn },
      details: { caseId: p.caseId, meetingId: p.meetingId, ...(partner ? { partner: true } : {}) },
    });
    const [after] = await loadActionItems(tx, where);
    return presentItem(after ?? { ...item, doneOn }, p.view, today);
  });
}

/**
 * Case-team meetings in the shared view: a partner whose share holds today sees the meetings its
 * institution attends, and marks the action items of its institution done. The share ending makes
 * every route 404, as for the rest of the shared view.
 */
export const sharedMeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/meetings',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Meetings of a shared case my institution was invited to',
        params: CaseParams,
        response: { 200: CaseMeetingList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      const items = await listCaseMeetings(db, share.caseId, partnerView(a, share));
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.meetings',
        recordId: share.caseId,
        details: { count: items.length, partner: true },
      });
      return { items, canManage: false, candidates: null };
    },
  );

  app.get(
    '/:caseId/meetings/:meetingId',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'One meeting of a shared case my institution attends; minutes and decisions only with the plan scope',
        params: MeetingParams,
        response: { 200: CaseMeetingSchema },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      const m = await loadCaseMeeting(
        db,
        share.caseId,
        request.params.meetingId,
        partnerView(a, share),
        warsawToday(),
      );
      if (!m) return outOfScope(request, 'case.meeting', request.params.meetingId);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.meeting',
        recordId: m.id,
        details: { caseId: share.caseId, partner: true, restricted: m.restricted },
      });
      return m;
    },
  );

  app.post(
    '/:caseId/meetings/:meetingId/action-items/:itemId/done',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Mark an action item of my institution from a case-team meeting done (or not done again)',
        params: ItemParams,
        body: CaseActionItemDone,
        response: { 200: CaseMeetingActionItem },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const share = await requireShare(request, db, a, request.params.caseId);
      const { meetingId, itemId } = request.params;
      return markDone(db, request, a, {
        caseId: share.caseId,
        meetingId,
        itemId,
        done: request.body.done,
        view: partnerView(a, share),
      });
    },
  );
};
