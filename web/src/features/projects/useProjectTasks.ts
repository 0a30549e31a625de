import { useQuery } from '@tanstack/react-query';
import { fetchTasks, projectKeys } from './projectsApi';

export function useProjectTasks(id: string) {
  return useQuery({ queryKey: projectKeys.tasks(id), queryFn: ({ signal }) => fetchTasks(id, signal) });
}
