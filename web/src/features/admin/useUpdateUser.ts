import type { UserStatus } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys, updateUser } from './adminApi';

export interface UpdateUserVariables {
  id: string;
  firstName: string;
  lastName: string;
  status: UserStatus;
  /** The version the data was loaded with: a stale one answers 409. */
  version: number;
}

/** Changes a user's name or status (blocking ends their sessions). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserVariables) => updateUser(id, input),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
    },
  });
}
