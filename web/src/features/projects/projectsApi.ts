import type {
  Problem,
  ProgrammeTree,
  Project,
  ProjectDocument,
  ProjectDocumentKind,
  ProjectDocumentList,
  ProjectInput,
  ProjectList,
  ProjectListQuery,
  ProjectMilestone,
  ProjectMilestoneInput,
  ProjectMilestoneList,
  ProjectPartnerInput,
  ProjectPartnerUpdate,
  ProjectTask,
  ProjectTaskInput,
  ProjectTaskList,
  ProjectTeamAdd,
  ProjectTeamCandidates,
} from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

export type ProjectListParams = Partial<Record<keyof ProjectListQuery, string | number>>;

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => ['projects', 'list'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  tasks: (id: string) => ['projects', 'one', id, 'tasks'] as const,
  milestones: (id: string) => ['projects', 'one', id, 'milestones'] as const,
  documents: (id: string) => ['projects', 'one', id, 'documents'] as const,
  candidates: (id: string) => ['projects', 'one', id, 'candidates'] as const,
  programmeTree: ['projects', 'programme-tree'] as const,
};

const base = (id: string) => `/projects/${id}`;

export const fetchProjects = (params: ProjectListParams, signal?: AbortSignal) =>
  apiFetch<ProjectList>('/projects', { query: params, signal });
export const fetchProject = (id: string, signal?: AbortSignal) => apiFetch<Project>(base(id), { signal });
export const createProject = (input: ProjectInput) =>
  apiFetch<Project>('/projects', { method: 'POST', json: input });
export const updateProject = (id: string, project: ProjectInput, version: number) =>
  apiFetch<Project>(base(id), { method: 'PUT', json: { project, version } });

export const addPartner = (id: string, input: ProjectPartnerInput) =>
  apiFetch<Project>(`${base(id)}/partners`, { method: 'POST', json: input });
export const updatePartner = (id: string, institutionId: string, input: ProjectPartnerUpdate) =>
  apiFetch<Project>(`${base(id)}/partners/${institutionId}`, { method: 'PUT', json: input });
export const removePartner = (id: string, institutionId: string, version: number) =>
  apiFetch<Project>(`${base(id)}/partners/${institutionId}`, { method: 'DELETE', query: { version } });

export const fetchTeamCandidates = (id: string, signal?: AbortSignal) =>
  apiFetch<ProjectTeamCandidates>(`${base(id)}/team/candidates`, { signal });
export const addTeamMember = (id: string, input: ProjectTeamAdd) =>
  apiFetch<Project>(`${base(id)}/team`, { method: 'POST', json: input });
export const changeTeamRole = (id: string, userId: string, role: string, version: number) =>
  apiFetch<Project>(`${base(id)}/team/${userId}`, { method: 'PUT', json: { role, version } });
export const removeTeamMember = (id: string, userId: string, version: number) =>
  apiFetch<Project>(`${base(id)}/team/${userId}`, { method: 'DELETE', query: { version } });

export const fetchTasks = (id: string, signal?: AbortSignal) =>
  apiFetch<ProjectTaskList>(`${base(id)}/tasks`, { signal });
export const createTask = (id: string, task: ProjectTaskInput) =>
  apiFetch<ProjectTask>(`${base(id)}/tasks`, { method: 'POST', json: task });
export const updateTask = (id: string, taskId: string, task: ProjectTaskInput, version: number) =>
  apiFetch<ProjectTask>(`${base(id)}/tasks/${taskId}`, { method: 'PUT', json: { task, version } });
export const deleteTask = (id: string, task: Pick<ProjectTask, 'id' | 'version'>) =>
  apiFetch<void>(`${base(id)}/tasks/${task.id}`, { method: 'DELETE', query: { version: task.version } });

export const fetchMilestones = (id: string, signal?: AbortSignal) =>
  apiFetch<ProjectMilestoneList>(`${base(id)}/milestones`, { signal });
export const createMilestone = (id: string, milestone: ProjectMilestoneInput) =>
  apiFetch<ProjectMilestone>(`${base(id)}/milestones`, { method: 'POST', json: milestone });
export const updateMilestone = (
  id: string,
  milestoneId: string,
  milestone: ProjectMilestoneInput,
  version: number,
) =>
  apiFetch<ProjectMilestone>(`${base(id)}/milestones/${milestoneId}`, {
    method: 'PUT',
    json: { milestone, version },
  });
export const deleteMilestone = (id: string, m: Pick<ProjectMilestone, 'id' | 'version'>) =>
  apiFetch<void>(`${base(id)}/milestones/${m.id}`, { method: 'DELETE', query: { version: m.version } });

export const fetchDocuments = (id: string, signal?: AbortSignal) =>
  apiFetch<ProjectDocumentList>(`${base(id)}/documents`, { signal });
export const documentUrl = (id: string, documentId: string) => apiUrl(`${base(id)}/documents/${documentId}`);
export const deleteDocument = (id: string, documentId: string) =>
  apiFetch<void>(`${base(id)}/documents/${documentId}`, { method: 'DELETE' });

/** A document goes as the raw body (the server checks its type by its bytes). */
export async function uploadDocument(
  id: string,
  file: File,
  meta: { kind: ProjectDocumentKind; title?: string },
): Promise<ProjectDocument> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(apiUrl(`${base(id)}/documents`, { filename: file.name, ...meta }), {
    method: 'POST',
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
  return data as ProjectDocument;
}

/** The programme catalogue as a flat tree (for the portfolio's programme filter). */
export const fetchProgrammeTree = (signal?: AbortSignal) =>
  apiFetch<ProgrammeTree>('/programmes', { signal });
