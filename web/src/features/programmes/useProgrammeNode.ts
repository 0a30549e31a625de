import { useQuery } from '@tanstack/react-query';
import { fetchProgrammeNode, programmeKeys } from './programmesApi';

export function useProgrammeNode(id: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.node(id ?? ''),
    queryFn: ({ signal }) => fetchProgrammeNode(id ?? '', signal),
    enabled: Boolean(id) && enabled,
  });
}
