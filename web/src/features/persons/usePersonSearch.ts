import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchPersons, type PersonSearchParams, personKeys } from './personsApi';

/** Searches the persons in the user's scope; keeps the previous page visible while the next loads. */
export function usePersonSearch(params: PersonSearchParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: personKeys.search(params),
    queryFn: ({ signal }) => fetchPersons(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
