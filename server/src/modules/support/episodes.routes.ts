import {
  episodeDateIssues,
  episodeFieldIssues,
  firstDayOverCapacity,
  onlyWithOtherIssues,
  orphanedByRemoval,
  ParticipantSupport,
  participantHours,
  type SupportEpisode,
  SupportEpisodeInput,
  SupportEpisodeSaved,
  SupportEpisodeUpdate,
  type SupportIssue,
  type SupportKind,
  type SupportTypeRef,
  SupportVersionQuery,
  sumGrosze,
  supportTypeIssues,
  timeWindowCheck,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { translate } from '../../http/messages.js';
import { AppError, languageOf, notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { conflict, outOfScope } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import {
  type ActivityRecord,
  ddmmyyyy,
  loadActivities,
  loadActivity,
  loadEpisode,
  loadEpisodes,
  participantEpisodesForRules,
  participantFrame,
  projectFrame,
  projectSupportTypes,
  typeRefs,
  validationFailed,
} from './queries.js';

const ActivityParams = z.object({ projectId: z.uuid(), activityId: z.uuid() });
const EpisodeParams = ActivityParams.extend({ episodeId: z.uuid() });
const ParticipantParams = z.object({ projectId: z.uuid(), participantId: z.uuid() });

const episodeAuditable = (e: SupportEpisode) => ({
  activityId: e.activityId,
  participantId: e.participant.id,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  hours: e.hours,
  stipend: e.stipend,
  notes: e.notes,
});

type EpisodeValues = z.output<typeof SupportEpisodeInput>;

/**
 * Participants' episodes of a form of support — each with its own start and end, hours (individual
 * support, internships) and stipend (internships) — checked against every rule at once: the type
 * still allowed by the sub-action, the dates of the activity and of the participation, places free on
 * every day, "only with another form", and the time window after leaving an institution. Plus one
 * participant's support with the hours summed, for the participant page.
 */
export const episodeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** The rules of one episode; the warnings are returned, the issues thrown together. */
  async function checkEpisode(
    tx: DbOrTx,
    request: FastifyRequest,
    projectId: string,
    activity: ActivityRecord,
    input: EpisodeValues,
    episodeId: string | null,
  ): Promise<{ field: string; code: string; message: string }[]> {
    const frame = await projectFrame(tx, projectId);
    const allowed = await projectSupportTypes(tx, frame);
    const participant = await participantFrame(tx, projectId, input.participantId);
    if (!participant)
      throw validationFailed([{ field: 'participantId', code: 'support.episode.participantUnknown' }]);
    const issues: SupportIssue[] = [];
    // The type of the activity must still be one the sub-action allows.
    issues.push(
      ...supportTypeIssues(allowed, activity.supportTypeId).map((i) => ({ ...i, field: 'activityId' })),
    );
    issues.push(...episodeFieldIssues(activity.kind, input));
    const others = (await participantEpisodesForRules(tx, participant.id)).filter((e) => e.id !== episodeId);
    issues.push(
      ...episodeDateIssues(input, {
        activity,
        participant,
        sameActivity: others.filter((o) => o.activityId === activity.id),
      }),
    );
    if (activity.capacity !== null) {
      const stays = await queryRows<{ startsOn: string; endsOn: string | null }>(
        tx,
        sql`select starts_on::text as "startsOn", coalesce(ends_on, ${activity.endsOn}::date)::text as "endsOn"
            from support_episodes where activity_id = ${activity.id} and id is distinct from ${episodeId}::uuid`,
      );
      const full = firstDayOverCapacity(
        stays,
        { startsOn: input.startsOn, endsOn: input.endsOn ?? activity.endsOn },
        activity.capacity,
      );
      if (full)
        issues.push({
          field: 'startsOn',
          code: 'support.capacity.full',
          params: { date: ddmmyyyy(full.date), occupied: full.occupied, capacity: activity.capacity },
        });
    }
    const types = await typeRefs(
      tx,
      [activity.supportTypeId, ...others.map((o) => o.supportTypeId)],
      allowed,
    );
    const onlyWithOther = (id: string | null) => !!(id && types.get(id)?.rules.onlyWithOther);
    issues.push(...onlyWithOtherIssues({ supportTypeId: activity.supportTypeId }, others, onlyWithOther));
    const rules: SupportTypeRef['rules'] = activity.supportTypeId
      ? (types.get(activity.supportTypeId)?.rules ?? {})
      : {};
    const window = timeWindowCheck(rules, input, participant.stay);
    issues.push(...window.issues);
    if (episodeId) {
      // Attendance already recorded must stay within the episode.
      const [outside] = await queryRows<{ date: string }>(
        tx,
        sql`select s.date::text as date from session_attendance sa join support_sessions s on s.id = sa.session_id
            join support_episodes e on e.id = ${episodeId}
            where s.activity_id = ${activity.id} and sa.participant_id = ${participant.id}
              and s.date >= e.starts_on and (e.ends_on is null or s.date <= e.ends_on)
              and (s.date < ${input.startsOn}::date or s.date > coalesce(${input.endsOn}::date, '9999-12-31'::date))
            order by s.date limit 1`,
      );
      if (outside)
        issues.push({
          field: 'startsOn',
          code: 'support.episode.attendanceOutside',
          params: { date: ddmmyyyy(outside.date) },
        });
    }
    if (issues.length) throw validationFailed(issues);
    const lang = languageOf(request);
    return window.warnings.map((w) => ({
      field: w.field,
      code: w.code,
      message: translate(w.code, lang, w.params) ?? w.code,
    }));
  }

  /** The activity row locked until the change commits: two episodes never take the last place together. */
  async function lockedActivity(tx: DbOrTx, projectId: string, activityId: string) {
    await tx.execute(
      sql`select id from support_activities where id = ${activityId} and project_id = ${projectId} for update`,
    );
    return loadActivity(tx, projectId, activityId, warsawToday());
  }

  app.post(
    '/:projectId/support/activities/:activityId/episodes',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Add a participant’s episode of a form of support (all rules checked; warnings returned)',
        params: ActivityParams,
        body: SupportEpisodeInput,
        response: { 201: SupportEpisodeSaved },
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const input = request.body;
      const saved = await db.transaction(async (tx) => {
        const activity = await lockedActivity(tx, access.id, request.params.activityId);
        const warnings = await checkEpisode(tx, request, access.id, activity, input, null);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on, hours, stipend, notes)
              values (${activity.id}, ${input.participantId}, ${input.startsOn}, ${input.endsOn}, ${input.hours},
                      ${input.stipend}, ${input.notes})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        const after = await loadEpisode(tx, activity.id, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'support_episode',
          recordId: row.id,
          before: null,
          after: episodeAuditable(after),
          details: { projectId: access.id, warnings: warnings.map((w) => w.code) },
        });
        return { ...after, warnings };
      });
      return reply.status(201).send(saved);
    },
  );

  app.put(
    '/:projectId/support/activities/:activityId/episodes/:episodeId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary: 'Change an episode (dates, hours, stipend) with the loaded version',
        params: EpisodeParams,
        body: SupportEpisodeUpdate,
        response: { 200: SupportEpisodeSaved },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const { episode: input, version } = request.body;
      return db.transaction(async (tx) => {
        const activity = await lockedActivity(tx, access.id, request.params.activityId);
        const before = await loadEpisode(tx, activity.id, request.params.episodeId);
        if (before.version !== version) throw conflict();
        // The participant of an episode stays; another participant is another episode.
        const values = { ...input, participantId: before.participant.id };
        const warnings = await checkEpisode(tx, request, access.id, activity, values, before.id);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update support_episodes set starts_on = ${values.startsOn}, ends_on = ${values.endsOn}, hours = ${values.hours},
                stipend = ${values.stipend}, notes = ${values.notes}, version = version + 1
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        const after = await loadEpisode(tx, activity.id, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'support_episode',
          recordId: before.id,
          before: episodeAuditable(before),
          after: episodeAuditable(after),
          details: { projectId: access.id, warnings: warnings.map((w) => w.code) },
        });
        return { ...after, warnings };
      });
    },
  );

  app.delete(
    '/:projectId/support/activities/:activityId/episodes/:episodeId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['support'],
        summary:
          'Delete an episode without recorded attendance (and not the companion of an only-with-other form)',
        params: EpisodeParams,
        querystring: SupportVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      await db.transaction(async (tx) => {
        const activity = await lockedActivity(tx, access.id, request.params.activityId);
        const before = await loadEpisode(tx, activity.id, request.params.episodeId);
        if (before.version !== request.query.version) throw conflict();
        const [attended] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from session_attendance sa join support_sessions s on s.id = sa.session_id
              where s.activity_id = ${activity.id} and sa.participant_id = ${before.participant.id}
                and s.date >= ${before.startsOn}::date and (${before.endsOn}::date is null or s.date <= ${before.endsOn}::date)`,
        );
        if (attended?.n) throw new AppError('conflict', 'support.episode.hasAttendance');
        const all = await participantEpisodesForRules(tx, before.participant.id);
        const frame = await projectFrame(tx, access.id);
        const types = await typeRefs(
          tx,
          all.map((e) => e.supportTypeId),
          await projectSupportTypes(tx, frame),
        );
        const removed = all.find((e) => e.id === before.id);
        const orphans = removed
          ? orphanedByRemoval(removed, all, (id) => !!(id && types.get(id)?.rules.onlyWithOther))
          : [];
        if (orphans.length)
          throw new AppError('conflict', 'support.onlyWithOther.companion', {
            activity: all.find((e) => e.id === orphans[0]?.id)?.activityName ?? '',
          });
        await tx.execute(sql`delete from support_episodes where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'support_episode',
          recordId: before.id,
          before: episodeAuditable(before),
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/:projectId/support/participants/:participantId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['support'],
        summary: 'One participant’s support: episodes with hours and the totals (the read is logged)',
        params: ParticipantParams,
        response: { 200: ParticipantSupport },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const participant = await participantFrame(db, access.id, request.params.participantId);
      if (!participant) return outOfScope(request, 'participant', request.params.participantId);
      const today = warsawToday();
      const frame = await projectFrame(db, access.id);
      const allowed = await projectSupportTypes(db, frame);
      const activities = await loadActivities(db, access.id, today);
      const byId = new Map(activities.map((a) => [a.id, a]));
      const types = await typeRefs(
        db,
        activities.map((a) => a.supportTypeId),
        allowed,
      );
      const episodes = (await loadEpisodes(db, sql`e.participant_id = ${participant.id}`)).map((e) => {
        const a = byId.get(e.activityId);
        if (!a) throw notFound();
        const t = a.supportTypeId ? types.get(a.supportTypeId) : undefined;
        const kind: SupportKind = a.kind;
        return {
          ...e,
          activity: {
            id: a.id,
            name: a.name,
            kind,
            supportType: t ? { code: t.code, name: t.name } : null,
          },
          hoursCounted: kind === 'grupowe' ? e.attendedHours : kind === 'mieszkanie' ? '0' : (e.hours ?? '0'),
        };
      });
      const totals = participantHours({
        attended: episodes.filter((e) => e.activity.kind === 'grupowe').map((e) => e.attendedHours),
        episodes: episodes.map((e) => ({ kind: e.activity.kind, hours: e.hours })),
      });
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'participant',
        recordId: participant.id,
        details: { projectId: access.id, view: 'support' },
      });
      return {
        participant: {
          id: participant.id,
          name: participant.name,
          technicalId: participant.technicalId,
          joinedOn: participant.joinedOn,
          leftOn: participant.leftOn,
        },
        episodes,
        totals: { ...totals, stipend: sumGrosze(episodes.map((e) => e.stipend ?? 0)) },
        activities: activities.map((a) => ({
          id: a.id,
          name: a.name,
          kind: a.kind,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
        })),
        abilities: { manage: access.manage },
      };
    },
  );
};
