import type { CaseCreate } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys } from '../../persons/personsApi';
import { caseListKeys } from '../list/caseListApi';
import { createCase } from './caseCreateApi';

/** Opens a case for a person or a household. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseCreate) => createCase(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseListKeys.lists() });
      // The person's and the household's records list their cases.
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
      void queryClient.invalidateQueries({ queryKey: personKeys.households() });
    },
  });
}
