import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys, type MembershipChange, setMembership } from './adminApi';

export interface SetMembershipVariables extends MembershipChange {
  userId: string;
  institutionId: string;
}

/** Grants or changes a user's roles in an institution, or (active: false) suspends the membership. */
export function useSetMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, institutionId, ...change }: SetMembershipVariables) =>
      setMembership(userId, institutionId, change),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.institutions() });
    },
  });
}
