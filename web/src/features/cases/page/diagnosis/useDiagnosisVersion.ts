import { useQuery } from '@tanstack/react-query';
import { caseKeys, fetchDiagnosisVersion } from '../caseApi';

/** `GET /api/cases/:id/diagnosis/:versionNo`: an earlier version, read-only. */
export function useDiagnosisVersion(caseId: string, versionNo: number | null) {
  return useQuery({
    queryKey: caseKeys.diagnosisVersion(caseId, versionNo ?? 0),
    queryFn: ({ signal }) => fetchDiagnosisVersion(caseId, versionNo ?? 0, signal),
    enabled: versionNo !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
