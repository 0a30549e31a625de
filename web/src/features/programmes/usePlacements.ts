import { useQuery } from '@tanstack/react-query';
import { fetchPlacements, programmeKeys } from './programmesApi';

/** The active actions and sub-actions a project can sit under (changes rarely: kept for 5 minutes). */
export function usePlacements() {
  return useQuery({
    queryKey: programmeKeys.placements(),
    queryFn: ({ signal }) => fetchPlacements(signal),
    staleTime: 5 * 60_000,
  });
}
