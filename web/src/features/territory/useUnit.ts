import { useQuery } from '@tanstack/react-query';
import { fetchUnit, territoryKeys } from './territoryApi';

/** One unit with its parents (top-down) and children. */
export function useUnit(teryt: string | null | undefined) {
  return useQuery({
    queryKey: territoryKeys.unit(teryt ?? ''),
    queryFn: ({ signal }) => fetchUnit(teryt ?? '', signal),
    enabled: Boolean(teryt),
    staleTime: 60 * 60_000,
  });
}
