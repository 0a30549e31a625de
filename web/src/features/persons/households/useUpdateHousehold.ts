import type { HouseholdInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys, updateHousehold } from '../personsApi';

/** Changes a household's name and address with the version it was loaded with. */
export function useUpdateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, household, version }: { id: string; household: HouseholdInput; version: number }) =>
      updateHousehold(id, household, version),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.household(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
    },
  });
}
