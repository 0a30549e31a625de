import type { DiagnosisInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveDiagnosis } from '../caseApi';
import { afterCaseChange } from '../caseCache';

/** `POST /api/cases/:id/diagnosis`: a new version; 409 when someone saved a newer one meanwhile. */
export function useSaveDiagnosis(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DiagnosisInput) => saveDiagnosis(caseId, input),
    // The case's transitions (plan needs a diagnosis) and timeline change with it.
    onSuccess: () => afterCaseChange(queryClient, caseId),
  });
}
