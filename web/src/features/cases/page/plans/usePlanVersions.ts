import { useQuery } from '@tanstack/react-query';
import { caseKeys, fetchPlanVersions } from '../caseApi';

/** `GET /api/cases/:id/plans/:planId/versions`: who changed the plan when, with snapshots. */
export function usePlanVersions(caseId: string, planId: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: caseKeys.planVersions(caseId, planId),
    queryFn: ({ signal }) => fetchPlanVersions(caseId, planId, signal),
    enabled,
  });
}
