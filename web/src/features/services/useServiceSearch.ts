import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchServices, type ServiceSearchParams, serviceKeys } from './servicesApi';

/** A page of the resource map for these filters; the previous page stays while the next loads. */
export function useServiceSearch(
  params: ServiceSearchParams,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: serviceKeys.list(params),
    queryFn: ({ signal }) => fetchServices(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
