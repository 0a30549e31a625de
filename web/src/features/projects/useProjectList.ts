import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchProjects, type ProjectListParams, projectKeys } from './projectsApi';

/** A page of the portfolio with its filters. */
export function useProjectList(params: ProjectListParams) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => fetchProjects(params, signal),
    placeholderData: keepPreviousData,
  });
}
