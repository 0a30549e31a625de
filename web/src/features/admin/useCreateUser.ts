import type { UserCreateInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys, createUser } from './adminApi';

/** Creates a user with a first membership; the server queues the invitation e-mail. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => createUser(input),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.institutions() });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] });
    },
  });
}
