import { useQuery } from '@tanstack/react-query';
import { fetchBoundaries, territoryKeys } from './territoryApi';

/** The ~1 MB TopoJSON of all boundaries: fetched once per session and never refetched. */
export function useBoundaries() {
  return useQuery({
    queryKey: territoryKeys.boundaries(),
    queryFn: ({ signal }) => fetchBoundaries(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
