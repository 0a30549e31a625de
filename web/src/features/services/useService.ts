import { useQuery } from '@tanstack/react-query';
import { fetchService, serviceKeys } from './servicesApi';

export function useService(id: string | undefined) {
  return useQuery({
    queryKey: serviceKeys.one(id ?? ''),
    queryFn: ({ signal }) => fetchService(id ?? '', signal),
    enabled: Boolean(id),
  });
}
