import { useQuery } from '@tanstack/react-query';
import { fetchTasks, taskKeys } from './tasksApi';

/** My tasks, or those of one case: overdue, today, this week, later. */
export function useTasks({
  caseId = null,
  enabled = true,
}: {
  caseId?: string | null;
  enabled?: boolean;
} = {}) {
  return useQuery({
    queryKey: taskKeys.list(caseId),
    queryFn: ({ signal }) => fetchTasks(caseId, signal),
    enabled,
  });
}
