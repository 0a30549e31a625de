import { useQuery } from '@tanstack/react-query';
import { fetchMilestones, projectKeys } from './projectsApi';

export function useProjectMilestones(id: string) {
  return useQuery({
    queryKey: projectKeys.milestones(id),
    queryFn: ({ signal }) => fetchMilestones(id, signal),
  });
}
