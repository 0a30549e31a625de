import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endHouseholdMembership, personKeys } from '../personsApi';

/** Ends a membership (the person moved out); it stays in the household's history. */
export function useEndHouseholdMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      memberId,
      toDate,
      version,
    }: {
      id: string;
      memberId: string;
      toDate?: string;
      version: number;
    }) => endHouseholdMembership(id, memberId, toDate, version),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.household(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: personKeys.all() });
    },
  });
}
