import { useQuery } from '@tanstack/react-query';
import { fetchTeamCandidates, projectKeys } from './projectsApi';

/** People who may join the team (only asked for while the coordinator adds someone). */
export function useTeamCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: projectKeys.candidates(id),
    queryFn: ({ signal }) => fetchTeamCandidates(id, signal),
    enabled,
  });
}
