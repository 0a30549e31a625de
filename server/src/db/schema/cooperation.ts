import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { cases } from './cases.js';
import { bytea, created, updated } from './columns.js';
import { institutions, users } from './identity.js';
import { territorialUnits } from './territory.js';

/**
 * A file that belongs to an institution's own records rather than to a case: the signed scan of a
 * cooperation agreement, of a consent form. Content is checked by its bytes before it is stored.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
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
  (t) => [index('documents_institution_idx').on(t.institutionId)],
);

/**
 * A partnership (PZK, a regional team, a gmina–powiat team): the institution dimension of the
 * cooperation model. The role vocabulary is data of the partnership (models name roles differently).
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    teryt: varchar('teryt', { length: 7 })
      .notNull()
      .references(() => territorialUnits.teryt),
    leaderInstitutionId: uuid('leader_institution_id')
      .notNull()
      .references(() => institutions.id),
    strategicPartnerInstitutionId: uuid('strategic_partner_institution_id').references(() => institutions.id),
    animatorUserId: uuid('animator_user_id').references(() => users.id),
    /** Role key → { pl, en } label; starts from the model's vocabulary and may be edited. */
    roleVocabulary: jsonb('role_vocabulary').$type<Record<string, { pl: string; en: string }>>().notNull(),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    status: text('status').notNull().default('tworzone'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('partnerships_teryt_idx').on(t.teryt),
    index('partnerships_leader_idx').on(t.leaderInstitutionId),
    index('partnerships_status_idx').on(t.status),
  ],
);

export const partnershipMembers = pgTable(
  'partnership_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    role: text('role').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('partnership_members_current_uq')
      .on(t.partnershipId, t.institutionId)
      .where(sql`${t.leftOn} is null`),
    index('partnership_members_institution_idx').on(t.institutionId),
  ],
);

/** Porozumienie o współpracy: parties, scope, signatories, dates, status, the signed scan. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    number: text('number'),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    status: text('status').notNull().default('projekt'),
    concludedIn: text('concluded_in'),
    signedOn: date('signed_on', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    terminatedOn: date('terminated_on', { mode: 'string' }),
    signedScanId: uuid('signed_scan_id').references(() => documents.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('agreements_partnership_idx').on(t.partnershipId)],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    signatoryName: text('signatory_name'),
    signatoryPosition: text('signatory_position'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.institutionId] }),
    index('agreement_parties_institution_idx').on(t.institutionId),
  ],
);

/**
 * A meeting of a partnership (PZK) or of a case team (ZZK): exactly one of the two. Minutes of a
 * case-team meeting are case data and follow the case's need-to-know.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    caseId: uuid('case_id').references(() => cases.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    decisions: text('decisions'),
    status: text('status').notNull().default('zaplanowane'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('meetings_partnership_idx').on(t.partnershipId, t.startsAt),
    index('meetings_case_idx').on(t.caseId, t.startsAt),
    check('meetings_owner_ck', sql`(${t.partnershipId} is null) <> (${t.caseId} is null)`),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    invited: boolean('invited').notNull().default(true),
    present: boolean('present'),
  },
  (t) => [
    index('meeting_attendees_meeting_idx').on(t.meetingId),
    index('meeting_attendees_user_idx').on(t.userId),
  ],
);

/** A decision's action item: owner institution and person, deadline; it is a task of its owner. */
export const meetingActionItems = pgTable(
  'meeting_action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    description: text('description').notNull(),
    ownerInstitutionId: uuid('owner_institution_id')
      .notNull()
      .references(() => institutions.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerName: text('owner_name'),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    doneBy: uuid('done_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    index('meeting_action_items_meeting_idx').on(t.meetingId),
    index('meeting_action_items_owner_user_idx').on(t.ownerUserId),
    index('meeting_action_items_owner_institution_idx').on(t.ownerInstitutionId),
  ],
);

/**
 * The resource map / catalogue of services: what an institution offers, to whom, how to refer.
 * Public within the platform (any logged-in user with `institutions.read`): it holds no personal
 * data beyond a work contact.
 */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    name: text('name').notNull(),
    serviceType: text('service_type').notNull(),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    eligibility: text('eligibility'),
    capacity: integer('capacity'),
    freePlaces: integer('free_places'),
    hours: text('hours'),
    howToRefer: text('how_to_refer'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** Where the service is delivered (gmina); defaults to the institution's. */
    teryt: varchar('teryt', { length: 7 })
      .notNull()
      .references(() => territorialUnits.teryt),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
    nameSearch: text('name_search').generatedAlwaysAs(
      sql`search_text(name || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    index('services_institution_idx').on(t.institutionId),
    index('services_teryt_idx').on(t.teryt),
    index('services_type_idx').on(t.serviceType),
    index('services_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    check('services_places_ck', sql`${t.freePlaces} is null or ${t.freePlaces} >= 0`),
  ],
);
