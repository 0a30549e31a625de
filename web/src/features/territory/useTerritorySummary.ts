import { useQuery } from '@tanstack/react-query';
import { fetchSummary, territoryKeys } from './territoryApi';

export function useTerritorySummary() {
  return useQuery({
    queryKey: territoryKeys.summary(),
    queryFn: ({ signal }) => fetchSummary(signal),
    staleTime: 60 * 60_000,
  });
}
