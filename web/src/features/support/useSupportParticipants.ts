import { useQuery } from '@tanstack/react-query';
import { fetchSupportParticipants, supportKeys } from './supportApi';

/** The project's participants to choose from when adding an episode (loaded only when asked). */
export function useSupportParticipants(projectId: string, enabled = true) {
  return useQuery({
    queryKey: supportKeys.participants(projectId),
    queryFn: ({ signal }) => fetchSupportParticipants(projectId, signal),
    enabled,
  });
}
