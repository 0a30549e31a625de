import { useQuery } from '@tanstack/react-query';
import { caseListKeys, fetchCaseWorkers } from './caseListApi';

/** The workers of the active institution who can handle cases (filters, lead and co-workers). */
export function useCaseWorkers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseListKeys.workers(),
    queryFn: ({ signal }) => fetchCaseWorkers(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
