import { useQuery } from '@tanstack/react-query';
import { fetchProgrammeTree, programmeKeys } from './programmesApi';

export function useProgrammeTree() {
  return useQuery({ queryKey: programmeKeys.tree(), queryFn: ({ signal }) => fetchProgrammeTree(signal) });
}
