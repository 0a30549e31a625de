import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseWorkersInput, updateCaseWorkers } from './caseApi';
import { afterCaseChange } from './caseCache';

/** `PUT /api/cases/:id/workers`: the lead worker and co-workers, with the loaded version. */
export function useUpdateCaseWorkers(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseWorkersInput) => updateCaseWorkers(caseId, input),
    onSuccess: (saved) => afterCaseChange(queryClient, caseId, saved),
  });
}
