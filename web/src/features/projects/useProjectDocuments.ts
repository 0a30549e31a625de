import { useQuery } from '@tanstack/react-query';
import { fetchDocuments, projectKeys } from './projectsApi';

export function useProjectDocuments(id: string) {
  return useQuery({
    queryKey: projectKeys.documents(id),
    queryFn: ({ signal }) => fetchDocuments(id, signal),
  });
}
