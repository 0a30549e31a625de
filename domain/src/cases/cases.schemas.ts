import { z } from 'zod';
import {
  actionParties,
  actionStatuses,
  assistanceReasons,
  caseSources,
  caseStatuses,
  closureReasons,
  contractVariants,
  diagnosisAreas,
  interviewSections,
  keysOf,
  planStatuses,
  planTypes,
  timelineKinds,
  userTimelineKinds,
} from './dictionaries.js';
import { IsoDate } from './persons.schemas.js';

export const AssistanceReasonKey = z.enum(keysOf(assistanceReasons));
export const CaseSourceKey = z.enum(keysOf(caseSources));
export const CaseStatusKey = z.enum(keysOf(caseStatuses));
export const ClosureReasonKey = z.enum(keysOf(closureReasons));
export const PlanTypeKey = z.enum(keysOf(planTypes));
export const ContractVariantKey = z.enum(keysOf(contractVariants));
export const PlanStatusKey = z.enum(keysOf(planStatuses));
export const ActionStatusKey = z.enum(keysOf(actionStatuses));
export const ActionPartyKey = z.enum(keysOf(actionParties));
export const TimelineKindKey = z.enum(keysOf(timelineKinds));
export const UserTimelineKindKey = z.enum(userTimelineKinds);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

const UserRef = z.object({ id: z.uuid(), name: z.string() });
const InstitutionRef = z.object({ id: z.uuid(), name: z.string() });

export const CaseReasons = z
  .array(z.object({ code: AssistanceReasonKey, main: z.boolean().default(false) }))
  .min(1)
  .max(15)
  .superRefine((rs, ctx) => {
    if (rs.filter((r) => r.main).length !== 1)
      ctx.addIssue({ code: 'custom', message: 'case.oneMainReason' });
    if (new Set(rs.map((r) => r.code)).size !== rs.length)
      ctx.addIssue({ code: 'custom', message: 'case.reasonTwice' });
  });

/** Opening a case: for a person or for a household of the institution. */
export const CaseCreate = z
  .object({
    personId: z.uuid().nullable().optional(),
    householdId: z.uuid().nullable().optional(),
    source: CaseSourceKey,
    sourceDetails: text(500),
    openedOn: IsoDate.optional(),
    reasons: CaseReasons,
    /** Defaults to the actor; a supervisor may assign another worker of the institution. */
    leadWorkerId: z.uuid().optional(),
    coWorkerIds: z.array(z.uuid()).max(10).default([]),
    summary: text(4000),
  })
  .superRefine((c, ctx) => {
    if (!!c.personId === !!c.householdId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'case.subjectRequired' });
  });
export type CaseCreate = z.input<typeof CaseCreate>;

export const CaseUpdate = z.object({
  source: CaseSourceKey,
  sourceDetails: text(500),
  reasons: CaseReasons,
  summary: text(4000),
  version: z.number().int(),
});

export const CaseWorkersUpdate = z.object({
  leadWorkerId: z.uuid(),
  coWorkerIds: z.array(z.uuid()).max(10),
  version: z.number().int(),
});

export const CaseTransition = z
  .object({
    to: CaseStatusKey,
    /** Required for closure; also recorded for a reopening or a step back. */
    reason: text(1000),
    closureReason: ClosureReasonKey.optional(),
    outcomeSummary: text(4000),
    version: z.number().int(),
  })
  .superRefine((t, ctx) => {
    if (t.to === 'zamknieta') {
      if (!t.closureReason)
        ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'case.closureReasonRequired' });
      if (!t.outcomeSummary)
        ctx.addIssue({ code: 'custom', path: ['outcomeSummary'], message: 'case.outcomeRequired' });
    }
  });

export const CaseAbilities = z.object({
  update: z.boolean(),
  assignWorkers: z.boolean(),
  transition: z.boolean(),
  readSensitive: z.boolean(),
});

export const CaseSubject = z.object({
  kind: z.enum(['person', 'household']),
  id: z.uuid(),
  name: z.string(),
  /** Household members (current) or the person alone. */
  persons: z.array(
    z.object({
      id: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: z.string(),
      relation: z.string().nullable(),
    }),
  ),
  teryt: z.string().nullable(),
  unitName: z.string().nullable(),
  address: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: CaseStatusKey,
  subjectName: z.string(),
  subjectKind: z.enum(['person', 'household']),
  mainReason: AssistanceReasonKey.nullable(),
  leadWorker: UserRef,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  unitName: z.string().nullable(),
  overdue: z.number().int(),
  nextDue: z.string().nullable(),
  lastEventAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = z.object({
  total: z.number().int(),
  items: z.array(CaseSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type CaseList = z.infer<typeof CaseList>;

export const CaseListQuery = z.object({
  /** `mine`: where I am lead or co-worker; `institution`: all I may see in the active institution. */
  scope: z.enum(['mine', 'institution']).default('mine'),
  status: CaseStatusKey.or(z.literal('open')).optional(),
  reason: AssistanceReasonKey.optional(),
  workerId: z.uuid().optional(),
  teryt: z
    .string()
    .regex(/^\d{2,7}$/)
    .optional(),
  overdue: z.enum(['true']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['opened_desc', 'opened_asc', 'status', 'name', 'next_due']).default('opened_desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const Case = z.object({
  id: z.uuid(),
  number: z.string(),
  institution: InstitutionRef,
  status: CaseStatusKey,
  source: CaseSourceKey,
  sourceDetails: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closureReason: ClosureReasonKey.nullable(),
  outcomeSummary: z.string().nullable(),
  summary: z.string().nullable(),
  reasons: z.array(z.object({ code: AssistanceReasonKey, main: z.boolean() })),
  leadWorker: UserRef,
  coWorkers: z.array(UserRef),
  subject: CaseSubject,
  /** Allowed next statuses with the refusal reason of each status that is not allowed. */
  transitions: z.array(z.object({ to: CaseStatusKey, allowed: z.boolean(), refusal: z.string().nullable() })),
  /** The RWŚ / diagnosis due date while the case waits for one. */
  diagnosisDue: z.string().nullable(),
  /** A Niebieska Karta procedure since this date; only the owner institution ever sees it. */
  blueCardSince: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: CaseAbilities,
});
export type Case = z.infer<typeof Case>;

// ————— Diagnosis —————

const sectionsOf = <T extends Record<string, unknown>>(dict: T) =>
  z.object(
    Object.fromEntries(Object.keys(dict).map((k) => [k, text(8000)])) as Record<
      keyof T,
      ReturnType<typeof text>
    >,
  );

export const DiagnosisAreas = sectionsOf(diagnosisAreas);
export const InterviewSections = sectionsOf(interviewSections);

export const DiagnosisInput = z.object({
  areas: DiagnosisAreas,
  interview: InterviewSections,
  conclusions: text(8000),
  /** The version this edit started from (0 for the first); a newer one on the server answers 409. */
  basedOn: z.number().int().min(0),
});
export type DiagnosisInput = z.input<typeof DiagnosisInput>;

export const Diagnosis = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  areas: z.record(z.string(), z.string().nullable()),
  interview: z.record(z.string(), z.string().nullable()),
  conclusions: z.string().nullable(),
  author: UserRef,
  createdAt: z.string(),
});
export type Diagnosis = z.infer<typeof Diagnosis>;
export const DiagnosisHistory = z.object({
  current: Diagnosis.nullable(),
  versions: z.array(Diagnosis.pick({ id: true, versionNo: true, author: true, createdAt: true })),
});
export type DiagnosisHistory = z.infer<typeof DiagnosisHistory>;

// ————— Plans —————

export const PlanActionInput = z
  .object({
    /** Existing action id, absent for a new action. */
    id: z.uuid().optional(),
    description: z.string().trim().min(3).max(2000),
    party: ActionPartyKey,
    responsibleInstitutionId: z.uuid().nullable().optional(),
    responsiblePerson: text(200),
    responsibleUserId: z.uuid().nullable().optional(),
    deadline: IsoDate.nullable().optional(),
    status: ActionStatusKey.default('zaplanowane'),
  })
  .superRefine((a, ctx) => {
    if (a.party === 'instytucja' && !a.responsibleInstitutionId)
      ctx.addIssue({
        code: 'custom',
        path: ['responsibleInstitutionId'],
        message: 'plan.institutionRequired',
      });
  });

export const PlanGoalInput = z.object({
  id: z.uuid().optional(),
  description: z.string().trim().min(3).max(2000),
  actions: z.array(PlanActionInput).max(30),
});

export const PlanInput = z
  .object({
    type: PlanTypeKey,
    variant: ContractVariantKey.nullable().optional(),
    title: text(200),
    assessment: text(8000),
    startDate: IsoDate,
    endDate: IsoDate,
    reviewDates: z.array(IsoDate).max(24).default([]),
    status: PlanStatusKey.default('projekt'),
    goals: z.array(PlanGoalInput).min(1).max(20),
    workerSignedOn: IsoDate.nullable().optional(),
    clientSignedOn: IsoDate.nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.endDate < p.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'plan.endBeforeStart' });
    if (p.type === 'kontrakt_socjalny' && !p.variant)
      ctx.addIssue({ code: 'custom', path: ['variant'], message: 'plan.variantRequired' });
    if (p.status === 'aktywny' && p.type === 'kontrakt_socjalny' && (!p.workerSignedOn || !p.clientSignedOn))
      ctx.addIssue({ code: 'custom', path: ['clientSignedOn'], message: 'plan.signaturesRequired' });
  });
export type PlanInput = z.input<typeof PlanInput>;
export const PlanCreate = PlanInput;
export const PlanUpdate = z.object({ plan: PlanInput, version: z.number().int() });
export const ActionStatusUpdate = z.object({
  status: ActionStatusKey,
  note: text(2000),
  /** The plan's version. */
  version: z.number().int(),
});

export const PlanAction = z.object({
  id: z.uuid(),
  description: z.string(),
  party: ActionPartyKey,
  responsibleInstitution: InstitutionRef.nullable(),
  responsiblePerson: z.string().nullable(),
  responsibleUserId: z.uuid().nullable(),
  deadline: z.string().nullable(),
  status: ActionStatusKey,
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export const PlanGoal = z.object({ id: z.uuid(), description: z.string(), actions: z.array(PlanAction) });

export const Plan = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  type: PlanTypeKey,
  variant: ContractVariantKey.nullable(),
  title: z.string().nullable(),
  assessment: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  reviewDates: z.array(z.string()),
  status: PlanStatusKey,
  goals: z.array(PlanGoal),
  workerSignedOn: z.string().nullable(),
  clientSignedOn: z.string().nullable(),
  signedScanId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type Plan = z.infer<typeof Plan>;
export const PlanList = z.object({ items: z.array(Plan) });
export type PlanList = z.infer<typeof PlanList>;
export const PlanVersion = z.object({
  version: z.number().int(),
  author: UserRef,
  at: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
export type PlanVersion = z.infer<typeof PlanVersion>;
export const PlanVersions = z.object({ items: z.array(PlanVersion) });
export type PlanVersions = z.infer<typeof PlanVersions>;

// ————— Timeline and attachments —————

export const TimelineEntryInput = z.object({
  kind: UserTimelineKindKey,
  occurredAt: z.iso.datetime({ offset: true }),
  title: z.string().trim().min(2).max(300),
  body: text(20000),
  sensitive: z.boolean().default(false),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type TimelineEntryInput = z.input<typeof TimelineEntryInput>;

export const Attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TimelineEntry = z.object({
  id: z.uuid(),
  kind: TimelineKindKey,
  occurredAt: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  sensitive: z.boolean(),
  author: UserRef,
  attachments: z.array(Attachment),
  createdAt: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const TimelineQuery = z.object({
  kind: TimelineKindKey.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset paging: entries before this ISO time. */
  before: z.string().optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;
export const TimelinePage = z.object({ items: z.array(TimelineEntry), nextBefore: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

/** Attachments: PDF and images, type checked by content. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

// ————— Tasks —————

export const Task = z.object({
  /** `action:<id>`, `review:<planId>:<date>`, `diagnosis:<caseId>` */
  key: z.string(),
  kind: z.enum(['action', 'review', 'diagnosis']),
  title: z.string(),
  due: z.string(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  subjectName: z.string(),
  planId: z.uuid().nullable(),
  actionId: z.uuid().nullable(),
  overdue: z.boolean(),
});
export type Task = z.infer<typeof Task>;
export const TaskList = z.object({
  overdue: z.array(Task),
  today: z.array(Task),
  week: z.array(Task),
  later: z.array(Task),
});
export type TaskList = z.infer<typeof TaskList>;
