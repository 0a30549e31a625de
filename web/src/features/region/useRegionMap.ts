import { useQuery } from '@tanstack/react-query';
import { fetchRegionMap, type RegionMapParams, regionKeys } from './regionApi';

/**
 * The regional map for a measure, level and day. While another measure or day loads, the previous
 * map of the same level stays on screen (marked as refreshing); a switch of level starts afresh,
 * since the old units would not match the new shapes.
 */
export function useRegionMap(woj: string, params: RegionMapParams) {
  return useQuery({
    queryKey: regionKeys.map(woj, params),
    queryFn: ({ signal }) => fetchRegionMap(woj, params, signal),
    enabled: woj !== '',
    placeholderData: (previous) => (previous && previous.level === params.level ? previous : undefined),
  });
}
