import { useQuery } from '@tanstack/react-query';
import { fetchActivity, supportKeys } from './supportApi';

/** One form of support with its schedule and participants' episodes. */
export function useSupportActivity(projectId: string, activityId: string) {
  return useQuery({
    queryKey: supportKeys.activity(projectId, activityId),
    queryFn: ({ signal }) => fetchActivity(projectId, activityId, signal),
  });
}
