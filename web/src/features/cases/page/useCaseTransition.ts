import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api';
import { type CaseTransitionInput, caseKeys, transitionCase } from './caseApi';
import { afterCaseChange } from './caseCache';

/** `POST /api/cases/:id/transition`: a step of the status flow (closure, reopening, a step back). */
export function useCaseTransition(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseTransitionInput) => transitionCase(caseId, input),
    onSuccess: (saved) => afterCaseChange(queryClient, caseId, saved),
    // A stale version or a refused step: show the case as it is now (its allowed steps may differ).
    onError: (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 400))
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId), exact: true });
    },
  });
}
