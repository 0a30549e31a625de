import { useQuery } from '@tanstack/react-query';
import { fetchProject, projectKeys } from './projectsApi';

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.one(id ?? ''),
    queryFn: ({ signal }) => fetchProject(id as string, signal),
    enabled: !!id,
  });
}
