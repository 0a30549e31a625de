import type { PersonInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys, updatePerson } from './personsApi';

/** Changes a person's data with the version the edit started from (a stale one answers 409). */
export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, person, version }: { id: string; person: PersonInput; version: number }) =>
      updatePerson(id, person, version),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.person(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
      void queryClient.invalidateQueries({ queryKey: personKeys.households() });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
