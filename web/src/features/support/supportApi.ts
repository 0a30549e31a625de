import type {
  Occupancy,
  OccupancyGranularity,
  ParticipantSupport,
  SessionAttendance,
  SessionAttendanceInput,
  SupportActivity,
  SupportActivityDetail,
  SupportActivityInput,
  SupportActivityList,
  SupportEpisodeInput,
  SupportEpisodeSaved,
  SupportParticipantList,
  SupportSession,
  SupportSessionInput,
} from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

export const supportKeys = {
  all: (projectId: string) => ['support', projectId] as const,
  activities: (projectId: string) => ['support', projectId, 'activities'] as const,
  activity: (projectId: string, activityId: string) =>
    ['support', projectId, 'activity', activityId] as const,
  attendance: (projectId: string, sessionId: string) =>
    ['support', projectId, 'attendance', sessionId] as const,
  occupancy: (projectId: string, activityId: string, by: OccupancyGranularity, from?: string, to?: string) =>
    ['support', projectId, 'occupancy', activityId, by, from ?? '', to ?? ''] as const,
  participants: (projectId: string) => ['support', projectId, 'participants'] as const,
  participant: (projectId: string, participantId: string) =>
    ['support', projectId, 'participant', participantId] as const,
};

const base = (projectId: string) => `/projects/${projectId}/support`;
const activityPath = (projectId: string, activityId: string) => `${base(projectId)}/activities/${activityId}`;
const sessionPath = (projectId: string, activityId: string, sessionId: string) =>
  `${activityPath(projectId, activityId)}/sessions/${sessionId}`;

export const fetchActivities = (projectId: string, signal?: AbortSignal) =>
  apiFetch<SupportActivityList>(`${base(projectId)}/activities`, { signal });
export const createActivity = (projectId: string, activity: SupportActivityInput) =>
  apiFetch<SupportActivity>(`${base(projectId)}/activities`, { method: 'POST', json: activity });
export const fetchActivity = (projectId: string, activityId: string, signal?: AbortSignal) =>
  apiFetch<SupportActivityDetail>(activityPath(projectId, activityId), { signal });
export const updateActivity = (
  projectId: string,
  activityId: string,
  activity: SupportActivityInput,
  version: number,
) =>
  apiFetch<SupportActivity>(activityPath(projectId, activityId), {
    method: 'PUT',
    json: { activity, version },
  });
export const deleteActivity = (projectId: string, activityId: string, version: number) =>
  apiFetch<void>(activityPath(projectId, activityId), { method: 'DELETE', query: { version } });

export const createSession = (projectId: string, activityId: string, session: SupportSessionInput) =>
  apiFetch<SupportSession>(`${activityPath(projectId, activityId)}/sessions`, {
    method: 'POST',
    json: session,
  });
export const updateSession = (
  projectId: string,
  activityId: string,
  sessionId: string,
  session: SupportSessionInput,
  version: number,
) =>
  apiFetch<SupportSession>(sessionPath(projectId, activityId, sessionId), {
    method: 'PUT',
    json: { session, version },
  });
export const deleteSession = (projectId: string, activityId: string, sessionId: string, version: number) =>
  apiFetch<void>(sessionPath(projectId, activityId, sessionId), { method: 'DELETE', query: { version } });

export const fetchAttendance = (
  projectId: string,
  activityId: string,
  sessionId: string,
  signal?: AbortSignal,
) => apiFetch<SessionAttendance>(`${sessionPath(projectId, activityId, sessionId)}/attendance`, { signal });
export const saveAttendance = (
  projectId: string,
  activityId: string,
  sessionId: string,
  input: SessionAttendanceInput,
) =>
  apiFetch<SessionAttendance>(`${sessionPath(projectId, activityId, sessionId)}/attendance`, {
    method: 'PUT',
    json: input,
  });
/** The printable attendance list (a download, logged by the server). */
export const attendancePdfUrl = (projectId: string, activityId: string, sessionId: string) =>
  apiUrl(`${sessionPath(projectId, activityId, sessionId)}/attendance/pdf`);

export const createEpisode = (projectId: string, activityId: string, episode: SupportEpisodeInput) =>
  apiFetch<SupportEpisodeSaved>(`${activityPath(projectId, activityId)}/episodes`, {
    method: 'POST',
    json: episode,
  });
export const updateEpisode = (
  projectId: string,
  activityId: string,
  episodeId: string,
  episode: SupportEpisodeInput,
  version: number,
) =>
  apiFetch<SupportEpisodeSaved>(`${activityPath(projectId, activityId)}/episodes/${episodeId}`, {
    method: 'PUT',
    json: { episode, version },
  });
export const deleteEpisode = (projectId: string, activityId: string, episodeId: string, version: number) =>
  apiFetch<void>(`${activityPath(projectId, activityId)}/episodes/${episodeId}`, {
    method: 'DELETE',
    query: { version },
  });

export const fetchOccupancy = (
  projectId: string,
  activityId: string,
  query: { by: OccupancyGranularity; from?: string; to?: string },
  signal?: AbortSignal,
) => apiFetch<Occupancy>(`${activityPath(projectId, activityId)}/occupancy`, { query, signal });

export const fetchSupportParticipants = (projectId: string, signal?: AbortSignal) =>
  apiFetch<SupportParticipantList>(`${base(projectId)}/participants`, { signal });
export const fetchParticipantSupport = (projectId: string, participantId: string, signal?: AbortSignal) =>
  apiFetch<ParticipantSupport>(`${base(projectId)}/participants/${participantId}`, { signal });
