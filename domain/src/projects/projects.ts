import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';
import { moneyRules, rate } from './money.js';

/**
 * Projects (DOMAIN.md §4, docs/projects.md): number, title, placement in the programme catalogue,
 * the leader (beneficiary) and partners with their roles and budget shares, period, status, goals,
 * target groups, the call it came from with its ranking result, money in whole grosze with the
 * co-financing split, tasks with budget lines, milestones and documents.
 */

type Labels = { pl: string; en: string };

export const projectStatuses = {
  wniosek: { pl: 'Wniosek', en: 'Application' },
  realizacja: { pl: 'W realizacji', en: 'In progress' },
  zakonczony: { pl: 'Zakończony', en: 'Completed' },
  rozliczony: { pl: 'Rozliczony', en: 'Settled' },
  rozwiazany: { pl: 'Umowa rozwiązana', en: 'Agreement terminated' },
} as const satisfies Record<string, Labels>;
export type ProjectStatus = keyof typeof projectStatuses;

export const projectPartnerRoles = {
  partner: { pl: 'Partner', en: 'Partner' },
  partner_strategiczny: { pl: 'Partner strategiczny', en: 'Strategic partner' },
  realizator: { pl: 'Realizator', en: 'Implementing body' },
} as const satisfies Record<string, Labels>;
export type ProjectPartnerRole = keyof typeof projectPartnerRoles;

export const projectTeamRoles = {
  koordynator: { pl: 'Koordynator projektu', en: 'Project coordinator' },
  czlonek: { pl: 'Członek zespołu', en: 'Team member' },
} as const satisfies Record<string, Labels>;
export type ProjectTeamRole = keyof typeof projectTeamRoles;

export const projectMilestoneStatuses = {
  planowany: { pl: 'Planowany', en: 'Planned' },
  zagrozony: { pl: 'Zagrożony', en: 'At risk' },
  osiagniety: { pl: 'Osiągnięty', en: 'Achieved' },
  nieosiagniety: { pl: 'Nieosiągnięty', en: 'Not achieved' },
} as const satisfies Record<string, Labels>;
export type ProjectMilestoneStatus = keyof typeof projectMilestoneStatuses;

export const projectBudgetCategories = {
  personel: { pl: 'Personel projektu', en: 'Project staff' },
  uslugi: { pl: 'Usługi zewnętrzne', en: 'External services' },
  srodki_trwale: { pl: 'Środki trwałe', en: 'Fixed assets' },
  cross_financing: { pl: 'Cross-financing', en: 'Cross-financing' },
  inne: { pl: 'Inne', en: 'Other' },
} as const satisfies Record<string, Labels>;
export type ProjectBudgetCategory = keyof typeof projectBudgetCategories;

export const projectDocumentKinds = {
  wniosek: { pl: 'Wniosek o dofinansowanie', en: 'Funding application' },
  umowa: { pl: 'Umowa o dofinansowanie', en: 'Funding agreement' },
  aneks: { pl: 'Aneks', en: 'Annex' },
  regulamin: { pl: 'Regulamin', en: 'Regulations' },
  sprawozdanie: { pl: 'Sprawozdanie / wniosek o płatność', en: 'Report / payment claim' },
  inny: { pl: 'Inny dokument', en: 'Other document' },
} as const satisfies Record<string, Labels>;
export type ProjectDocumentKind = keyof typeof projectDocumentKinds;

/** The województwa by TERYT code: the portfolio's region filter. */
export const projectRegions = {
  '02': { pl: 'dolnośląskie', en: 'Lower Silesian' },
  '04': { pl: 'kujawsko-pomorskie', en: 'Kuyavian-Pomeranian' },
  '06': { pl: 'lubelskie', en: 'Lublin' },
  '08': { pl: 'lubuskie', en: 'Lubusz' },
  '10': { pl: 'łódzkie', en: 'Łódź' },
  '12': { pl: 'małopolskie', en: 'Lesser Poland' },
  '14': { pl: 'mazowieckie', en: 'Masovian' },
  '16': { pl: 'opolskie', en: 'Opole' },
  '18': { pl: 'podkarpackie', en: 'Subcarpathian' },
  '20': { pl: 'podlaskie', en: 'Podlaskie' },
  '22': { pl: 'pomorskie', en: 'Pomeranian' },
  '24': { pl: 'śląskie', en: 'Silesian' },
  '26': { pl: 'świętokrzyskie', en: 'Holy Cross' },
  '28': { pl: 'warmińsko-mazurskie', en: 'Warmian-Masurian' },
  '30': { pl: 'wielkopolskie', en: 'Greater Poland' },
  '32': { pl: 'zachodniopomorskie', en: 'West Pomeranian' },
} as const satisfies Record<string, Labels>;

export const ProjectStatusKey = z.enum(keysOf(projectStatuses));
export const ProjectPartnerRoleKey = z.enum(keysOf(projectPartnerRoles));
export const ProjectTeamRoleKey = z.enum(keysOf(projectTeamRoles));
export const ProjectMilestoneStatusKey = z.enum(keysOf(projectMilestoneStatuses));
export const ProjectBudgetCategoryKey = z.enum(keysOf(projectBudgetCategories));
export const ProjectDocumentKindKey = z.enum(keysOf(projectDocumentKinds));
export const ProjectRegionKey = z.enum(keysOf(projectRegions));

// ————— Pure rules —————

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;

/**
 * How much of the project's period has passed on `today`, in hundredths of a percent (0 before the
 * start, 10 000 from the last day on), computed on whole days.
 */
export function periodElapsed(startsOn: string, endsOn: string, today: string): number {
  const total = dayNumber(endsOn) - dayNumber(startsOn);
  const passed = dayNumber(today) - dayNumber(startsOn);
  if (passed <= 0) return total <= 0 && passed === 0 ? 10_000 : 0;
  if (passed >= total) return 10_000;
  return rate(passed, total) ?? 0;
}

/** A milestone is overdue when its due date has passed and it was not achieved. */
export function milestoneOverdue(m: { dueOn: string; status: string }, today: string): boolean {
  return m.status !== 'osiagniety' && m.dueOn < today;
}

// ————— Schemas —————

/** An amount in whole grosze (the web form converts from "1 216 630,61 zł"). */
export const Grosze = z
  .number({ message: 'money.integer' })
  .int({ message: 'money.integer' })
  .min(0, { message: 'money.negative' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'money.tooLarge' });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, { message: 'zod.required' }).max(max);
const optionalDate = IsoDate.nullable()
  .optional()
  .transform((s) => s ?? null);

const InstitutionRef = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  teryt: z.string(),
});
export type ProjectInstitutionRef = z.infer<typeof InstitutionRef>;

const ProgrammeStep = z.object({ id: z.uuid(), kind: z.string(), code: z.string(), name: z.string() });

/** Where the project sits in the catalogue: the node and the way to it from the programme. */
export const ProjectProgramme = ProgrammeStep.extend({ path: z.array(ProgrammeStep) });
export type ProjectProgramme = z.infer<typeof ProjectProgramme>;

export const ProjectListQuery = z.object({
  /** A catalogue node: projects placed on it or anywhere below it. */
  programme: z.uuid().optional(),
  status: ProjectStatusKey.optional(),
  /** An institution as the leader or a partner. */
  institution: z.uuid().optional(),
  /** A województwo (TERYT, 2 digits) of the leader or of a partner. */
  region: ProjectRegionKey.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;

export const ProjectSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  shortTitle: z.string().nullable(),
  status: ProjectStatusKey,
  programme: ProjectProgramme,
  leader: InstitutionRef,
  startsOn: z.string(),
  endsOn: z.string(),
  totalValue: Grosze,
  euFunding: Grosze,
  /** EU funding / eligible costs, hundredths of a percent. */
  euRate: z.number().int().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectList = z.object({
  total: z.number().int(),
  items: z.array(ProjectSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type ProjectList = z.infer<typeof ProjectList>;

export const ProjectAbilities = z.object({ manage: z.boolean() });
export type ProjectAbilities = z.infer<typeof ProjectAbilities>;

const Rate = z.number().int().nullable();

export const ProjectMoneyView = z.object({
  totalValue: Grosze,
  eligibleCosts: Grosze,
  euFunding: Grosze,
  stateBudget: Grosze,
  targetedSubsidy: Grosze,
  ownContribution: Grosze,
  /** EU + state budget + targeted subsidy. */
  coFinancing: Grosze,
  rates: z.object({
    eu: Rate,
    stateBudget: Rate,
    targetedSubsidy: Rate,
    ownContribution: Rate,
    coFinancing: Rate,
    eligibleOfTotal: Rate,
  }),
  partnerSharesTotal: Grosze,
  tasksTotal: Grosze,
  /** Each co-financing rule and whether the project meets it (the amounts are above). */
  checks: z.array(z.object({ rule: z.enum(moneyRules), ok: z.boolean() })),
});
export type ProjectMoneyView = z.infer<typeof ProjectMoneyView>;

export const ProjectPartner = z.object({
  institution: InstitutionRef,
  role: ProjectPartnerRoleKey,
  budgetShare: Grosze,
  /** Share / total value, hundredths of a percent. */
  budgetShareRate: Rate,
  description: z.string().nullable(),
});
export type ProjectPartner = z.infer<typeof ProjectPartner>;

export const ProjectTeamMember = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  role: ProjectTeamRoleKey,
  /** The leader's or partners' institutions the person belongs to. */
  institutions: z.array(z.string()),
});
export type ProjectTeamMember = z.infer<typeof ProjectTeamMember>;

export const Project = ProjectSummary.extend({
  goals: z.string().nullable(),
  description: z.string().nullable(),
  targetGroups: z.array(z.string()),
  eligibleCosts: Grosze,
  stateBudget: Grosze,
  targetedSubsidy: Grosze,
  ownContribution: Grosze,
  money: ProjectMoneyView,
  callNumber: z.string().nullable(),
  callRank: z.number().int().nullable(),
  callTotal: z.number().int().nullable(),
  callResult: z.string().nullable(),
  /** Share of the period passed today, hundredths of a percent. */
  elapsed: z.number().int(),
  partners: z.array(ProjectPartner),
  team: z.array(ProjectTeamMember),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: ProjectAbilities,
});
export type Project = z.infer<typeof Project>;

const projectFields = {
  number: required(60),
  title: required(300),
  shortTitle: text(100),
  programmeNodeId: z.uuid(),
  status: ProjectStatusKey.default('realizacja'),
  startsOn: IsoDate,
  endsOn: IsoDate,
  goals: text(5000),
  description: text(10_000),
  targetGroups: z
    .array(z.string().trim().min(1, { message: 'zod.required' }).max(300))
    .max(30)
    .default([]),
  totalValue: Grosze,
  eligibleCosts: Grosze,
  euFunding: Grosze.default(0),
  stateBudget: Grosze.default(0),
  targetedSubsidy: Grosze.default(0),
  ownContribution: Grosze.default(0),
  callNumber: text(100),
  callRank: z.number().int().min(1).nullable().optional().default(null),
  callTotal: z.number().int().min(1).nullable().optional().default(null),
  callResult: text(300),
};

export const ProjectInput = z.object(projectFields).superRefine((v, ctx) => {
  if (v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'project.periodOrder' });
  if (v.callRank !== null && v.callTotal !== null && v.callRank > v.callTotal)
    ctx.addIssue({ code: 'custom', path: ['callRank'], message: 'project.callRankOverTotal' });
});
export type ProjectInput = z.input<typeof ProjectInput>;
export type ProjectValues = z.output<typeof ProjectInput>;

export const ProjectUpdate = z.object({ project: ProjectInput, version: z.number().int() });
export type ProjectUpdate = z.input<typeof ProjectUpdate>;

/** Changes of partners and team carry the project's version (they change its money and access). */
export const ProjectVersionQuery = z.object({ version: z.coerce.number().int() });

export const ProjectPartnerInput = z.object({
  institutionId: z.uuid(),
  role: ProjectPartnerRoleKey.default('partner'),
  budgetShare: Grosze.default(0),
  description: text(1000),
  version: z.number().int(),
});
export type ProjectPartnerInput = z.input<typeof ProjectPartnerInput>;

export const ProjectPartnerUpdate = ProjectPartnerInput.omit({ institutionId: true });
export type ProjectPartnerUpdate = z.input<typeof ProjectPartnerUpdate>;

export const ProjectTeamAdd = z.object({
  userId: z.uuid(),
  role: ProjectTeamRoleKey.default('czlonek'),
  version: z.number().int(),
});
export type ProjectTeamAdd = z.input<typeof ProjectTeamAdd>;

export const ProjectTeamCandidates = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      institution: z.object({ id: z.uuid(), name: z.string() }),
    }),
  ),
});
export type ProjectTeamCandidates = z.infer<typeof ProjectTeamCandidates>;

// ————— Tasks and budget lines —————

export const ProjectBudgetLineInput = z.object({
  name: required(300),
  category: ProjectBudgetCategoryKey.default('inne'),
  amount: Grosze,
});
export type ProjectBudgetLineInput = z.input<typeof ProjectBudgetLineInput>;

export const ProjectTaskInput = z
  .object({
    number: z.number().int().min(1).max(999),
    name: required(300),
    description: text(5000),
    startsOn: optionalDate,
    endsOn: optionalDate,
    /** The leader or a partner that carries the task out. */
    institutionId: z
      .uuid()
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    lines: z.array(ProjectBudgetLineInput).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'project.periodOrder' });
  });
export type ProjectTaskInput = z.input<typeof ProjectTaskInput>;

export const ProjectTaskUpdate = z.object({ task: ProjectTaskInput, version: z.number().int() });
export type ProjectTaskUpdate = z.input<typeof ProjectTaskUpdate>;

export const ProjectBudgetLine = z.object({
  id: z.uuid(),
  name: z.string(),
  category: ProjectBudgetCategoryKey,
  amount: Grosze,
});
export type ProjectBudgetLine = z.infer<typeof ProjectBudgetLine>;

export const ProjectTask = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lines: z.array(ProjectBudgetLine),
  /** The sum of the task's budget lines. */
  total: Grosze,
  version: z.number().int(),
});
export type ProjectTask = z.infer<typeof ProjectTask>;

export const ProjectTaskList = z.object({
  items: z.array(ProjectTask),
  /** The budgets of all tasks together, against the eligible costs. */
  tasksTotal: Grosze,
  eligibleCosts: Grosze,
  /** Eligible costs not yet assigned to a task (negative never: the rules keep it ≥ 0). */
  unassigned: z.number().int(),
  tasksRate: Rate,
  abilities: ProjectAbilities,
});
export type ProjectTaskList = z.infer<typeof ProjectTaskList>;

// ————— Milestones —————

export const ProjectMilestoneInput = z
  .object({
    name: required(300),
    description: text(2000),
    dueOn: IsoDate,
    status: ProjectMilestoneStatusKey.default('planowany'),
    achievedOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'osiagniety' && !v.achievedOn)
      ctx.addIssue({ code: 'custom', path: ['achievedOn'], message: 'project.milestone.achievedOnRequired' });
    if (v.status !== 'osiagniety' && v.achievedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['achievedOn'],
        message: 'project.milestone.achievedOnOnlyAchieved',
      });
  });
export type ProjectMilestoneInput = z.input<typeof ProjectMilestoneInput>;

export const ProjectMilestoneUpdate = z.object({
  milestone: ProjectMilestoneInput,
  version: z.number().int(),
});
export type ProjectMilestoneUpdate = z.input<typeof ProjectMilestoneUpdate>;

export const ProjectMilestone = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  dueOn: z.string(),
  achievedOn: z.string().nullable(),
  status: ProjectMilestoneStatusKey,
  /** The due date has passed and the milestone was not achieved. */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ProjectMilestone = z.infer<typeof ProjectMilestone>;

export const ProjectMilestoneList = z.object({
  items: z.array(ProjectMilestone),
  today: z.string(),
  abilities: ProjectAbilities,
});
export type ProjectMilestoneList = z.infer<typeof ProjectMilestoneList>;

// ————— Documents —————

export const ProjectDocumentUploadQuery = z.object({
  filename: z.string().trim().min(1).max(1000),
  kind: ProjectDocumentKindKey.default('inny'),
  title: z.string().trim().max(300).optional(),
});

export const ProjectDocument = z.object({
  id: z.uuid(),
  kind: ProjectDocumentKindKey,
  title: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;

export const ProjectDocumentList = z.object({
  items: z.array(ProjectDocument),
  abilities: ProjectAbilities,
});
export type ProjectDocumentList = z.infer<typeof ProjectDocumentList>;
