import {
  formatHours,
  hundredthsOf,
  type SupportActivity,
  type SupportEpisode,
  type SupportKind,
  type SupportSession,
  type SupportTypeRef,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { notFound, validationFailed } from '../../http/problem.js';
import { allowedSupportTypes } from '../programmes/index.js';

/** Hours as the database returns them ("4.50") → the API's canonical string ("4.5"). */
export const hours = (v: string | number | null | undefined) => formatHours(hundredthsOf(v));

/** A bigint column read as text → a safe integer number of grosze. */
export function grosze(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not whole grosze: ${v}`);
  return n;
}

export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A validation failure with several field errors (every broken rule at once). */
export { validationFailed };

/** The project as support sees it: its period and where it sits in the catalogue. */
export interface ProjectFrame {
  id: string;
  title: string;
  programmeNodeId: string;
  startsOn: string;
  endsOn: string;
}

export async function projectFrame(db: DbOrTx, projectId: string): Promise<ProjectFrame> {
  const [row] = await queryRows<ProjectFrame>(
    db,
    sql`select id, title, programme_node_id as "programmeNodeId", starts_on::text as "startsOn", ends_on::text as "endsOn"
        from projects where id = ${projectId}`,
  );
  if (!row) throw notFound();
  return row;
}

/** The support types the project's placement allows, each with its effective rules. */
export async function projectSupportTypes(db: DbOrTx, frame: ProjectFrame): Promise<SupportTypeRef[]> {
  const types = await allowedSupportTypes(db, frame.programmeNodeId);
  return types.map((t) => ({ id: t.id, code: t.code, name: t.name, rules: { ...t.rules } }));
}

/**
 * The type of each activity: from the allowed list, or — for a type the catalogue no longer offers
 * (deactivated since) — its code and name without rules.
 */
export async function typeRefs(
  db: DbOrTx,
  ids: readonly (string | null)[],
  allowed: readonly SupportTypeRef[],
): Promise<Map<string, SupportTypeRef>> {
  const out = new Map(allowed.map((t) => [t.id, t]));
  const missing = [...new Set(ids.filter((id): id is string => !!id && !out.has(id)))];
  if (missing.length) {
    const rows = await queryRows<{ id: string; code: string; name: string }>(
      db,
      sql`select id, code, name from programme_nodes where id in (${sql.join(
        missing.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    for (const r of rows) out.set(r.id, { ...r, rules: {} });
  }
  return out;
}

interface ActivityRow {
  id: string;
  projectId: string;
  kind: SupportKind;
  supportTypeId: string | null;
  name: string;
  description: string | null;
  place: string | null;
  startsOn: string;
  endsOn: string | null;
  capacity: number | null;
  employer: string | null;
  sessionCount: number;
  sessionHours: string;
  episodeCount: number;
  activeCount: number;
  version: number;
}

export type ActivityRecord = Omit<SupportActivity, 'supportType'> & { supportTypeId: string | null };

/** The activities of a project (optionally one), with their counts; `today` tells who is active. */
export async function loadActivities(
  db: DbOrTx,
  projectId: string,
  today: string,
  where: SQL = sql`true`,
): Promise<ActivityRecord[]> {
  const rows = await queryRows<ActivityRow>(
    db,
    sql`select a.id, a.project_id as "projectId", a.kind, a.support_type_id as "supportTypeId", a.name, a.description,
          a.place, a.starts_on::text as "startsOn", a.ends_on::text as "endsOn", a.capacity, a.employer, a.version,
          (select count(*)::int from support_sessions s where s.activity_id = a.id) as "sessionCount",
          (select coalesce(sum(s.hours), 0)::text from support_sessions s where s.activity_id = a.id) as "sessionHours",
          (select count(*)::int from support_episodes e where e.activity_id = a.id) as "episodeCount",
          (select count(*)::int from support_episodes e where e.activity_id = a.id
             and e.starts_on <= ${today}::date and (e.ends_on is null or e.ends_on >= ${today}::date)) as "activeCount"
        from support_activities a
        where a.project_id = ${projectId} and ${where}
        order by a.kind, a.starts_on, a.name`,
  );
  return rows.map((r) => ({ ...r, sessionHours: hours(r.sessionHours) }));
}

export function withType(a: ActivityRecord, types: Map<string, SupportTypeRef>): SupportActivity {
  const { supportTypeId, ...rest } = a;
  return { ...rest, supportType: supportTypeId ? (types.get(supportTypeId) ?? null) : null };
}

/** One activity of the project, or 404. */
export async function loadActivity(
  db: DbOrTx,
  projectId: string,
  activityId: string,
  today: string,
): Promise<ActivityRecord> {
  const [a] = await loadActivities(db, projectId, today, sql`a.id = ${activityId}`);
  if (!a) throw notFound();
  return a;
}

export async function loadSessions(db: DbOrTx, activityId: string, where: SQL = sql`true`) {
  const rows = await queryRows<Omit<SupportSession, 'hours'> & { hours: string }>(
    db,
    sql`select s.id, s.activity_id as "activityId", s.date::text as date, s.start_time as "startTime", s.hours::text as hours,
          s.topic, s.version,
          exists (select 1 from session_attendance sa where sa.session_id = s.id) as recorded,
          (select count(*)::int from session_attendance sa where sa.session_id = s.id and sa.present) as present
        from support_sessions s
        where s.activity_id = ${activityId} and ${where}
        order by s.date, s.start_time nulls first, s.created_at`,
  );
  return rows.map((r): SupportSession => ({ ...r, hours: hours(r.hours) }));
}

export async function loadSession(db: DbOrTx, activityId: string, sessionId: string) {
  const [s] = await loadSessions(db, activityId, sql`s.id = ${sessionId}`);
  if (!s) throw notFound();
  return s;
}

interface EpisodeRow {
  id: string;
  activityId: string;
  participantId: string;
  technicalId: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  hours: string | null;
  attendedHours: string;
  stipend: string | null;
  notes: string | null;
  version: number;
}

/** Episodes with the participant's name and the hours attended at the activity's sessions within the episode. */
export async function loadEpisodes(db: DbOrTx, where: SQL): Promise<SupportEpisode[]> {
  const rows = await queryRows<EpisodeRow>(
    db,
    sql`select e.id, e.activity_id as "activityId", e.participant_id as "participantId", p.technical_id as "technicalId",
          pr.first_name || ' ' || pr.last_name as name, e.starts_on::text as "startsOn", e.ends_on::text as "endsOn",
          e.hours::text as hours, e.stipend::text as stipend, e.notes, e.version,
          (select coalesce(sum(sa.hours), 0)::text from session_attendance sa
             join support_sessions s on s.id = sa.session_id
             where s.activity_id = e.activity_id and sa.participant_id = e.participant_id and sa.present
               and s.date >= e.starts_on and (e.ends_on is null or s.date <= e.ends_on)) as "attendedHours"
        from support_episodes e
        join participants p on p.id = e.participant_id
        join persons pr on pr.id = p.person_id
        where ${where}
        order by e.starts_on, pr.last_name, pr.first_name, e.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activityId,
    participant: { id: r.participantId, name: r.name, technicalId: r.technicalId },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    hours: r.hours === null ? null : hours(r.hours),
    attendedHours: hours(r.attendedHours),
    stipend: grosze(r.stipend),
    notes: r.notes,
    version: r.version,
  }));
}

export async function loadEpisode(db: DbOrTx, activityId: string, episodeId: string) {
  const [e] = await loadEpisodes(db, sql`e.id = ${episodeId} and e.activity_id = ${activityId}`);
  if (!e) throw notFound();
  return e;
}

/** A participant of the project with what the episode rules need, or null. */
export interface ParticipantFrame {
  id: string;
  name: string;
  technicalId: string;
  joinedOn: string;
  leftOn: string | null;
  status: string;
  /** From the application the participant came from (9.1.3): null without one. */
  stay: { inInstitution: boolean; institutionLeftOn: string | null } | null;
}

export async function participantFrame(
  db: DbOrTx,
  projectId: string,
  participantId: string,
): Promise<ParticipantFrame | null> {
  const [row] = await queryRows<{
    id: string;
    name: string;
    technicalId: string;
    joinedOn: string;
    leftOn: string | null;
    status: string;
    hasApplication: boolean;
    inInstitution: boolean | null;
    institutionLeftOn: string | null;
  }>(
    db,
    sql`select p.id, pr.first_name || ' ' || pr.last_name as name, p.technical_id as "technicalId",
          p.joined_on::text as "joinedOn", p.left_on::text as "leftOn", p.status,
          (ap.id is not null) as "hasApplication", ap.in_institution as "inInstitution",
          ap.institution_left_on::text as "institutionLeftOn"
        from participants p
        join persons pr on pr.id = p.person_id
        left join applications ap on ap.id = p.application_id
        where p.id = ${participantId} and p.project_id = ${projectId}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    technicalId: row.technicalId,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    status: row.status,
    stay: row.hasApplication
      ? { inInstitution: !!row.inInstitution, institutionLeftOn: row.institutionLeftOn }
      : null,
  };
}

/** Every episode of a participant in the project, with its activity's support type (for the combination rule). */
export async function participantEpisodesForRules(db: DbOrTx, participantId: string) {
  return queryRows<{
    id: string;
    activityId: string;
    activityName: string;
    supportTypeId: string | null;
    startsOn: string;
    endsOn: string | null;
  }>(
    db,
    sql`select e.id, e.activity_id as "activityId", a.name as "activityName", a.support_type_id as "supportTypeId",
          e.starts_on::text as "startsOn", e.ends_on::text as "endsOn"
        from support_episodes e join support_activities a on a.id = e.activity_id
        where e.participant_id = ${participantId}`,
  );
}
