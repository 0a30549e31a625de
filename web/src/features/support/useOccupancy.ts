import type { OccupancyGranularity } from '@kooperacja/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchOccupancy, supportKeys } from './supportApi';

/** The occupancy timeline of a flat by day or by month. */
export function useOccupancy(
  projectId: string,
  activityId: string,
  query: { by: OccupancyGranularity; from?: string; to?: string },
) {
  return useQuery({
    queryKey: supportKeys.occupancy(projectId, activityId, query.by, query.from, query.to),
    queryFn: ({ signal }) => fetchOccupancy(projectId, activityId, query, signal),
  });
}
