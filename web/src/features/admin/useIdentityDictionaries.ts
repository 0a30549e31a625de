import { useQuery } from '@tanstack/react-query';
import { adminKeys, fetchIdentityDictionaries } from './adminApi';

/** Institution types, sectors, roles and audit actions with their labels (fixed per release). */
export function useIdentityDictionaries() {
  return useQuery({
    queryKey: adminKeys.dictionaries(),
    queryFn: ({ signal }) => fetchIdentityDictionaries(signal),
    staleTime: 60 * 60_000,
  });
}
