import type { HouseholdInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createHousehold, type HouseholdMemberInput, personKeys } from '../personsApi';

/** Creates a household with its head and first members. */
export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ household, members }: { household: HouseholdInput; members: HouseholdMemberInput[] }) =>
      createHousehold(household, members),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.household(saved.id), saved);
      // The members' records now show the household.
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
    },
  });
}
