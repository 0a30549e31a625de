import { useQuery } from '@tanstack/react-query';
import { caseKeys, fetchDiagnosis } from '../caseApi';

/** `GET /api/cases/:id/diagnosis`: the current version and the list of all versions. */
export function useDiagnosisHistory(caseId: string) {
  return useQuery({
    queryKey: caseKeys.diagnosis(caseId),
    queryFn: ({ signal }) => fetchDiagnosis(caseId, signal),
  });
}
