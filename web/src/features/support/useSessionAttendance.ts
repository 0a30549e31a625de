import { useQuery } from '@tanstack/react-query';
import { fetchAttendance, supportKeys } from './supportApi';

/** The attendance list of one session (each load is logged by the server). */
export function useSessionAttendance(projectId: string, activityId: string, sessionId: string) {
  return useQuery({
    queryKey: supportKeys.attendance(projectId, sessionId),
    queryFn: ({ signal }) => fetchAttendance(projectId, activityId, sessionId, signal),
  });
}
