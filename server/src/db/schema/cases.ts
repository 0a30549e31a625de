import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { bytea, created, updated } from './columns.js';
import { institutions, users } from './identity.js';
import { territorialUnits } from './territory.js';

/**
 * A person in the registry of one institution. Each institution is the controller of its clients'
 * data (RODO), so the registry is per institution; partners reach a person only through a case
 * shared with them.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    pesel: varchar('pesel', { length: 11 }),
    otherIdType: text('other_id_type'),
    otherIdNumber: text('other_id_number'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: char('sex', { length: 1 }).notNull(),
    citizenship: text('citizenship').notNull().default('polskie'),
    teryt: varchar('teryt', { length: 7 }).references(() => territorialUnits.teryt),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
    /** Set when this record was merged into another: it is then hidden and read-only. */
    mergedInto: uuid('merged_into'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
    nameSearch: text('name_search').generatedAlwaysAs(sql`search_text(first_name || ' ' || last_name)`),
  },
  (t) => [
    uniqueIndex('persons_pesel_uq')
      .on(t.institutionId, t.pesel)
      .where(sql`${t.pesel} is not null and ${t.mergedInto} is null`),
    index('persons_pesel_idx').on(t.pesel),
    // Every search runs within one institution: institution and name in one GIN index (btree_gin).
    index('persons_institution_name_trgm_idx').using(
      'gin',
      t.institutionId,
      sql`${t.nameSearch} gin_trgm_ops`,
    ),
    index('persons_created_by_idx').on(t.createdBy),
    index('persons_institution_birth_idx').on(t.institutionId, t.birthDate),
    check('persons_sex_ck', sql`${t.sex} in ('K', 'M')`),
  ],
);

/** Special-category data (RODO art. 9), apart from the person so that it is never read by accident. */
export const personSensitive = pgTable('person_sensitive', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id),
  disabilityLevel: text('disability_level'),
  disabilityUntil: date('disability_until', { mode: 'string' }),
  health: text('health'),
  addiction: text('addiction'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updated(),
});

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    name: text('name').notNull(),
    teryt: varchar('teryt', { length: 7 }).references(() => territorialUnits.teryt),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('households_institution_idx').on(t.institutionId),
    index('households_created_by_idx').on(t.createdBy),
  ],
);

/** Membership history: a person belongs to at most one household at a time (open `to_date`). */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('household_members_current_uq').on(t.personId).where(sql`${t.toDate} is null`),
    index('household_members_household_idx').on(t.householdId),
  ],
);

export const caseCounters = pgTable(
  'case_counters',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.year] })],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    number: text('number').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    leadWorkerId: uuid('lead_worker_id')
      .notNull()
      .references(() => users.id),
    source: text('source').notNull(),
    sourceDetails: text('source_details'),
    status: text('status').notNull().default('zgloszenie'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closureReason: text('closure_reason'),
    outcomeSummary: text('outcome_summary'),
    summary: text('summary'),
    /**
     * A Niebieska Karta procedure is under way for the family (date it was opened). Never shared
     * through a team or a referral: only the lead worker's institution sees the flag.
     */
    blueCardSince: date('blue_card_since', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.institutionId, t.number),
    index('cases_institution_status_idx').on(t.institutionId, t.status),
    index('cases_lead_idx').on(t.leadWorkerId),
    index('cases_person_idx').on(t.personId),
    index('cases_household_idx').on(t.householdId),
    check('cases_subject_ck', sql`(${t.personId} is null) <> (${t.householdId} is null)`),
  ],
);

export const caseWorkers = pgTable(
  'case_workers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: created(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_workers_user_idx').on(t.userId)],
);

export const caseReasons = pgTable(
  'case_reasons',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    code: text('code').notNull(),
    main: boolean('main').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.code] }),
    uniqueIndex('case_reasons_main_uq').on(t.caseId).where(sql`${t.main}`),
    index('case_reasons_code_idx').on(t.code),
  ],
);

/** Versioned diagnosis: an update inserts the next version; earlier ones stay readable. */
export const diagnoses = pgTable(
  'diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    versionNo: integer('version_no').notNull(),
    areas: jsonb('areas').$type<Record<string, string | null>>().notNull(),
    interview: jsonb('interview').$type<Record<string, string | null>>().notNull(),
    conclusions: text('conclusions'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: created(),
  },
  (t) => [uniqueIndex('diagnoses_case_version_uq').on(t.caseId, t.versionNo)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: created(),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    variant: text('variant'),
    title: text('title'),
    assessment: text('assessment'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    reviewDates: date('review_dates', { mode: 'string' }).array().notNull().default(sql`'{}'`),
    status: text('status').notNull().default('projekt'),
    workerSignedOn: date('worker_signed_on', { mode: 'string' }),
    clientSignedOn: date('client_signed_on', { mode: 'string' }),
    signedScanId: uuid('signed_scan_id').references(() => attachments.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('plans_case_idx').on(t.caseId)],
);

export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('plan_goals_plan_idx').on(t.planId)],
);

export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => planGoals.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    party: text('party').notNull(),
    responsibleInstitutionId: uuid('responsible_institution_id').references(() => institutions.id),
    responsiblePerson: text('responsible_person'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('zaplanowane'),
    completedOn: date('completed_on', { mode: 'string' }),
  },
  (t) => [
    index('plan_actions_plan_idx').on(t.planId),
    index('plan_actions_responsible_user_idx').on(t.responsibleUserId),
  ],
);

/** Every saved state of a plan, readable later ("versions"). */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    at: created(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

export const timelineEntries = pgTable(
  'timeline_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** Narrows who sees it: the author, the lead worker and supervisors. */
    sensitive: boolean('sensitive').notNull().default(false),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: created(),
  },
  (t) => [index('timeline_case_time_idx').on(t.caseId, t.occurredAt.desc())],
);

export const timelineAttachments = pgTable(
  'timeline_attachments',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => timelineEntries.id),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.attachmentId] })],
);
