import { useQuery } from '@tanstack/react-query';
import { fetchHousehold, personKeys } from '../personsApi';

/** A household with its members (current first, then the history) and cases. */
export function useHousehold(id: string | null | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: personKeys.household(id ?? ''),
    queryFn: ({ signal }) => fetchHousehold(id ?? '', signal),
    enabled: enabled && Boolean(id),
  });
}
