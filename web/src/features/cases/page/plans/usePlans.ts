import { useQuery } from '@tanstack/react-query';
import { caseKeys, fetchPlans } from '../caseApi';

/** `GET /api/cases/:id/plans`: every plan of the case with goals and actions. */
export function usePlans(caseId: string) {
  return useQuery({
    queryKey: caseKeys.plans(caseId),
    queryFn: ({ signal }) => fetchPlans(caseId, signal),
  });
}
