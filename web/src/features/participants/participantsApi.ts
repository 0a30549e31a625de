import type {
  DegurbaImportResult,
  DegurbaLookup,
  DegurbaSummary,
  Participant,
  ParticipantAggregate,
  ParticipantEnrolInput,
  ParticipantEntryInput,
  ParticipantExitInput,
  ParticipantFollowUpInput,
  ParticipantFollowUpList,
  ParticipantList,
} from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

export interface ParticipantListParams {
  status?: string;
  cohortId?: string;
  q?: string;
  followUp?: 'do_zrobienia';
  limit?: number;
  offset?: number;
}

export const participantKeys = {
  project: (projectId: string) => ['participants', projectId] as const,
  summary: (projectId: string) => ['participants', projectId, 'summary'] as const,
  list: (projectId: string, params: ParticipantListParams) =>
    ['participants', projectId, 'list', params] as const,
  followUps: (projectId: string) => ['participants', projectId, 'follow-ups'] as const,
  one: (projectId: string, id: string) => ['participants', projectId, 'one', id] as const,
  application: (projectId: string, id: string) => ['participants', projectId, 'application', id] as const,
  degurba: (teryt: string) => ['degurba', teryt] as const,
  degurbaSummary: ['degurba', 'summary'] as const,
};

const base = (projectId: string) => `/projects/${projectId}/participants`;

export const fetchParticipantSummary = (projectId: string, signal?: AbortSignal) =>
  apiFetch<ParticipantAggregate>(`${base(projectId)}/summary`, { signal });
export const fetchParticipants = (projectId: string, params: ParticipantListParams, signal?: AbortSignal) =>
  apiFetch<ParticipantList>(base(projectId), { query: { ...params }, signal });
export const fetchFollowUps = (projectId: string, signal?: AbortSignal) =>
  apiFetch<ParticipantFollowUpList>(`${base(projectId)}/follow-ups`, { signal });
export const fetchParticipant = (projectId: string, id: string, signal?: AbortSignal) =>
  apiFetch<Participant>(`${base(projectId)}/${id}`, { signal });
export const enrolParticipant = (projectId: string, input: ParticipantEnrolInput) =>
  apiFetch<Participant>(base(projectId), { method: 'POST', json: input });
export const updateParticipant = (
  projectId: string,
  id: string,
  participant: ParticipantEntryInput,
  version: number,
) => apiFetch<Participant>(`${base(projectId)}/${id}`, { method: 'PUT', json: { participant, version } });
export const recordExit = (projectId: string, id: string, input: ParticipantExitInput) =>
  apiFetch<Participant>(`${base(projectId)}/${id}/exit`, { method: 'POST', json: input });
export const recordFollowUp = (projectId: string, id: string, input: ParticipantFollowUpInput) =>
  apiFetch<Participant>(`${base(projectId)}/${id}/follow-up`, { method: 'POST', json: input });
export const contractUrl = (projectId: string, id: string) => apiUrl(`${base(projectId)}/${id}/contract.pdf`);

/**
 * An application of the recruitment capability (`GET /api/projects/:projectId/applications/:id`),
 * read defensively: only the fields the enrolment form can use, each only when it has the expected
 * type. A missing route or application gives null (the form is then left empty).
 */
export interface ApplicationPrefill {
  id: string;
  number: string | null;
  status: string | null;
  values: Record<string, string | boolean>;
}

const PREFILL_FIELDS = [
  'firstName',
  'lastName',
  'pesel',
  'birthDate',
  'sex',
  'citizenship',
  'teryt',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'education',
  'labourStatus',
  'disability',
  'cohortId',
] as const;

export function applicationPrefill(id: string, raw: unknown): ApplicationPrefill | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const data = ((raw as { application?: unknown }).application ?? raw) as Record<string, unknown>;
  const values: Record<string, string | boolean> = {};
  for (const f of PREFILL_FIELDS) {
    const v = data[f];
    if (typeof v === 'string' && v.trim()) values[f] = v;
  }
  if (data.noPesel === true || (!values.pesel && typeof data.otherId === 'string')) values.noPesel = true;
  if (typeof data.otherId === 'string' && data.otherId.trim()) values.otherIdNumber = data.otherId;
  if (typeof data.otherIdNumber === 'string' && data.otherIdNumber.trim())
    values.otherIdNumber = data.otherIdNumber;
  return {
    id,
    number: typeof data.number === 'string' ? data.number : null,
    status: typeof data.status === 'string' ? data.status : null,
    values,
  };
}

export async function fetchApplicationPrefill(
  projectId: string,
  applicationId: string,
  signal?: AbortSignal,
): Promise<ApplicationPrefill | null> {
  try {
    const raw = await apiFetch<unknown>(`/projects/${projectId}/applications/${applicationId}`, { signal });
    return applicationPrefill(applicationId, raw);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return null;
  }
}

export const fetchDegurba = (teryt: string, signal?: AbortSignal) =>
  apiFetch<DegurbaLookup>(`/degurba/${teryt}`, { signal });
export const fetchDegurbaSummary = (signal?: AbortSignal) => apiFetch<DegurbaSummary>('/degurba', { signal });
export const importDegurba = (csv: string, apply: boolean) =>
  apiFetch<DegurbaImportResult>('/degurba/import', { method: 'POST', json: { csv, apply } });
