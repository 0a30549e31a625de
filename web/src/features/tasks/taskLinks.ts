import type { Task } from '@kooperacja/domain';

/** Where a task is dealt with: the plan of an action or review, the diagnosis tab, else the case. */
export function taskTarget(task: Task): string {
  const base = `/sprawy/${encodeURIComponent(task.caseId)}`;
  if (task.planId) return `${base}?zakladka=plany&plan=${encodeURIComponent(task.planId)}`;
  if (task.kind === 'diagnosis') return `${base}?zakladka=diagnoza`;
  return base;
}

export const caseLink = (caseId: string) => `/sprawy/${encodeURIComponent(caseId)}`;
