import type { Problem, SmefsImport, SmefsReport } from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

export const smefsKeys = {
  report: (projectId: string, offset: number) => ['smefs', projectId, 'report', offset] as const,
  reports: (projectId: string) => ['smefs', projectId, 'report'] as const,
  import: (projectId: string, importId: string, offset: number) =>
    ['smefs', projectId, 'import', importId, offset] as const,
};

const base = (projectId: string) => `/projects/${projectId}/smefs`;
export const REPORT_PAGE = 50;
export const ERRORS_PAGE = 100;

export const fetchReport = (projectId: string, offset: number, signal?: AbortSignal) =>
  apiFetch<SmefsReport>(`${base(projectId)}/validation`, { query: { limit: REPORT_PAGE, offset }, signal });

/** The download address; `force` downloads even with participants the report lists. */
export const exportUrl = (projectId: string, format: 'csv' | 'xlsx', force: boolean) =>
  apiUrl(`${base(projectId)}/export.${format}`, { force: force ? 'true' : undefined });

export const fetchImport = (
  projectId: string,
  importId: string,
  errorsOffset: number,
  signal?: AbortSignal,
) =>
  apiFetch<SmefsImport>(`${base(projectId)}/imports/${importId}`, {
    query: { errorsLimit: ERRORS_PAGE, errorsOffset },
    signal,
  });

export const confirmImport = (projectId: string, imp: Pick<SmefsImport, 'id' | 'version'>) =>
  apiFetch<SmefsImport>(`${base(projectId)}/imports/${imp.id}/confirm`, {
    method: 'POST',
    json: { version: imp.version },
  });

export const discardImport = (projectId: string, importId: string) =>
  apiFetch<void>(`${base(projectId)}/imports/${importId}`, { method: 'DELETE' });

/** The file goes as the raw body (the server tells CSV from XLSX by its bytes). */
export async function uploadImport(projectId: string, file: File): Promise<SmefsImport> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(apiUrl(`${base(projectId)}/imports`, { filename: file.name }), {
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
  return data as SmefsImport;
}
