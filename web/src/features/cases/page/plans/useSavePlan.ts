import type { Plan, PlanInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys, createPlan, updatePlan } from '../caseApi';
import { afterCaseChange } from '../caseCache';

export interface SavePlanVariables {
  /** Absent for a new plan. */
  planId?: string;
  /** The version the editor was loaded with (required with `planId`). */
  version?: number;
  plan: PlanInput;
}

/** Creates (POST) or changes (PUT with the loaded version, 409 when stale) a plan of the case. */
export function useSavePlan(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, version, plan }: SavePlanVariables): Promise<Plan> =>
      planId ? updatePlan(caseId, planId, plan, version ?? 0) : createPlan(caseId, plan),
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: Plan[] }>(caseKeys.plans(caseId), (old) =>
        old
          ? {
              items: old.items.some((p) => p.id === saved.id)
                ? old.items.map((p) => (p.id === saved.id ? saved : p))
                : [...old.items, saved],
            }
          : old,
      );
      afterCaseChange(queryClient, caseId);
    },
  });
}
