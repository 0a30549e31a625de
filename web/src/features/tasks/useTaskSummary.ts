import { useQuery } from '@tanstack/react-query';
import { fetchTaskSummary, taskKeys } from './tasksApi';

/** `GET /api/tasks/summary`: how many of my tasks are overdue and due today. */
export function useTaskSummary({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.summary(),
    queryFn: ({ signal }) => fetchTaskSummary(signal),
    enabled,
  });
}
