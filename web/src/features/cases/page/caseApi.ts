import type {
  ActionStatus,
  Attachment,
  Case,
  CaseSource,
  CaseStatus,
  ClosureReason,
  Diagnosis,
  DiagnosisInput,
  Plan,
  PlanInput,
  TimelineEntry,
  TimelineEntryInput,
  TimelineKind,
} from '@kooperacja/domain';
import i18n from '../../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../../lib/api';

/** Shapes of the case endpoints the domain exports only as schemas. */
export interface DiagnosisVersionRef {
  id: string;
  versionNo: number;
  author: { id: string; name: string };
  createdAt: string;
}
export interface DiagnosisHistory {
  current: Diagnosis | null;
  versions: DiagnosisVersionRef[];
}
export interface PlanVersion {
  version: number;
  author: { id: string; name: string };
  at: string;
  snapshot: Record<string, unknown>;
}
export interface TimelinePage {
  items: TimelineEntry[];
  nextBefore: string | null;
}
export interface CaseUpdateInput {
  source: CaseSource;
  sourceDetails: string | null;
  reasons: { code: Case['reasons'][number]['code']; main: boolean }[];
  summary: string | null;
  version: number;
}
export interface CaseWorkersInput {
  leadWorkerId: string;
  coWorkerIds: string[];
  version: number;
}
export interface CaseTransitionInput {
  to: CaseStatus;
  reason?: string | null;
  closureReason?: ClosureReason;
  outcomeSummary?: string | null;
  version: number;
}
export interface ActionStatusInput {
  status: ActionStatus;
  note?: string | null;
  /** The plan's version. */
  version: number;
}

/** Largest attachment the server accepts (ATTACHMENT_MAX_BYTES of the domain). */
export const ATTACHMENT_MAX_MB = 10;
export const ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_MB * 1024 * 1024;
/** What the file pickers offer; the server checks the content, not the name. */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp';
export const SIGNED_SCAN_ACCEPT = 'application/pdf,image/png,image/jpeg';

const enc = encodeURIComponent;
const casePath = (id: string) => `/cases/${enc(id)}`;

export const caseKeys = {
  all: ['cases'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  diagnosis: (id: string) => ['cases', 'detail', id, 'diagnosis'] as const,
  diagnosisVersion: (id: string, versionNo: number) =>
    ['cases', 'detail', id, 'diagnosis', versionNo] as const,
  plans: (id: string) => ['cases', 'detail', id, 'plans'] as const,
  planVersions: (id: string, planId: string) => ['cases', 'detail', id, 'plans', planId, 'versions'] as const,
  timeline: (id: string) => ['cases', 'detail', id, 'timeline'] as const,
  timelineOf: (id: string, kind: TimelineKind | null, limit: number) =>
    ['cases', 'detail', id, 'timeline', kind ?? 'all', limit] as const,
};

export const fetchCase = (id: string, signal?: AbortSignal) => apiFetch<Case>(casePath(id), { signal });

export const updateCase = (id: string, input: CaseUpdateInput) =>
  apiFetch<Case>(casePath(id), { method: 'PUT', json: input });

export const updateCaseWorkers = (id: string, input: CaseWorkersInput) =>
  apiFetch<Case>(`${casePath(id)}/workers`, { method: 'PUT', json: input });

export const transitionCase = (id: string, input: CaseTransitionInput) =>
  apiFetch<Case>(`${casePath(id)}/transition`, { method: 'POST', json: input });

export const fetchDiagnosis = (id: string, signal?: AbortSignal) =>
  apiFetch<DiagnosisHistory>(`${casePath(id)}/diagnosis`, { signal });

export const fetchDiagnosisVersion = (id: string, versionNo: number, signal?: AbortSignal) =>
  apiFetch<Diagnosis>(`${casePath(id)}/diagnosis/${versionNo}`, { signal });

export const saveDiagnosis = (id: string, input: DiagnosisInput) =>
  apiFetch<Diagnosis>(`${casePath(id)}/diagnosis`, { method: 'POST', json: input });

export const fetchPlans = (id: string, signal?: AbortSignal) =>
  apiFetch<{ items: Plan[] }>(`${casePath(id)}/plans`, { signal });

export const createPlan = (id: string, input: PlanInput) =>
  apiFetch<Plan>(`${casePath(id)}/plans`, { method: 'POST', json: input });

export const updatePlan = (id: string, planId: string, plan: PlanInput, version: number) =>
  apiFetch<Plan>(`${casePath(id)}/plans/${enc(planId)}`, { method: 'PUT', json: { plan, version } });

export const setActionStatus = (id: string, planId: string, actionId: string, input: ActionStatusInput) =>
  apiFetch<Plan>(`${casePath(id)}/plans/${enc(planId)}/actions/${enc(actionId)}/status`, {
    method: 'POST',
    json: input,
  });

export const fetchPlanVersions = (id: string, planId: string, signal?: AbortSignal) =>
  apiFetch<{ items: PlanVersion[] }>(`${casePath(id)}/plans/${enc(planId)}/versions`, { signal });

export const attachSignedScan = (id: string, planId: string, attachmentId: string, version: number) =>
  apiFetch<Plan>(`${casePath(id)}/plans/${enc(planId)}/signed-scan`, {
    method: 'PUT',
    json: { attachmentId, version },
  });

/** The kontrakt socjalny / plan as a PDF document (a plain link: the session cookie authorises it). */
export const planPdfUrl = (id: string, planId: string) => apiUrl(`${casePath(id)}/plans/${enc(planId)}/pdf`);

/** Download link of an attachment of the case. */
export const attachmentUrl = (id: string, attachmentId: string) =>
  apiUrl(`${casePath(id)}/attachments/${enc(attachmentId)}`);

export const fetchTimeline = (
  id: string,
  params: { kind?: TimelineKind | null; limit?: number; before?: string | null },
  signal?: AbortSignal,
) =>
  apiFetch<TimelinePage>(`${casePath(id)}/timeline`, {
    query: { kind: params.kind, limit: params.limit, before: params.before },
    signal,
  });

export const addTimelineEntry = (id: string, input: TimelineEntryInput) =>
  apiFetch<TimelineEntry>(`${casePath(id)}/timeline`, { method: 'POST', json: input });

function problemOf(status: number, text: string): ApiError {
  try {
    const data = JSON.parse(text) as { title?: unknown; code?: unknown; status?: unknown };
    if (typeof data.title === 'string' && typeof data.code === 'string' && typeof data.status === 'number')
      return new ApiError(data as ConstructorParameters<typeof ApiError>[0]);
  } catch {
    // Not JSON: fall through to a generic problem.
  }
  return new ApiError({
    type: 'about:blank',
    title: i18n.t('errors.http.title', { status }),
    status,
    code: status >= 500 ? 'internal_error' : 'bad_request',
  });
}

/**
 * Sends one file as the raw request body (`POST /api/cases/:id/attachments?filename=…`) and reports
 * the upload progress (0…1). XMLHttpRequest, because fetch cannot report the progress of a body.
 */
export function uploadAttachment(
  id: string,
  file: File,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`${casePath(id)}/attachments`, { filename: file.name }));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', i18n.language || 'pl');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        try {
          resolve(JSON.parse(xhr.responseText) as Attachment);
        } catch {
          reject(problemOf(xhr.status, ''));
        }
      } else {
        reject(problemOf(xhr.status, xhr.responseText));
      }
    };
    const network = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: i18n.t('errors.network.title'),
          detail: i18n.t('errors.network.detail'),
          status: 0,
          code: 'service_unavailable',
        }),
      );
    xhr.onerror = network;
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
