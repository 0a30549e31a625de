import { useQuery } from '@tanstack/react-query';
import { adminKeys, fetchUser } from './adminApi';

export function useUser(id: string | null | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: adminKeys.user(id ?? ''),
    queryFn: ({ signal }) => fetchUser(id ?? '', signal),
    enabled: enabled && Boolean(id),
  });
}
