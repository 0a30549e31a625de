import type { Plan } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../../../auth/useMe';
import { attachSignedScan, caseKeys, uploadAttachment } from '../caseApi';
import { afterCaseChange } from '../caseCache';

export interface AttachSignedScanVariables {
  planId: string;
  version: number;
  file: File;
  onProgress?: (fraction: number) => void;
}

/** Uploads the scan of the signed document, then links it to the plan (with the plan's version). */
export function useAttachSignedScan(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ planId, version, file, onProgress }: AttachSignedScanVariables) => {
      const attachment = await uploadAttachment(caseId, file, onProgress);
      return attachSignedScan(caseId, planId, attachment.id, version);
    },
    onSuccess: (saved: Plan) => {
      queryClient.setQueryData<{ items: Plan[] }>(caseKeys.plans(caseId), (old) =>
        old ? { items: old.items.map((p) => (p.id === saved.id ? saved : p)) } : old,
      );
      afterCaseChange(queryClient, caseId);
    },
    onError: (error) => {
      // The upload bypasses apiFetch: an ended session is noticed by asking who is signed in.
      if ((error as { status?: number }).status === 401)
        void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}
