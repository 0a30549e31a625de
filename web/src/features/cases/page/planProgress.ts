import type { Plan } from '@kooperacja/domain';

export interface Progress {
  done: number;
  all: number;
}

/** Done / all actions (an action marked "niewykonane" counts as settled but not done). */
export function planProgress(plan: Pick<Plan, 'goals'>): Progress {
  let done = 0;
  let all = 0;
  for (const g of plan.goals) {
    for (const a of g.actions) {
      all += 1;
      if (a.status === 'wykonane') done += 1;
    }
  }
  return { done, all };
}

export function goalProgress(goal: Plan['goals'][number]): Progress {
  return planProgress({ goals: [goal] });
}

/** The plans that are "the plan now": those in force, else the newest draft. */
export function currentPlans(plans: readonly Plan[]): Plan[] {
  const active = plans.filter((p) => p.status === 'aktywny');
  if (active.length) return active;
  const drafts = plans.filter((p) => p.status === 'projekt');
  return drafts.length ? [drafts.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))] : [];
}
