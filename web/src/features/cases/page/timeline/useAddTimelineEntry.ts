import type { TimelineEntryInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addTimelineEntry } from '../caseApi';
import { afterCaseChange } from '../caseCache';

/** `POST /api/cases/:id/timeline`: a visit, conversation, call, note or document. */
export function useAddTimelineEntry(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TimelineEntryInput) => addTimelineEntry(caseId, input),
    onSuccess: () => afterCaseChange(queryClient, caseId),
  });
}
