import type {
  Evidence,
  IndicatorDefinition,
  IndicatorDefinitionInput,
  IndicatorDefinitionList,
  IndicatorDefinitionQuery,
  IndicatorDefinitionUpdate,
  IndicatorValueSeries,
  ManualValueInput,
  MetricList,
  Portfolio,
  PortfolioQuery,
  Problem,
  ProjectIndicator,
  ProjectIndicatorInput,
  ProjectIndicatorList,
  ProjectIndicatorUpdate,
  ReportingPeriod,
  ReportingPeriodInput,
  ReportingPeriodList,
} from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

export type DefinitionParams = Partial<Record<keyof IndicatorDefinitionQuery, string | number>>;
export type PortfolioParams = Partial<Record<keyof PortfolioQuery, string | number>>;

export const indicatorKeys = {
  all: ['indicators'] as const,
  project: (projectId: string) => ['indicators', 'project', projectId] as const,
  list: (projectId: string, asOf: string | null) =>
    ['indicators', 'project', projectId, 'list', asOf] as const,
  series: (projectId: string, indicatorId: string) =>
    ['indicators', 'project', projectId, 'series', indicatorId] as const,
  periods: (projectId: string) => ['indicators', 'project', projectId, 'periods'] as const,
  definitions: (params: DefinitionParams) => ['indicators', 'definitions', params] as const,
  metrics: ['indicators', 'metrics'] as const,
  portfolio: (params: PortfolioParams) => ['indicators', 'portfolio', params] as const,
};

const base = (projectId: string) => `/projects/${projectId}/indicators`;

export const fetchProjectIndicators = (projectId: string, asOf: string | null, signal?: AbortSignal) =>
  apiFetch<ProjectIndicatorList>(base(projectId), { query: { asOf }, signal });
export const addIndicator = (projectId: string, input: ProjectIndicatorInput) =>
  apiFetch<ProjectIndicator>(base(projectId), { method: 'POST', json: input });
export const updateIndicator = (projectId: string, id: string, input: ProjectIndicatorUpdate) =>
  apiFetch<ProjectIndicator>(`${base(projectId)}/${id}`, { method: 'PUT', json: input });
export const removeIndicator = (projectId: string, i: Pick<ProjectIndicator, 'id' | 'version'>) =>
  apiFetch<void>(`${base(projectId)}/${i.id}`, { method: 'DELETE', query: { version: i.version } });

export const fetchSeries = (projectId: string, indicatorId: string, signal?: AbortSignal) =>
  apiFetch<IndicatorValueSeries>(`${base(projectId)}/${indicatorId}/values`, { signal });
export const enterValue = (projectId: string, indicatorId: string, input: ManualValueInput) =>
  apiFetch<IndicatorValueSeries>(`${base(projectId)}/${indicatorId}/values`, { method: 'POST', json: input });
export const correctValue = (
  projectId: string,
  indicatorId: string,
  valueId: string,
  input: ManualValueInput,
) =>
  apiFetch<IndicatorValueSeries>(`${base(projectId)}/${indicatorId}/values/${valueId}/correction`, {
    method: 'POST',
    json: input,
  });
export const recordMeasurement = (projectId: string, indicatorId: string) =>
  apiFetch<IndicatorValueSeries>(`${base(projectId)}/${indicatorId}/measurements`, { method: 'POST' });
export const evidenceUrl = (projectId: string, indicatorId: string, valueId: string) =>
  apiUrl(`${base(projectId)}/${indicatorId}/values/${valueId}/evidence`);

/** The evidence file goes as the raw body (the server checks its type by its content). */
export async function uploadEvidence(projectId: string, file: File): Promise<Evidence> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(apiUrl(`${base(projectId)}/evidence`, { filename: file.name }), {
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
  return data as Evidence;
}

export const fetchPeriods = (projectId: string, signal?: AbortSignal) =>
  apiFetch<ReportingPeriodList>(`${base(projectId)}/periods`, { signal });
export const createPeriod = (projectId: string, input: ReportingPeriodInput) =>
  apiFetch<ReportingPeriod>(`${base(projectId)}/periods`, { method: 'POST', json: input });
export const freezePeriod = (projectId: string, p: Pick<ReportingPeriod, 'id' | 'version'>) =>
  apiFetch<ReportingPeriod>(`${base(projectId)}/periods/${p.id}/freeze`, {
    method: 'POST',
    json: { version: p.version },
  });
export const removePeriod = (projectId: string, p: Pick<ReportingPeriod, 'id' | 'version'>) =>
  apiFetch<void>(`${base(projectId)}/periods/${p.id}`, { method: 'DELETE', query: { version: p.version } });

export const fetchDefinitions = (params: DefinitionParams, signal?: AbortSignal) =>
  apiFetch<IndicatorDefinitionList>('/indicators/definitions', { query: params, signal });
export const createDefinition = (input: IndicatorDefinitionInput) =>
  apiFetch<IndicatorDefinition>('/indicators/definitions', { method: 'POST', json: input });
export const updateDefinition = (id: string, input: IndicatorDefinitionUpdate) =>
  apiFetch<IndicatorDefinition>(`/indicators/definitions/${id}`, { method: 'PUT', json: input });
export const fetchMetrics = (signal?: AbortSignal) => apiFetch<MetricList>('/indicators/metrics', { signal });
export const fetchPortfolio = (params: PortfolioParams, signal?: AbortSignal) =>
  apiFetch<Portfolio>('/indicators/portfolio', { query: params, signal });
