import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseUpdateInput, updateCase } from './caseApi';
import { afterCaseChange } from './caseCache';

/** `PUT /api/cases/:id` with the loaded version (a stale one answers 409). */
export function useUpdateCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseUpdateInput) => updateCase(caseId, input),
    onSuccess: (saved) => afterCaseChange(queryClient, caseId, saved),
  });
}
