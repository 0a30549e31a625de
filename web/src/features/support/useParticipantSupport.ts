import { useQuery } from '@tanstack/react-query';
import { fetchParticipantSupport, supportKeys } from './supportApi';

/** One participant's support: episodes, hours and totals. */
export function useParticipantSupport(projectId: string, participantId: string) {
  return useQuery({
    queryKey: supportKeys.participant(projectId, participantId),
    queryFn: ({ signal }) => fetchParticipantSupport(projectId, participantId, signal),
  });
}
