import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addHouseholdMember, type HouseholdMemberInput, personKeys } from '../personsApi';

/** Adds a person to a household (a person belongs to one household at a time). */
export function useAddHouseholdMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, member, version }: { id: string; member: HouseholdMemberInput; version: number }) =>
      addHouseholdMember(id, member, version),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.household(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
    },
  });
}
