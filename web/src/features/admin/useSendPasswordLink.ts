import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendPasswordLink } from './adminApi';

/** Sends the user a one-time link to set a new password (it lands in the e-mail outbox). */
export function useSendPasswordLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => sendPasswordLink(userId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] }),
  });
}
