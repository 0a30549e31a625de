import type {
  ActionParty,
  ActionStatus,
  ContractVariant,
  Plan,
  PlanInput,
  PlanStatus,
  PlanType,
} from '@kooperacja/domain';
import { randomId } from '@mantine/hooks';
import { addMonths, isoDay } from '../dates';

export interface ActionValues {
  /** Stable React key of the row (not sent). */
  key: string;
  id?: string;
  description: string;
  party: ActionParty;
  responsibleInstitutionId: string | null;
  /** Name of the institution, when known (for the picker's label). */
  responsibleInstitutionName?: string | null;
  responsiblePerson: string;
  deadline: string | null;
  status: ActionStatus;
}

export interface GoalValues {
  key: string;
  id?: string;
  description: string;
  actions: ActionValues[];
}

export interface PlanFormValues {
  type: PlanType | null;
  variant: ContractVariant | null;
  title: string;
  assessment: string;
  startDate: string | null;
  endDate: string | null;
  reviewDates: { key: string; date: string | null }[];
  status: PlanStatus;
  goals: GoalValues[];
  workerSignedOn: string | null;
  clientSignedOn: string | null;
}

export const emptyGoal = (): GoalValues => ({ key: randomId(), description: '', actions: [] });

export const emptyAction = (institution?: { id: string; name: string } | null): ActionValues => ({
  key: randomId(),
  description: '',
  party: 'instytucja',
  responsibleInstitutionId: institution?.id ?? null,
  responsibleInstitutionName: institution?.name ?? null,
  responsiblePerson: '',
  deadline: null,
  status: 'zaplanowane',
});

/** A new plan: a kontrakt socjalny for six months from today, with one empty goal. */
export function newPlanValues(today = isoDay()): PlanFormValues {
  return {
    type: 'kontrakt_socjalny',
    variant: null,
    title: '',
    assessment: '',
    startDate: today,
    endDate: addMonths(today, 6),
    reviewDates: [],
    status: 'projekt',
    goals: [emptyGoal()],
    workerSignedOn: null,
    clientSignedOn: null,
  };
}

/** The editor's values of a stored plan. */
export function planValuesOf(plan: Plan): PlanFormValues {
  return {
    type: plan.type,
    variant: plan.variant,
    title: plan.title ?? '',
    assessment: plan.assessment ?? '',
    startDate: plan.startDate,
    endDate: plan.endDate,
    reviewDates: plan.reviewDates.map((date) => ({ key: randomId(), date })),
    status: plan.status,
    goals: plan.goals.map((g) => ({
      key: g.id,
      id: g.id,
      description: g.description,
      actions: g.actions.map((a) => ({
        key: a.id,
        id: a.id,
        description: a.description,
        party: a.party,
        responsibleInstitutionId: a.responsibleInstitution?.id ?? null,
        responsibleInstitutionName: a.responsibleInstitution?.name ?? null,
        responsiblePerson: a.responsiblePerson ?? '',
        deadline: a.deadline,
        status: a.status,
      })),
    })),
    workerSignedOn: plan.workerSignedOn,
    clientSignedOn: plan.clientSignedOn,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The request body of the editor's values (`POST …/plans`, or `plan` of `PUT …/plans/:id`). */
export function planInputOf(v: PlanFormValues): PlanInput {
  const isContract = v.type === 'kontrakt_socjalny';
  return {
    type: v.type as PlanType,
    variant: isContract ? v.variant : null,
    title: orNull(v.title),
    assessment: orNull(v.assessment),
    startDate: v.startDate ?? '',
    endDate: v.endDate ?? '',
    reviewDates: [...new Set(v.reviewDates.map((r) => r.date).filter((d): d is string => !!d))].sort(),
    status: v.status,
    goals: v.goals.map((g) => ({
      ...(g.id ? { id: g.id } : {}),
      description: g.description.trim(),
      actions: g.actions.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        description: a.description.trim(),
        party: a.party,
        responsibleInstitutionId: a.party === 'instytucja' ? a.responsibleInstitutionId : null,
        responsiblePerson: orNull(a.responsiblePerson),
        deadline: a.deadline,
        status: a.status,
      })),
    })),
    workerSignedOn: v.workerSignedOn,
    clientSignedOn: v.clientSignedOn,
  };
}

/** Message keys of the editor's own checks, by field path (the server checks the same again). */
export function validatePlan(v: PlanFormValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.type) e.type = 'required';
  if (v.type === 'kontrakt_socjalny' && !v.variant) e.variant = 'variantRequired';
  if (!v.startDate) e.startDate = 'required';
  if (!v.endDate) e.endDate = 'required';
  if (v.startDate && v.endDate && v.endDate < v.startDate) e.endDate = 'endBeforeStart';
  if (v.goals.length === 0) e.goals = 'goalsRequired';
  v.goals.forEach((g, i) => {
    if (g.description.trim().length < 3) e[`goals.${i}.description`] = 'tooShort';
    g.actions.forEach((a, j) => {
      const p = `goals.${i}.actions.${j}`;
      if (a.description.trim().length < 3) e[`${p}.description`] = 'tooShort';
      if (a.party === 'instytucja' && !a.responsibleInstitutionId)
        e[`${p}.responsibleInstitutionId`] = 'institutionRequired';
    });
  });
  if (v.status === 'aktywny' && v.type === 'kontrakt_socjalny') {
    if (!v.workerSignedOn) e.workerSignedOn = 'signaturesRequired';
    if (!v.clientSignedOn) e.clientSignedOn = 'signaturesRequired';
  }
  return e;
}
