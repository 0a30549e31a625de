import { useQuery } from '@tanstack/react-query';
import { fetchPerson, personKeys } from './personsApi';

/** One person's record (each read is written to the audit log by the server). */
export function usePerson(id: string | null | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: personKeys.person(id ?? ''),
    queryFn: ({ signal }) => fetchPerson(id ?? '', signal),
    enabled: enabled && Boolean(id),
  });
}
