import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys, fetchUsers, type UserSearchParams } from './adminApi';

/** Searches the users the signed-in administrator manages. */
export function useUserSearch(params: UserSearchParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: adminKeys.userSearch(params),
    queryFn: ({ signal }) => fetchUsers(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
