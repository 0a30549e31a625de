import { useQuery } from '@tanstack/react-query';
import { fetchJstList, regionKeys } from './regionApi';

/** The register of the JST of a województwo (GET /api/region/:woj/jst). */
export function useJstList(woj: string) {
  return useQuery({
    queryKey: regionKeys.list(woj),
    queryFn: ({ signal }) => fetchJstList(woj, signal),
    enabled: woj !== '',
  });
}
