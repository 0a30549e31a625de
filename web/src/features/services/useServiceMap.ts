import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchServiceMap, type ServiceFilters, serviceKeys } from './servicesApi';

/** Services per gmina for the choropleth, with the filters of the list. */
export function useServiceMap(filters: ServiceFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serviceKeys.map(filters),
    queryFn: ({ signal }) => fetchServiceMap(filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
