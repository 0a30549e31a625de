import { useQuery } from '@tanstack/react-query';
import { fetchRegionScope, regionKeys } from './regionApi';

/** The województwa the user may monitor (GET /api/region). */
export function useRegionScope() {
  return useQuery({
    queryKey: regionKeys.scope(),
    queryFn: ({ signal }) => fetchRegionScope(signal),
    staleTime: 5 * 60_000,
  });
}
