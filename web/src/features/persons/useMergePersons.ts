import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mergePersons, type PersonMergeInput, personKeys } from './personsApi';

/** Merges a duplicate into the record that stays (supervisors). */
export function useMergePersons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonMergeInput) => mergePersons(input),
    onSuccess: (kept, input) => {
      queryClient.setQueryData(personKeys.person(kept.id), kept);
      queryClient.removeQueries({ queryKey: personKeys.person(input.mergeId) });
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
      void queryClient.invalidateQueries({ queryKey: personKeys.households() });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
