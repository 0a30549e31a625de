import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachments, cases, persons, planActions } from './cases.js';
import { created, updated } from './columns.js';
import { services } from './cooperation.js';
import { institutions, users } from './identity.js';

/**
 * The client's consent to share data of their case with one recipient institution, for a purpose
 * and a scope of data (DOMAIN.md §6). Withdrawal ends every share that rests on it at once.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    recipientInstitutionId: uuid('recipient_institution_id')
      .notNull()
      .references(() => institutions.id),
    scopes: text('scopes').array().notNull(),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    /** The scan of the signed form: a file of the case (like a signed kontrakt). */
    signedScanId: uuid('signed_scan_id').references(() => attachments.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('consents_case_idx').on(t.caseId),
    index('consents_recipient_idx').on(t.recipientInstitutionId),
  ],
);

/**
 * A member of a case team (ZZK): an institution invited by the lead worker, which names its worker.
 * The basis for sharing is a legal provision (dictionary) or a consent; the scope is what the member
 * institution sees. Access lasts while the membership is active and its basis holds.
 */
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    status: text('status').notNull().default('zaproszony'),
    basis: text('basis').notNull(),
    legalBasis: text('legal_basis'),
    consentId: uuid('consent_id').references(() => consents.id),
    scopes: text('scopes').array().notNull(),
    purpose: text('purpose'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('case_team_members_case_idx').on(t.caseId),
    index('case_team_members_institution_idx').on(t.institutionId, t.status),
    index('case_team_members_user_idx').on(t.userId),
    uniqueIndex('case_team_members_current_uq')
      .on(t.caseId, t.institutionId)
      .where(sql`${t.status} in ('zaproszony', 'aktywny')`),
  ],
);

/**
 * A referral or a request for information / consultation from a case to an institution's inbox
 * (not to a person). The scope and basis say what the receiving institution sees, while it lasts.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    fromInstitutionId: uuid('from_institution_id')
      .notNull()
      .references(() => institutions.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toInstitutionId: uuid('to_institution_id')
      .notNull()
      .references(() => institutions.id),
    serviceId: uuid('service_id').references(() => services.id),
    planActionId: uuid('plan_action_id').references(() => planActions.id),
    reason: text('reason').notNull(),
    urgency: text('urgency').notNull().default('zwykla'),
    expectedBy: date('expected_by', { mode: 'string' }),
    scopes: text('scopes').array().notNull(),
    basis: text('basis').notNull(),
    legalBasis: text('legal_basis'),
    consentId: uuid('consent_id').references(() => consents.id),
    status: text('status').notNull().default('wyslane'),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    outcome: text('outcome'),
    feedback: text('feedback'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('referrals_number_uq').on(t.fromInstitutionId, t.number),
    index('referrals_inbox_idx').on(t.toInstitutionId, t.status, t.createdAt),
    index('referrals_outbox_idx').on(t.fromInstitutionId, t.createdAt),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_assigned_idx').on(t.assignedUserId),
    // The inbox's default view: open referrals of one institution in the order of the list, so that
    // a page is read in order without sorting every open referral (bench/README.md).
    index('referrals_inbox_open_idx')
      .on(
        t.toInstitutionId,
        sql`(case ${t.urgency} when 'pilna' then 0 when 'zwykla' then 1 else 2 end)`,
        t.expectedBy,
        t.createdAt.desc().nullsFirst(),
        t.id,
      )
      .where(sql`${t.status} in ('wyslane', 'przyjete', 'w_realizacji')`),
    // A partnership's referral figures: index-only scans of the members' sent and received referrals.
    index('referrals_from_stats_idx').on(
      t.fromInstitutionId,
      t.toInstitutionId,
      t.status,
      t.createdAt,
      t.respondedAt,
      t.expectedBy,
    ),
    index('referrals_to_stats_idx').on(
      t.toInstitutionId,
      t.fromInstitutionId,
      t.status,
      t.createdAt,
      t.respondedAt,
      t.expectedBy,
    ),
  ],
);

/** Every change of a referral's status, with who and when (response times are measured from it). */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status').notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    actorInstitutionId: uuid('actor_institution_id').references(() => institutions.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

/**
 * Messages on a case: the team thread (referral null) or the thread of one referral between the
 * referring and the receiving worker. Nothing leaves the platform but a notice.
 */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorInstitutionId: uuid('author_institution_id')
      .notNull()
      .references(() => institutions.id),
    body: text('body').notNull(),
    createdAt: created(),
  },
  (t) => [
    index('case_messages_case_idx').on(t.caseId, t.createdAt),
    index('case_messages_referral_idx').on(t.referralId, t.createdAt),
  ],
);

/**
 * In-app notifications. `dedupeKey` makes reminders idempotent: a job that runs twice (two instances,
 * a restart) does not notify twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id),
    kind: text('kind').notNull(),
    /** Parameters of the message text (the UI translates `kind` with them); no special-category data. */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull().default({}),
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    /**
     * Shown in the bell and the list. False for a row kept only as the record of an e-mail notice (the
     * user turned the kind off in the app) or of a daily digest: it is written already read, and its
     * dedupe key keeps a job that runs twice from e-mailing twice.
     */
    inApp: boolean('in_app').notNull().default(true),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

/** Per user and notification kind: in the app, by e-mail notice, or in the daily digest. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** kind → { inApp, email }; a kind not listed uses the default of its dictionary entry. */
  kinds: jsonb('kinds').$type<Record<string, { inApp: boolean; email: boolean }>>().notNull().default({}),
  dailyDigest: boolean('daily_digest').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: updated(),
});
