import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from './healthApi';

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 60_000,
    retry: false,
  });
}
