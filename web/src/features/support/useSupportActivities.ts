import { useQuery } from '@tanstack/react-query';
import { fetchActivities, supportKeys } from './supportApi';

/** The forms of support of a project (the project team only; others get 404). */
export function useSupportActivities(projectId: string) {
  return useQuery({
    queryKey: supportKeys.activities(projectId),
    queryFn: ({ signal }) => fetchActivities(projectId, signal),
  });
}
