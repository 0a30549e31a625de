import type { PersonSensitiveInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys, updatePersonSensitive } from './personsApi';

/** Records the special-category data of a person (version 0 when nothing was recorded yet). */
export function useUpdateSensitive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      sensitive,
      version,
    }: {
      id: string;
      sensitive: PersonSensitiveInput;
      version: number;
    }) => updatePersonSensitive(id, sensitive, version),
    onSuccess: (saved) => queryClient.setQueryData(personKeys.person(saved.id), saved),
  });
}
