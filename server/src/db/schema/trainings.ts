import { sql } from 'drizzle-orm';
import {
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
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { created, updated } from './columns.js';
import { documents } from './cooperation.js';
import { institutions, users } from './identity.js';
import { projects } from './projects.js';

/**
 * The training platform for staff (docs/trainings.md): trainings of an organiser institution,
 * their editions and sessions, learners (staff, with or without an account), registrations with the
 * head's approval and a waiting list, attendance, the question bank and test attempts, certificates
 * with a verification code, e-learning lessons and each learner's progress.
 */
export const trainings = pgTable(
  'trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organiserInstitutionId: uuid('organiser_institution_id')
      .notNull()
      .references(() => institutions.id),
    title: text('title').notNull(),
    form: text('form').notNull(),
    topic: text('topic').notNull(),
    description: text('description'),
    targetStaff: text('target_staff').array().notNull().default(sql`'{}'::text[]`),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    trainers: text('trainers').array().notNull().default(sql`'{}'::text[]`),
    projectId: uuid('project_id').references(() => projects.id),
    passThreshold: integer('pass_threshold').notNull().default(70),
    issuesCertificate: boolean('issues_certificate').notNull().default(true),
    minAttendancePercent: integer('min_attendance_percent').notNull().default(80),
    status: text('status').notNull().default('szkic'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('trainings_organiser_idx').on(t.organiserInstitutionId),
    index('trainings_project_idx').on(t.projectId),
    check('trainings_status_ck', sql`${t.status} in ('szkic', 'opublikowane', 'zarchiwizowane')`),
    check('trainings_pass_ck', sql`${t.passThreshold} between 1 and 100`),
  ],
);

export const trainingEditions = pgTable(
  'training_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    mode: text('mode').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    registrationClosesOn: date('registration_closes_on', { mode: 'string' }),
    requiresApproval: boolean('requires_approval').notNull().default(true),
    status: text('status').notNull().default('planowana'),
    /** The day the reminder to confirmed learners went out (once per edition). */
    remindedOn: date('reminded_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('training_editions_training_idx').on(t.trainingId, t.startsOn),
    check('training_editions_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_editions_capacity_ck', sql`${t.capacity} > 0`),
    check('training_editions_status_ck', sql`${t.status} in ('planowana', 'odwolana')`),
  ],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => trainingEditions.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    topic: text('topic'),
  },
  (t) => [index('training_sessions_edition_idx').on(t.editionId, t.heldOn)],
);

/**
 * A member of staff who learns: linked to their user account when they have one (self-registration),
 * or entered by their institution. Their institution gives the type and the gmina of the indicators.
 */
export const trainingLearners = pgTable(
  'training_learners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    position: text('position'),
    sex: text('sex').notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('training_learners_user_institution_uq')
      .on(t.userId, t.institutionId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('training_learners_email_institution_uq')
      .on(sql`lower(${t.email})`, t.institutionId)
      .where(sql`${t.email} is not null`),
    index('training_learners_institution_idx').on(t.institutionId),
    check('training_learners_sex_ck', sql`${t.sex} in ('k', 'm', 'n')`),
  ],
);

export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => trainingEditions.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => trainingLearners.id),
    status: text('status').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    reason: text('reason'),
    version: integer('version').notNull().default(1),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('training_registrations_learner_uq').on(t.editionId, t.learnerId),
    index('training_registrations_learner_idx').on(t.learnerId),
    index('training_registrations_status_idx').on(t.editionId, t.status, t.registeredAt),
    check(
      'training_registrations_status_ck',
      sql`${t.status} in ('do_akceptacji', 'potwierdzona', 'rezerwowa', 'odrzucona', 'wycofana')`,
    ),
  ],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => trainingRegistrations.id),
    present: boolean('present').notNull(),
    markedBy: uuid('marked_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.registrationId] }),
    index('training_attendance_registration_idx').on(t.registrationId),
  ],
);

/** The question bank of a training; the tests before and after draw the active questions. */
export const trainingQuestions = pgTable(
  'training_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** [{ id, text, correct }] */
    options: jsonb('options').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('training_questions_training_idx').on(t.trainingId, t.position),
    check('training_questions_kind_ck', sql`${t.kind} in ('jednokrotny', 'wielokrotny')`),
  ],
);

/** A test taken: online (answers kept) or on paper (entered by the organiser, percent only). */
export const trainingTestAttempts = pgTable(
  'training_test_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => trainingRegistrations.id),
    kind: text('kind').notNull(),
    answers: jsonb('answers'),
    points: integer('points'),
    maxPoints: integer('max_points'),
    percent: integer('percent').notNull(),
    passed: boolean('passed').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    onPaper: boolean('on_paper').notNull().default(false),
    createdAt: created(),
  },
  (t) => [
    index('training_test_attempts_registration_idx').on(t.registrationId, t.kind),
    check('training_test_attempts_kind_ck', sql`${t.kind} in ('wstepny', 'koncowy')`),
  ],
);

export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => trainingRegistrations.id),
    code: text('code').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokedReason: text('revoked_reason'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('training_certificates_code_uq').on(t.code),
    uniqueIndex('training_certificates_registration_uq').on(t.registrationId),
  ],
);

export const trainingLessons = pgTable(
  'training_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    body: text('body'),
    videoUrl: text('video_url'),
    altText: text('alt_text'),
    documentId: uuid('document_id').references(() => documents.id),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('training_lessons_training_idx').on(t.trainingId, t.position),
    check('training_lessons_kind_ck', sql`${t.kind} in ('tekst', 'obraz', 'wideo', 'plik')`),
  ],
);

export const trainingLessonProgress = pgTable(
  'training_lesson_progress',
  {
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => trainingLessons.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => trainingLearners.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.learnerId] }),
    index('training_lesson_progress_learner_idx').on(t.learnerId),
  ],
);
