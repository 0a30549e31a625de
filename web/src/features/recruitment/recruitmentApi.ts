import type {
  Application,
  ApplicationInput,
  ApplicationList,
  ApplicationListQuery,
  ApplicationReceipt,
  Call,
  CallInput,
  CallList,
  Cohort,
  CohortInput,
  DecisionInput,
  MissingDocument,
  Problem,
  PublicApplicationInput,
  PublicCall,
  Ranking,
  RankingApproved,
} from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

export type ApplicationListParams = Partial<Record<keyof ApplicationListQuery, string | number>>;

export const recruitmentKeys = {
  all: ['recruitment'] as const,
  calls: (projectId: string) => ['recruitment', projectId, 'calls'] as const,
  call: (projectId: string, callId: string) => ['recruitment', projectId, 'calls', callId] as const,
  applications: (projectId: string, callId: string, params: ApplicationListParams) =>
    ['recruitment', projectId, 'calls', callId, 'applications', params] as const,
  application: (projectId: string, id: string) => ['recruitment', projectId, 'application', id] as const,
  ranking: (projectId: string, callId: string, cohortId: string) =>
    ['recruitment', projectId, 'calls', callId, 'ranking', cohortId] as const,
  publicCall: (code: string) => ['recruitment', 'public', code] as const,
};

const calls = (projectId: string) => `/projects/${projectId}/calls`;
const apps = (projectId: string) => `/projects/${projectId}/applications`;

export const fetchCalls = (projectId: string, signal?: AbortSignal) =>
  apiFetch<CallList>(calls(projectId), { signal });
export const fetchCall = (projectId: string, callId: string, signal?: AbortSignal) =>
  apiFetch<Call>(`${calls(projectId)}/${callId}`, { signal });
export const createCall = (projectId: string, call: CallInput) =>
  apiFetch<Call>(calls(projectId), { method: 'POST', json: call });
export const updateCall = (projectId: string, callId: string, call: CallInput, version: number) =>
  apiFetch<Call>(`${calls(projectId)}/${callId}`, { method: 'PUT', json: { call, version } });
export const deleteCall = (projectId: string, c: Pick<Call, 'id' | 'version'>) =>
  apiFetch<void>(`${calls(projectId)}/${c.id}`, { method: 'DELETE', query: { version: c.version } });
export const regulationsUrl = (projectId: string, callId: string) =>
  apiUrl(`${calls(projectId)}/${callId}/regulations`);

export const createCohort = (projectId: string, callId: string, cohort: CohortInput) =>
  apiFetch<Cohort>(`${calls(projectId)}/${callId}/cohorts`, { method: 'POST', json: cohort });
export const updateCohort = (
  projectId: string,
  callId: string,
  cohortId: string,
  cohort: CohortInput,
  version: number,
) =>
  apiFetch<Cohort>(`${calls(projectId)}/${callId}/cohorts/${cohortId}`, {
    method: 'PUT',
    json: { cohort, version },
  });
export const deleteCohort = (projectId: string, callId: string, c: Pick<Cohort, 'id' | 'version'>) =>
  apiFetch<void>(`${calls(projectId)}/${callId}/cohorts/${c.id}`, {
    method: 'DELETE',
    query: { version: c.version },
  });

export const fetchApplications = (
  projectId: string,
  callId: string,
  params: ApplicationListParams,
  signal?: AbortSignal,
) => apiFetch<ApplicationList>(`${calls(projectId)}/${callId}/applications`, { query: params, signal });
export const createPaperApplication = (
  projectId: string,
  callId: string,
  application: ApplicationInput,
  submittedAt?: string,
) =>
  apiFetch<Application>(`${calls(projectId)}/${callId}/applications`, {
    method: 'POST',
    json: { application, submittedAt },
  });
export const fetchApplication = (projectId: string, id: string, signal?: AbortSignal) =>
  apiFetch<Application>(`${apps(projectId)}/${id}`, { signal });
export const recheckApplication = (projectId: string, id: string, version: number) =>
  apiFetch<Application>(`${apps(projectId)}/${id}/eligibility`, { method: 'POST', json: { version } });
export const setMissingDocuments = (
  projectId: string,
  id: string,
  missingDocuments: MissingDocument[],
  version: number,
) =>
  apiFetch<Application>(`${apps(projectId)}/${id}/documents`, {
    method: 'PUT',
    json: { missingDocuments, version },
  });
export const decideApplication = (projectId: string, id: string, decision: DecisionInput) =>
  apiFetch<Application>(`${apps(projectId)}/${id}/decision`, { method: 'POST', json: decision });
export const applicationPdfUrl = (projectId: string, id: string) => apiUrl(`${apps(projectId)}/${id}/pdf`);

export const fetchRanking = (projectId: string, callId: string, cohortId: string, signal?: AbortSignal) =>
  apiFetch<Ranking>(`${calls(projectId)}/${callId}/cohorts/${cohortId}/ranking`, { signal });
export const approveRanking = (
  projectId: string,
  callId: string,
  cohortId: string,
  body: { digest: string; version: number },
) =>
  apiFetch<RankingApproved>(`${calls(projectId)}/${callId}/cohorts/${cohortId}/ranking/approve`, {
    method: 'POST',
    json: body,
  });
export const rankingExportUrl = (
  projectId: string,
  callId: string,
  cohortId: string,
  format: 'pdf' | 'xlsx',
  anonymous = false,
) =>
  apiUrl(`${calls(projectId)}/${callId}/cohorts/${cohortId}/ranking/${format}`, {
    anonim: anonymous ? '1' : undefined,
  });

/** The regulations go as the raw PDF (the server checks its type by its bytes). */
export async function uploadRegulations(projectId: string, callId: string, file: File): Promise<Call> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/pdf',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(apiUrl(`${calls(projectId)}/${callId}/regulations`, { filename: file.name }), {
    method: 'PUT',
    headers,
    body: file,
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new ApiError(
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: i18n.t('errors.http.title', { status: res.status }),
            status: res.status,
            code: 'bad_request',
          },
    );
  return data as Call;
}

// ————— The public form (no session) —————

const pub = (code: string) => `/public/calls/${encodeURIComponent(code)}`;
export const fetchPublicCall = (code: string, signal?: AbortSignal) =>
  apiFetch<PublicCall>(pub(code), { signal });
export const sendPublicApplication = (code: string, body: PublicApplicationInput) =>
  apiFetch<ApplicationReceipt>(`${pub(code)}/applications`, { method: 'POST', json: body });
export const receiptUrl = (code: string, r: Pick<ApplicationReceipt, 'applicationId' | 'receiptToken'>) =>
  apiUrl(`${pub(code)}/applications/${r.applicationId}/pdf`, { token: r.receiptToken });
export const publicRegulationsUrl = (code: string) => apiUrl(`${pub(code)}/regulations`);
