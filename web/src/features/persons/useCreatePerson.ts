import type { PersonInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPerson, personKeys } from './personsApi';

/** Registers a person; `confirmNotDuplicate` after the user said a similar record is someone else. */
export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ person, confirmNotDuplicate }: { person: PersonInput; confirmNotDuplicate: boolean }) =>
      createPerson(person, confirmNotDuplicate),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.person(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
    },
  });
}
