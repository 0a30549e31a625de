import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchUnits, territoryKeys, type UnitSearchParams } from './territoryApi';

/** Searches units; keeps the previous page visible while the next one loads. */
export function useUnitSearch(params: UnitSearchParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: territoryKeys.search(params),
    queryFn: ({ signal }) => fetchUnits(params, signal),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10 * 60_000,
  });
}
