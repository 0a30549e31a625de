import {
  addMonthsClamped,
  attendanceRowIssues,
  episodeCovers,
  Occupancy,
  OccupancyQuery,
  occupancyTimeline,
  SessionAttendance,
  SessionAttendanceInput,
  type SupportSession,
  supportDayIso,
  supportDayNumber,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { conflict } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import { renderAttendancePdf } from './attendance.pdf.js';
import {
  type ActivityRecord,
  hours,
  loadActivity,
  loadEpisodes,
  loadSession,
  validationFailed,
} from './queries.js';

const ActivityParams = z.object({ projectId: z.uuid(), activityId: z.uuid() });
const SessionParams = ActivityParams.extend({ sessionId: z.uuid() });

interface Row {
  participant: { id: string; name: string; technicalId: string };
  enrolled: boolean;
  present: boolean | null;
  hours: string;
}

/**
 * The attendance list of one session of a group activity: everybody enrolled in the activity on the
 * session's day (an episode covering it), with their mark, plus anybody marked before whose episode
 * has changed since. Unrecorded rows show the session's hours, ready to be confirmed.
 */
async function attendanceOf(db: DbOrTx, activity: ActivityRecord, session: SupportSession) {
  const episodes = (await loadEpisodes(db, sql`e.activity_id = ${activity.id}`)).filter((e) =>
    episodeCovers(e, session.date),
  );
  const marks = await queryRows<{
    participantId: string;
    name: string;
    technicalId: string;
    present: boolean;
    hours: string;
    recordedAt: string;
    recordedBy: string | null;
  }>(
    db,
    sql`select sa.participant_id as "participantId", pr.first_name || ' ' || pr.last_name as name,
          p.technical_id as "technicalId", sa.present, sa.hours::text as hours, sa.recorded_at::text as "recordedAt",
          u.first_name || ' ' || u.last_name as "recordedBy"
        from session_attendance sa
        join participants p on p.id = sa.participant_id
        join persons pr on pr.id = p.person_id
        left join users u on u.id = sa.recorded_by
        where sa.session_id = ${session.id}
        order by sa.recorded_at desc`,
  );
  const byParticipant = new Map(marks.map((m) => [m.participantId, m]));
  const rows = new Map<string, Row>();
  for (const e of episodes) {
    const m = byParticipant.get(e.participant.id);
    rows.set(e.participant.id, {
      participant: e.participant,
      enrolled: true,
      present: m ? m.present : null,
      hours: m ? hours(m.hours) : session.hours,
    });
  }
  for (const m of marks)
    if (!rows.has(m.participantId))
      rows.set(m.participantId, {
        participant: { id: m.participantId, name: m.name, technicalId: m.technicalId },
        enrolled: false,
        present: m.present,
        hours: hours(m.hours),
      });
  // In the order of the list on paper: surname, then first name.
  const ids = [...rows.keys()];
  const order = ids.length
    ? await queryRows<{ id: string }>(
        db,
        sql`select p.id from participants p join persons pr on pr.id = p.person_id
            where p.id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
            order by pr.last_name, pr.first_name, p.technical_id`,
      )
    : [];
  const sorted = order.map((o) => rows.get(o.id) as Row);
  return {
    rows: sorted,
    recordedAt: marks[0]?.recordedAt ?? null,
    recordedBy: marks[0]?.recordedBy ?? null,
  };
}

/**
 * Attendance lists (filled in the app as a whole, or printed to be signed) and the occupancy
 * timeline of a flat. Every read names participants, so every read is logged.
 */
export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:projectId/support/activities/:activityId/sessions/:sessionId/attendance',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary:
          'The attendance list of a session: the participants enrolled that day with their marks (logged)',
        params: SessionParams,
        response: { 200: SessionAttendance },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const activity = await loadActivity(db, access.id, request.params.activityId, warsawToday());
      const session = await loadSession(db, activity.id, request.params.sessionId);
      const list = await attendanceOf(db, activity, session);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'support_session',
        recordId: session.id,
        details: { projectId: access.id, activityId: activity.id, participants: list.rows.length },
      });
      return {
        activity: { id: activity.id, name: activity.name, kind: activity.kind },
        session,
        ...list,
        abilities: { manage: access.manage },
      };
    },
  );

  app.put(
    '/:projectId/support/activities/:activityId/sessions/:sessionId/attendance',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary:
          'Save the whole attendance list of a session at once, with the session’s version (stale: 409)',
        params: SessionParams,
        body: SessionAttendanceInput,
        response: { 200: SessionAttendance },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const input = request.body;
      const actor = actorFromRequest(request);
      return db.transaction(async (tx) => {
        const activity = await loadActivity(tx, access.id, request.params.activityId, warsawToday());
        await tx.execute(
          sql`select id from support_sessions where id = ${request.params.sessionId} for update`,
        );
        const session = await loadSession(tx, activity.id, request.params.sessionId);
        if (session.version !== input.version) throw conflict();
        const before = await attendanceOf(tx, activity, session);
        const enrolled = new Set(before.rows.filter((r) => r.enrolled).map((r) => r.participant.id));
        const checked = attendanceRowIssues(input.rows, session, enrolled);
        if (checked.issues.length) throw validationFailed(checked.issues);
        await tx.execute(sql`delete from session_attendance where session_id = ${session.id}`);
        for (const r of checked.rows)
          await tx.execute(
            sql`insert into session_attendance (session_id, participant_id, present, hours, recorded_by)
                values (${session.id}, ${r.participantId}, ${r.present}, ${r.hours}, ${actor.userId ?? null})`,
          );
        const bumped = await queryRows<{ id: string }>(
          tx,
          sql`update support_sessions set version = version + 1 where id = ${session.id} and version = ${input.version} returning id`,
        );
        if (!bumped.length) throw conflict();
        const marks = (rows: readonly { participantId: string; present: boolean | null; hours: string }[]) =>
          Object.fromEntries(
            rows
              .filter((r) => r.present !== null)
              .map((r) => [r.participantId, { present: r.present, hours: r.hours }]),
          );
        const fresh = await loadSession(tx, activity.id, session.id);
        const after = await attendanceOf(tx, activity, fresh);
        await writeAudit(tx, actor, {
          action: 'record.update',
          recordType: 'support_session',
          recordId: session.id,
          before: {
            attendance: marks(before.rows.map((r) => ({ ...r, participantId: r.participant.id }))),
          },
          after: { attendance: marks(checked.rows) },
          details: { projectId: access.id, activityId: activity.id, list: 'attendance' },
        });
        return {
          activity: { id: activity.id, name: activity.name, kind: activity.kind },
          session: fresh,
          ...after,
          abilities: { manage: access.manage },
        };
      });
    },
  );

  app.get(
    '/:projectId/support/activities/:activityId/sessions/:sessionId/attendance/pdf',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary: 'The attendance list as a PDF to print and sign (the download is logged)',
        params: SessionParams,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const activity = await loadActivity(db, access.id, request.params.activityId, warsawToday());
      const session = await loadSession(db, activity.id, request.params.sessionId);
      const list = await attendanceOf(db, activity, session);
      const [p] = await queryRows<{ number: string; title: string; leader: string; type: string | null }>(
        db,
        sql`select p.number, p.title, i.name as leader,
              (select n.code || ' ' || n.name from programme_nodes n where n.id = ${activity.supportTypeId}::uuid) as type
            from projects p join institutions i on i.id = p.leader_institution_id where p.id = ${access.id}`,
      );
      if (!p) throw notFound();
      const comma = (h: string) => h.replace('.', ',');
      const pdf = await renderAttendancePdf({
        leader: p.leader,
        projectNumber: p.number,
        projectTitle: p.title,
        activity: activity.name,
        supportType: p.type,
        place: activity.place,
        date: session.date,
        startTime: session.startTime,
        hours: comma(session.hours),
        topic: session.topic,
        rows: list.rows
          .filter((r) => r.enrolled || r.present !== null)
          .map((r) => ({
            name: r.participant.name,
            technicalId: r.participant.technicalId,
            present: r.present,
            hours: r.present === null ? null : comma(r.hours),
          })),
      });
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'support_session',
        recordId: session.id,
        details: {
          projectId: access.id,
          activityId: activity.id,
          format: 'pdf',
          participants: list.rows.length,
        },
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="lista-obecnosci-${session.date}.pdf"`);
      return pdf;
    },
  );

  app.get(
    '/:projectId/support/activities/:activityId/occupancy',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary: 'The occupancy timeline of a flat (by day or month): places, occupied, who (logged)',
        params: ActivityParams,
        querystring: OccupancyQuery,
        response: { 200: Occupancy },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const today = warsawToday();
      const activity = await loadActivity(db, access.id, request.params.activityId, today);
      const { by } = request.query;
      const from = request.query.from ?? activity.startsOn;
      let to = request.query.to ?? activity.endsOn ?? (today > from ? today : addMonthsClamped(from, 12));
      if (to < from) to = from;
      // A day-by-day view covers at most a year; a monthly one at most ten (the domain's limit).
      const maxDays = by === 'dzien' ? 366 : 3660;
      if (supportDayNumber(to) - supportDayNumber(from) >= maxDays)
        to = supportDayIso(supportDayNumber(from) + maxDays - 1);
      const episodes = (await loadEpisodes(db, sql`e.activity_id = ${activity.id}`)).filter(
        (e) => e.startsOn <= to && (e.endsOn ?? '9999-12-31') >= from,
      );
      const periods = occupancyTimeline(
        episodes.map((e) => ({ participantId: e.participant.id, startsOn: e.startsOn, endsOn: e.endsOn })),
        { from, to, by },
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'support_activity',
        recordId: activity.id,
        details: { projectId: access.id, view: 'occupancy', participants: episodes.length },
      });
      return {
        activity: { id: activity.id, name: activity.name, kind: activity.kind },
        capacity: activity.capacity,
        by,
        from,
        to,
        periods: periods.map((p) => ({
          ...p,
          free: activity.capacity === null ? null : Math.max(0, activity.capacity - p.occupied),
        })),
        residents: episodes.map((e) => ({
          participant: e.participant,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
        })),
      };
    },
  );
};
