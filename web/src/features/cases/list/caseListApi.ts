import type { CaseList, CaseListQuery } from '@kooperacja/domain';
import { apiFetch } from '../../../lib/api';

export type CaseListParams = Partial<CaseListQuery>;

export interface CaseWorker {
  id: string;
  name: string;
}

export const caseListKeys = {
  lists: () => ['cases', 'list'] as const,
  list: (params: CaseListParams) => ['cases', 'list', params] as const,
  workers: () => ['cases', 'workers'] as const,
};

export const fetchCases = (params: CaseListParams, signal?: AbortSignal) =>
  apiFetch<CaseList>('/cases', { query: { ...params }, signal });

/** Workers of the active institution who can handle cases. */
export const fetchCaseWorkers = (signal?: AbortSignal) =>
  apiFetch<{ items: CaseWorker[] }>('/cases/workers', { signal });
