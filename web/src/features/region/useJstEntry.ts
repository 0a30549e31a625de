import { useQuery } from '@tanstack/react-query';
import { fetchJstEntry, regionKeys } from './regionApi';

/** One JST's entry in the register. */
export function useJstEntry(woj: string, teryt: string) {
  return useQuery({
    queryKey: regionKeys.entry(woj, teryt),
    queryFn: ({ signal }) => fetchJstEntry(woj, teryt, signal),
    enabled: woj !== '' && teryt !== '',
  });
}
