import type { Case } from '@kooperacja/domain';
import type { QueryClient } from '@tanstack/react-query';
import { caseKeys } from './caseApi';

/** Keys of the task lists ("Moje zadania", the case's tasks, the home-page counts). */
export const taskKeysRoot = ['tasks'] as const;

/**
 * After a change of a case (or of its diagnosis, plans, timeline): keeps the saved record, and lets
 * everything derived from it reload — the timeline (status changes, plan events), tasks, case lists.
 */
export function afterCaseChange(queryClient: QueryClient, caseId: string, saved?: Case) {
  if (saved) queryClient.setQueryData(caseKeys.detail(saved.id), saved);
  const detail = caseKeys.detail(caseId);
  void queryClient.invalidateQueries({
    predicate: (q) => {
      const key = q.queryKey;
      if (key[0] === 'tasks') return true;
      if (key[0] !== 'cases') return false;
      // The record itself was just stored; its parts (timeline, plans…) and the lists reload.
      const isDetail = key[1] === 'detail' && key[2] === detail[2];
      if (isDetail) return key.length > 3 || !saved;
      return key[1] !== 'detail' && key[1] !== 'workers';
    },
  });
}
