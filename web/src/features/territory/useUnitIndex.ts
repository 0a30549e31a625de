import type { TerritorialUnit } from '@kooperacja/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchUnits, territoryKeys } from './territoryApi';

export type UnitIndex = ReadonlyMap<string, TerritorialUnit>;

/**
 * All województwa and powiaty by TERYT code (≈400 small rows, cached for the session), to name
 * the parents of search results — the search API returns parent codes, not names.
 */
export function useUnitIndex() {
  return useQuery({
    queryKey: territoryKeys.index(),
    queryFn: async ({ signal }): Promise<UnitIndex> => {
      const [woj, pow] = await Promise.all([
        fetchUnits({ level: 'wojewodztwo', limit: 100 }, signal),
        fetchUnits({ level: 'powiat', limit: 500 }, signal),
      ]);
      return new Map([...woj.items, ...pow.items].map((u) => [u.teryt, u]));
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
