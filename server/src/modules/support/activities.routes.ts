import {
  hundredthsOf,
  peakOccupancy,
  SupportActivity,
  SupportActivityDetail,
  SupportActivityInput,
  SupportActivityList,
  SupportActivityUpdate,
  type SupportIssue,
  SupportParticipantList,
  SupportSession,
  SupportSessionInput,
  SupportSessionUpdate,
  type SupportTypeRef,
  SupportVersionQuery,
  supportKindFields,
  supportTypeIssues,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { conflict } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import {
  type ActivityRecord,
  ddmmyyyy,
  hours,
  loadActivities,
  loadActivity,
  loadEpisodes,
  loadSession,
  loadSessions,
  type ProjectFrame,
  projectFrame,
  projectSupportTypes,
  typeRefs,
  validationFailed,
  withType,
} from './queries.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const ActivityParams = ProjectParams.extend({ activityId: z.uuid() });
const SessionParams = ActivityParams.extend({ sessionId: z.uuid() });

const activityAuditable = (a: ActivityRecord) => ({
  kind: a.kind,
  supportTypeId: a.supportTypeId,
  name: a.name,
  description: a.description,
  place: a.place,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  capacity: a.capacity,
  employer: a.employer,
});

const sessionAuditable = (s: SupportSession) => ({
  date: s.date,
  startTime: s.startTime,
  hours: s.hours,
  topic: s.topic,
});

/**
 * Forms of support of a project (group activities, individual support, internships, flat places)
 * and the schedule of sessions of a group activity. Readable by the project team only (the
 * activities carry their participants); changed by its coordinators.
 */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** Every rule of an activity at once: the support type of the placement, the dates, what it already holds. */
  async function checkActivity(
    tx: DbOrTx,
    frame: ProjectFrame,
    allowed: readonly SupportTypeRef[],
    input: z.output<typeof SupportActivityInput>,
    before: ActivityRecord | null,
  ) {
    const issues: SupportIssue[] = [];
    if (!before || before.supportTypeId !== input.supportTypeId)
      issues.push(...supportTypeIssues(allowed, input.supportTypeId));
    const period = { from: ddmmyyyy(frame.startsOn), to: ddmmyyyy(frame.endsOn) };
    if (input.startsOn < frame.startsOn || input.startsOn > frame.endsOn)
      issues.push({ field: 'startsOn', code: 'support.outsideProject', params: period });
    if (input.endsOn && (input.endsOn > frame.endsOn || input.endsOn < frame.startsOn))
      issues.push({ field: 'endsOn', code: 'support.outsideProject', params: period });
    if (before) {
      const used = before.sessionCount + before.episodeCount > 0;
      if (used && before.kind !== input.kind)
        issues.push({ field: 'kind', code: 'support.activity.typeLocked' });
      if (used && before.supportTypeId !== input.supportTypeId)
        issues.push({ field: 'supportTypeId', code: 'support.activity.typeLocked' });
      const end = input.endsOn ?? '9999-12-31';
      const [outside] = await queryRows<{ n: number }>(
        tx,
        sql`select ((select count(*) from support_episodes e where e.activity_id = ${before.id}
                      and (e.starts_on < ${input.startsOn}::date or coalesce(e.ends_on, '9999-12-31'::date) > ${end}::date))
                  + (select count(*) from support_sessions s where s.activity_id = ${before.id}
                      and (s.date < ${input.startsOn}::date or s.date > ${end}::date)))::int as n`,
      );
      if (outside?.n)
        issues.push({
          field: 'startsOn',
          code: 'support.activity.episodesOutside',
          params: { count: outside.n },
        });
      if (input.capacity !== null) {
        const stays = await queryRows<{ startsOn: string; endsOn: string | null }>(
          tx,
          sql`select starts_on::text as "startsOn", coalesce(ends_on, ${input.endsOn}::date)::text as "endsOn"
              from support_episodes where activity_id = ${before.id}`,
        );
        const peak = peakOccupancy(stays);
        if (peak && peak.occupied > input.capacity)
          issues.push({
            field: 'capacity',
            code: 'support.capacity.belowOccupied',
            params: { occupied: peak.occupied, date: ddmmyyyy(peak.date) },
          });
      }
    }
    if (issues.length) throw validationFailed(issues);
  }

  async function activityOut(tx: DbOrTx, a: ActivityRecord, allowed: SupportTypeRef[]) {
    return withType(a, await typeRefs(tx, [a.supportTypeId], allowed));
  }

  app.get(
    '/:projectId/support/activities',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary:
          'The forms of support of a project with their counts, and the support types its placement allows',
        params: ProjectParams,
        response: { 200: SupportActivityList },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const today = warsawToday();
      const frame = await projectFrame(db, access.id);
      const allowed = await projectSupportTypes(db, frame);
      const rows = await loadActivities(db, access.id, today);
      const types = await typeRefs(
        db,
        rows.map((r) => r.supportTypeId),
        allowed,
      );
      return {
        items: rows.map((r) => withType(r, types)),
        supportTypes: allowed,
        project: { startsOn: frame.startsOn, endsOn: frame.endsOn },
        today,
        abilities: { manage: access.manage },
      };
    },
  );

  app.post(
    '/:projectId/support/activities',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Add a form of support (its type must be one the project’s sub-action allows)',
        params: ProjectParams,
        body: SupportActivityInput,
        response: { 201: SupportActivity },
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const input = request.body;
      const today = warsawToday();
      const created = await db.transaction(async (tx) => {
        const frame = await projectFrame(tx, access.id);
        const allowed = await projectSupportTypes(tx, frame);
        await checkActivity(tx, frame, allowed, input, null);
        const employer = supportKindFields[input.kind].employer ? input.employer : null;
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into support_activities (project_id, kind, support_type_id, name, description, place, starts_on, ends_on, capacity, employer)
              values (${access.id}, ${input.kind}, ${input.supportTypeId}, ${input.name}, ${input.description}, ${input.place},
                      ${input.startsOn}, ${input.endsOn}, ${input.capacity}, ${employer})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        const after = await loadActivity(tx, access.id, row.id, today);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'support_activity',
          recordId: row.id,
          before: null,
          after: activityAuditable(after),
          details: { projectId: access.id },
        });
        return activityOut(tx, after, allowed);
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:projectId/support/activities/:activityId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary: 'A form of support with its schedule and its participants’ episodes (the read is logged)',
        params: ActivityParams,
        response: { 200: SupportActivityDetail },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const today = warsawToday();
      const frame = await projectFrame(db, access.id);
      const allowed = await projectSupportTypes(db, frame);
      const a = await loadActivity(db, access.id, request.params.activityId, today);
      const [sessions, episodes, types] = await Promise.all([
        loadSessions(db, a.id),
        loadEpisodes(db, sql`e.activity_id = ${a.id}`),
        typeRefs(db, [a.supportTypeId], allowed),
      ]);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'support_activity',
        recordId: a.id,
        details: { projectId: access.id, participants: episodes.length },
      });
      return {
        ...withType(a, types),
        sessions,
        episodes,
        project: { id: frame.id, title: frame.title, startsOn: frame.startsOn, endsOn: frame.endsOn },
        supportTypes: allowed,
        today,
        abilities: { manage: access.manage },
      };
    },
  );

  app.put(
    '/:projectId/support/activities/:activityId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Change a form of support with the loaded version',
        params: ActivityParams,
        body: SupportActivityUpdate,
        response: { 200: SupportActivity },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const { activity: input, version } = request.body;
      const today = warsawToday();
      return db.transaction(async (tx) => {
        await tx.execute(
          sql`select id from support_activities where id = ${request.params.activityId} and project_id = ${access.id} for update`,
        );
        const before = await loadActivity(tx, access.id, request.params.activityId, today);
        if (before.version !== version) throw conflict();
        const frame = await projectFrame(tx, access.id);
        const allowed = await projectSupportTypes(tx, frame);
        await checkActivity(tx, frame, allowed, input, before);
        const employer = supportKindFields[input.kind].employer ? input.employer : null;
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update support_activities set kind = ${input.kind}, support_type_id = ${input.supportTypeId}, name = ${input.name},
                description = ${input.description}, place = ${input.place}, starts_on = ${input.startsOn},
                ends_on = ${input.endsOn}, capacity = ${input.capacity}, employer = ${employer},
                version = version + 1, updated_at = now()
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        const after = await loadActivity(tx, access.id, before.id, today);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'support_activity',
          recordId: before.id,
          before: activityAuditable(before),
          after: activityAuditable(after),
          details: { projectId: access.id },
        });
        return activityOut(tx, after, allowed);
      });
    },
  );

  app.delete(
    '/:projectId/support/activities/:activityId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Delete a form of support without sessions and participants',
        params: ActivityParams,
        querystring: SupportVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const today = warsawToday();
      await db.transaction(async (tx) => {
        const before = await loadActivity(tx, access.id, request.params.activityId, today);
        if (before.version !== request.query.version) throw conflict();
        if (before.sessionCount + before.episodeCount > 0)
          throw new AppError('conflict', 'support.activity.inUse');
        await tx.execute(sql`delete from support_activities where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'support_activity',
          recordId: before.id,
          before: activityAuditable(before),
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  // ————— The schedule of a group activity —————

  async function checkSession(
    tx: DbOrTx,
    activity: ActivityRecord,
    input: z.output<typeof SupportSessionInput>,
    before: SupportSession | null,
  ) {
    if (!supportKindFields[activity.kind].sessions)
      throw new AppError('bad_request', 'support.session.groupOnly');
    const issues: SupportIssue[] = [];
    if (input.date < activity.startsOn || (activity.endsOn && input.date > activity.endsOn))
      issues.push({
        field: 'date',
        code: 'support.session.outsideActivity',
        params: { from: ddmmyyyy(activity.startsOn), to: activity.endsOn ? ddmmyyyy(activity.endsOn) : '…' },
      });
    if (before?.recorded) {
      if (before.date !== input.date) issues.push({ field: 'date', code: 'support.session.dateAttendance' });
      const [max] = await queryRows<{ hours: string }>(
        tx,
        sql`select coalesce(max(hours), 0)::text as hours from session_attendance where session_id = ${before.id}`,
      );
      if (hundredthsOf(max?.hours) > hundredthsOf(input.hours))
        issues.push({
          field: 'hours',
          code: 'support.session.hoursBelowAttended',
          params: { hours: hours(max?.hours).replace('.', ',') },
        });
    }
    if (issues.length) throw validationFailed(issues);
  }

  app.post(
    '/:projectId/support/activities/:activityId/sessions',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Add a session to the schedule of a group activity',
        params: ActivityParams,
        body: SupportSessionInput,
        response: { 201: SupportSession },
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const input = request.body;
      const created = await db.transaction(async (tx) => {
        const activity = await loadActivity(tx, access.id, request.params.activityId, warsawToday());
        await checkSession(tx, activity, input, null);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into support_sessions (activity_id, date, start_time, hours, topic)
              values (${activity.id}, ${input.date}, ${input.startTime}, ${input.hours}, ${input.topic}) returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        const after = await loadSession(tx, activity.id, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'support_session',
          recordId: row.id,
          before: null,
          after: sessionAuditable(after),
          details: { projectId: access.id, activityId: activity.id },
        });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/:projectId/support/activities/:activityId/sessions/:sessionId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Change a session with the loaded version',
        params: SessionParams,
        body: SupportSessionUpdate,
        response: { 200: SupportSession },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const { session: input, version } = request.body;
      return db.transaction(async (tx) => {
        const activity = await loadActivity(tx, access.id, request.params.activityId, warsawToday());
        const before = await loadSession(tx, activity.id, request.params.sessionId);
        if (before.version !== version) throw conflict();
        await checkSession(tx, activity, input, before);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update support_sessions set date = ${input.date}, start_time = ${input.startTime}, hours = ${input.hours},
                topic = ${input.topic}, version = version + 1
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        const after = await loadSession(tx, activity.id, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'support_session',
          recordId: before.id,
          before: sessionAuditable(before),
          after: sessionAuditable(after),
          details: { projectId: access.id, activityId: activity.id },
        });
        return after;
      });
    },
  );

  app.delete(
    '/:projectId/support/activities/:activityId/sessions/:sessionId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Delete a session, with its attendance list',
        params: SessionParams,
        querystring: SupportVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      await db.transaction(async (tx) => {
        const activity = await loadActivity(tx, access.id, request.params.activityId, warsawToday());
        const before = await loadSession(tx, activity.id, request.params.sessionId);
        if (before.version !== request.query.version) throw conflict();
        const removed = await queryRows<{ participantId: string }>(
          tx,
          sql`delete from session_attendance where session_id = ${before.id} returning participant_id as "participantId"`,
        );
        await tx.execute(sql`delete from support_sessions where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'support_session',
          recordId: before.id,
          before: sessionAuditable(before),
          after: null,
          details: { projectId: access.id, activityId: activity.id, attendanceRemoved: removed.length },
        });
      });
      return reply.status(204).send();
    },
  );

  // ————— Participants to choose from —————

  app.get(
    '/:projectId/support/participants',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary: 'The participants of the project, to add an episode of support for (the read is logged)',
        params: ProjectParams,
        response: { 200: SupportParticipantList },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const items = await queryRows<{
        id: string;
        name: string;
        technicalId: string;
        status: string;
        joinedOn: string;
        leftOn: string | null;
      }>(
        db,
        sql`select p.id, pr.first_name || ' ' || pr.last_name as name, p.technical_id as "technicalId", p.status,
              p.joined_on::text as "joinedOn", p.left_on::text as "leftOn"
            from participants p join persons pr on pr.id = p.person_id
            where p.project_id = ${access.id}
            order by pr.last_name, pr.first_name, p.technical_id`,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'project_participants',
        recordId: access.id,
        details: { purpose: 'support', count: items.length },
      });
      return { items };
    },
  );
};
