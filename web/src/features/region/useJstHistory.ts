import { useQuery } from '@tanstack/react-query';
import { fetchJstHistory, regionKeys } from './regionApi';

/** The changes of one JST's entry, newest first as the server sends them. */
export function useJstHistory(woj: string, teryt: string) {
  return useQuery({
    queryKey: regionKeys.history(woj, teryt),
    queryFn: ({ signal }) => fetchJstHistory(woj, teryt, signal),
    enabled: woj !== '' && teryt !== '',
  });
}
