import type { TaskList } from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

export interface TaskSummary {
  overdue: number;
  today: number;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (caseId: string | null) => ['tasks', 'list', caseId ?? 'mine'] as const,
  summary: () => ['tasks', 'summary'] as const,
};

/** `GET /api/tasks` (mine) or `GET /api/tasks?caseId=…` (one case's), grouped by due date. */
export const fetchTasks = (caseId: string | null, signal?: AbortSignal) =>
  apiFetch<TaskList>('/tasks', { query: { caseId }, signal });

export const fetchTaskSummary = (signal?: AbortSignal) => apiFetch<TaskSummary>('/tasks/summary', { signal });
