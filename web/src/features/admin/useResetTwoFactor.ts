import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys, resetTwoFactor } from './adminApi';

/** Turns off a user's second factor (a lost phone); they set it up again at the next login. */
export function useResetTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => resetTwoFactor(userId),
    onSuccess: (_result, userId) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.user(userId) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
    },
  });
}
