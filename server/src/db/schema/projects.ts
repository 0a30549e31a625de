import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { created, updated } from './columns.js';
import { documents } from './cooperation.js';
import { institutions, users } from './identity.js';

/**
 * Programmes, projects and indicators (issue "Programmes, projects and indicators"). Money is stored
 * as whole grosze in `bigint` columns and never passes through floating point; indicator values are
 * `numeric` (exact decimals).
 */

/**
 * The programme catalogue as one tree: programme → priority axis → action → sub-action → eligible
 * support type. A level may be skipped (FERS 04.13 has no sub-actions). Support types carry their
 * rules (`rules`): only in combination with another form, an allowed time window, target groups.
 */
export const programmeNodes = pgTable(
  'programme_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => programmeNodes.id),
    /** program | os | dzialanie | poddzialanie | typ_wsparcia */
    kind: text('kind').notNull(),
    /** "RPO WM 2014-2020", "9", "9.1", "9.1.1", "9.1.1.a" — unique among siblings. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Support-type rules: { onlyWithOther?: boolean, timeWindow?: string, targetGroups?: string[] }. */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    /** Programming period, e.g. "2014-2020" (programmes only). */
    period: text('period'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('programme_nodes_parent_idx').on(t.parentId, t.sortOrder),
    uniqueIndex('programme_nodes_sibling_code_uq').on(sql`coalesce(${t.parentId}::text, '')`, t.code),
  ],
);

/** A project: placement in the catalogue, leader, money in grosze, the call it came from. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The contract number given by the managing authority, e.g. "RPMP.09.01.02-12-0123/17". */
    number: text('number').notNull(),
    title: text('title').notNull(),
    shortTitle: text('short_title'),
    /** The lowest catalogue node the project sits under (a sub-action, or an action without them). */
    programmeNodeId: uuid('programme_node_id')
      .notNull()
      .references(() => programmeNodes.id),
    leaderInstitutionId: uuid('leader_institution_id')
      .notNull()
      .references(() => institutions.id),
    /** wniosek | realizacja | zakonczony | rozliczony | rozwiazany */
    status: text('status').notNull().default('realizacja'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    goals: text('goals'),
    description: text('description'),
    /** Target groups as free lines (a project names its own). */
    targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
    totalValue: bigint('total_value', { mode: 'number' }).notNull(),
    eligibleCosts: bigint('eligible_costs', { mode: 'number' }).notNull(),
    euFunding: bigint('eu_funding', { mode: 'number' }).notNull().default(0),
    stateBudget: bigint('state_budget', { mode: 'number' }).notNull().default(0),
    targetedSubsidy: bigint('targeted_subsidy', { mode: 'number' }).notNull().default(0),
    ownContribution: bigint('own_contribution', { mode: 'number' }).notNull().default(0),
    /** The call (nabór/konkurs) and its ranking result. */
    callNumber: text('call_number'),
    callRank: integer('call_rank'),
    callTotal: integer('call_total'),
    callResult: text('call_result'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('projects_number_uq').on(t.number),
    index('projects_leader_idx').on(t.leaderInstitutionId),
    index('projects_programme_idx').on(t.programmeNodeId),
    index('projects_status_idx').on(t.status),
    check('projects_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'projects_money_ck',
      sql`${t.totalValue} >= 0 and ${t.eligibleCosts} >= 0 and ${t.eligibleCosts} <= ${t.totalValue}
        and ${t.euFunding} >= 0 and ${t.stateBudget} >= 0 and ${t.targetedSubsidy} >= 0 and ${t.ownContribution} >= 0`,
    ),
  ],
);

/** Partner institutions of a project (the leader is on the project itself) with their budget share. */
export const projectPartners = pgTable(
  'project_partners',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** partner | partner_strategiczny | realizator */
    role: text('role').notNull().default('partner'),
    budgetShare: bigint('budget_share', { mode: 'number' }).notNull().default(0),
    description: text('description'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.institutionId] }),
    index('project_partners_institution_idx').on(t.institutionId),
  ],
);

/** The people who run a project: its coordinators edit it, its members read it. */
export const projectTeam = pgTable(
  'project_team',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** koordynator | czlonek */
    role: text('role').notNull().default('czlonek'),
    addedAt: created(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_team_user_idx').on(t.userId)],
);

/** A task (zadanie) of the project with its period; its budget is the sum of its lines. */
export const projectTasks = pgTable(
  'project_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** The institution that carries the task out (leader or a partner). */
    institutionId: uuid('institution_id').references(() => institutions.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('project_tasks_number_uq').on(t.projectId, t.number)],
);

export const projectBudgetLines = pgTable(
  'project_budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => projectTasks.id),
    name: text('name').notNull(),
    /** personel | uslugi | srodki_trwale | cross_financing | inne */
    category: text('category').notNull().default('inne'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('project_budget_lines_task_idx').on(t.taskId),
    check('budget_line_amount_ck', sql`${t.amount} >= 0`),
  ],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    description: text('description'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    achievedOn: date('achieved_on', { mode: 'string' }),
    /** planowany | osiagniety | zagrozony | nieosiagniety */
    status: text('status').notNull().default('planowany'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueOn)],
);

/** Documents of a project (application, contract, annexes, reports); the file is a `documents` row. */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** wniosek | umowa | aneks | regulamin | sprawozdanie | inny */
    kind: text('kind').notNull().default('inny'),
    title: text('title').notNull(),
    createdAt: created(),
  },
  (t) => [index('project_documents_project_idx').on(t.projectId)],
);

/**
 * The library of indicator definitions: common ESF+ indicators (EECO…, EECR…), programme-specific
 * (`programmeNodeId`) and project-specific (`projectId`) ones.
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    name: text('name').notNull(),
    definition: text('definition'),
    /** osoby | podmioty | procent | liczba */
    unit: text('unit').notNull(),
    /** produkt | rezultat */
    type: text('type').notNull(),
    /** osoby_unikalne | zdarzenia */
    counting: text('counting').notNull().default('zdarzenia'),
    /** Breakdown keys: plec, wiek. */
    breakdowns: jsonb('breakdowns').$type<string[]>().notNull().default([]),
    /** przy_wejsciu | przy_wyjsciu | do_4_tygodni | 6_miesiecy | na_dzien */
    measurement: text('measurement').notNull().default('na_dzien'),
    /** wspolny | programowy | projektowy */
    scope: text('scope').notNull(),
    programmeNodeId: uuid('programme_node_id').references(() => programmeNodes.id),
    projectId: uuid('project_id').references(() => projects.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('indicator_definitions_code_uq')
      .on(t.code)
      .where(sql`${t.code} is not null and ${t.projectId} is null`),
    index('indicator_definitions_project_idx').on(t.projectId),
  ],
);

/**
 * An indicator of a project: baseline, target (and targets per breakdown), and where its value comes
 * from — a metric function from the registry in code (`metricKey` + `metricParams`) or manual entry.
 */
export const projectIndicators = pgTable(
  'project_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => indicatorDefinitions.id),
    baseline: numeric('baseline', { precision: 16, scale: 4 }).notNull().default('0'),
    target: numeric('target', { precision: 16, scale: 4 }).notNull(),
    /** e.g. { "plec": { "k": 300, "m": 254 } } */
    targetBreakdown: jsonb('target_breakdown')
      .$type<Record<string, Record<string, number>>>()
      .notNull()
      .default({}),
    /** metric | manual */
    source: text('source').notNull(),
    metricKey: text('metric_key'),
    metricParams: jsonb('metric_params').$type<Record<string, unknown>>().notNull().default({}),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The latest recorded value (manual entry or recorded measurement): what the portfolio reads. */
    currentValue: numeric('current_value', { precision: 16, scale: 4 }),
    currentOn: date('current_on', { mode: 'string' }),
    /**
     * Share of the way from baseline to target reached by `current_value`, in hundredths of a percent
     * (10000 = 100 %), never below 0; null without a value. Kept by the database, so the portfolio
     * bands thousands of indicators with integer comparisons (the rule of `progressOf` in
     * domain/src/projects/indicators.ts, checked against it by portfolio.int.test.ts).
     */
    achievedBp: integer('achieved_bp').generatedAlwaysAs(
      sql`case when current_value is null then null
        when target = baseline then (case when current_value >= target then 10000 else 0 end)
        else greatest(0, round((current_value - baseline) * 10000 / (target - baseline)))::int end`,
    ),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('project_indicators_uq').on(t.projectId, t.definitionId),
    check(
      'project_indicators_source_ck',
      sql`(${t.source} = 'manual' and ${t.metricKey} is null) or (${t.source} = 'metric' and ${t.metricKey} is not null)`,
    ),
  ],
);

/**
 * A recorded value of a project indicator on a date: a manual entry (with source and evidence) or a
 * measurement of a metric recorded by the system. Rows are never updated: a correction is a new row
 * that supersedes the old one (`supersedesId`), so every "as of" value can be reproduced.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectIndicatorId: uuid('project_indicator_id')
      .notNull()
      .references(() => projectIndicators.id),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: numeric('value', { precision: 16, scale: 4 }).notNull(),
    numerator: numeric('numerator', { precision: 16, scale: 4 }),
    denominator: numeric('denominator', { precision: 16, scale: 4 }),
    breakdown: jsonb('breakdown').$type<Record<string, Record<string, number>>>().notNull().default({}),
    /** manual | metric */
    origin: text('origin').notNull(),
    sourceNote: text('source_note'),
    evidenceDocumentId: uuid('evidence_document_id').references(() => documents.id),
    supersedesId: uuid('supersedes_id'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_values_indicator_idx').on(t.projectIndicatorId, t.measuredOn)],
);

/** A reporting period of a project; frozen (approved) periods keep what was reported. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** otwarty | zamrozony */
    status: text('status').notNull().default('otwarty'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: uuid('frozen_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('reporting_periods_project_idx').on(t.projectId, t.startsOn),
    check('reporting_periods_range_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** What was reported for each indicator when a period was frozen. */
export const reportedValues = pgTable(
  'reported_values',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    projectIndicatorId: uuid('project_indicator_id')
      .notNull()
      .references(() => projectIndicators.id),
    value: numeric('value', { precision: 16, scale: 4 }).notNull(),
    numerator: numeric('numerator', { precision: 16, scale: 4 }),
    denominator: numeric('denominator', { precision: 16, scale: 4 }),
    breakdown: jsonb('breakdown').$type<Record<string, Record<string, number>>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.projectIndicatorId] })],
);
