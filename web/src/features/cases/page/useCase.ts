import { useQuery } from '@tanstack/react-query';
import { caseKeys, fetchCase } from './caseApi';

/** `GET /api/cases/:id`: the case with its subject, team, allowed transitions and abilities. */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => fetchCase(id, signal),
    enabled: Boolean(id),
  });
}
