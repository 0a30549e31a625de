import type { ActionStatus, Plan } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys, setActionStatus } from '../caseApi';
import { afterCaseChange } from '../caseCache';

export interface SetActionStatusVariables {
  planId: string;
  actionId: string;
  status: ActionStatus;
  note?: string | null;
  /** The plan's version. */
  version: number;
}

/** Marks a plan action done (or another status) with an optional note; answers the changed plan. */
export function useSetActionStatus(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, actionId, ...input }: SetActionStatusVariables) =>
      setActionStatus(caseId, planId, actionId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: Plan[] }>(caseKeys.plans(caseId), (old) =>
        old ? { items: old.items.map((p) => (p.id === saved.id ? saved : p)) } : old,
      );
      afterCaseChange(queryClient, caseId);
    },
  });
}
