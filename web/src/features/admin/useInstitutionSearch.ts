import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys, fetchInstitutions, type InstitutionSearchParams } from './adminApi';

/** Searches the registry of institutions; keeps the previous page visible while the next loads. */
export function useInstitutionSearch(
  params: InstitutionSearchParams,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: adminKeys.institutionSearch(params),
    queryFn: ({ signal }) => fetchInstitutions(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
