import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
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
  varchar,
} from 'drizzle-orm/pg-core';
import { persons } from './cases.js';
import { bytea, created, updated } from './columns.js';
import { documents } from './cooperation.js';
import { institutions, users } from './identity.js';
import { programmeNodes, projects } from './projects.js';
import { territorialUnits } from './territory.js';

/**
 * Recruitment and participants of projects (issue "Recruitment and participants"): calls (nabory)
 * with cohorts, eligibility rules and scoring as data, applications (public or on paper), ranking,
 * participants with every SM EFS field, support delivered (group activities with sessions and
 * attendance, individual support, internships, places in flats) and the exit with its follow-up.
 *
 * The dictionaries (labour-market status, ISCED groups, tri-state answers, rule kinds…) and the pure
 * rules (eligibility, scoring, age at entry, the SM EFS columns) live in domain/src/projects/.
 * Money is whole grosze in `bigint`; hours are exact decimals.
 */

/** A call (nabór) of a project: regulations, dates, places, the kinds of application form it takes. */
export const recruitmentCalls = pgTable(
  'recruitment_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** Short public code used in the address of the public form and in confirmation numbers, e.g. "AND-2019". */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The regulations (regulamin naboru) as an uploaded document. */
    regulationsDocumentId: uuid('regulations_document_id').references(() => documents.id),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    placesTotal: integer('places_total').notNull(),
    /** Which application forms the call takes: wsparcie | dzialania | doradztwo (domain `applicationFormKinds`). */
    formKinds: jsonb('form_kinds').$type<string[]>().notNull().default(['wsparcie']),
    /** Extra questions of the form: [{ key, label, type: tekst|tak_nie|wybor, options?, required, formKinds? }]. */
    questions: jsonb('questions').$type<Record<string, unknown>[]>().notNull().default([]),
    /** Information clauses and consents shown on the form, each with its legal basis (RODO art. 6 / 9). */
    clauses: jsonb('clauses').$type<Record<string, unknown>[]>().notNull().default([]),
    /** projekt | otwarty | zamkniety | rozstrzygniety */
    status: text('status').notNull().default('projekt'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('recruitment_calls_code_uq').on(t.code),
    index('recruitment_calls_project_idx').on(t.projectId),
    check('recruitment_calls_dates_ck', sql`${t.closesAt} > ${t.opensAt}`),
    check('recruitment_calls_places_ck', sql`${t.placesTotal} >= 0`),
  ],
);

/**
 * A cohort of a call (e.g. "2019 — osoby z niepełnosprawnościami"): its places, the eligibility rules
 * and scoring criteria as data (domain `eligibilityRuleSchema`, `scoringCriterionSchema`) and the rule
 * that breaks ties in its ranking.
 */
export const recruitmentCohorts = pgTable(
  'recruitment_cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => recruitmentCalls.id),
    name: text('name').notNull(),
    year: integer('year'),
    places: integer('places').notNull(),
    reservePlaces: integer('reserve_places').notNull().default(0),
    eligibilityRules: jsonb('eligibility_rules').$type<Record<string, unknown>[]>().notNull().default([]),
    scoringCriteria: jsonb('scoring_criteria').$type<Record<string, unknown>[]>().notNull().default([]),
    /** kolejnosc_zgloszen | starszy_wiek | mlodszy_wiek (domain `tieBreakRules`) */
    tieBreak: text('tie_break').notNull().default('kolejnosc_zgloszen'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('recruitment_cohorts_call_idx').on(t.callId, t.sortOrder),
    check('recruitment_cohorts_places_ck', sql`${t.places} >= 0 and ${t.reservePlaces} >= 0`),
  ],
);

/**
 * An application (zgłoszenie) to a call: sent from the public form or entered from paper by staff.
 * It holds the applicant's data as declared; a person record is made or matched only at enrolment.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => recruitmentCalls.id),
    cohortId: uuid('cohort_id').references(() => recruitmentCohorts.id),
    /** The confirmation number given to the applicant, e.g. "AND-2019/0042". */
    number: text('number').notNull(),
    /** A token made by the form before sending: a repeated send returns the same application. */
    clientToken: text('client_token'),
    /** SHA-256 of the secret the public form gets back to download its PDF copy (never the secret). */
    receiptTokenHash: text('receipt_token_hash'),
    /** wsparcie | dzialania | doradztwo */
    formKind: text('form_kind').notNull(),
    /** online | papier */
    channel: text('channel').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    pesel: varchar('pesel', { length: 11 }),
    noPesel: boolean('no_pesel').notNull().default(false),
    otherId: text('other_id'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: char('sex', { length: 1 }).notNull(),
    citizenship: text('citizenship').notNull().default('polskie'),
    teryt: varchar('teryt', { length: 7 }).references(() => territorialUnits.teryt),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    /** ISCED group (domain `iscedGroups`). */
    education: text('education'),
    /** Labour-market status (domain `labourStatuses`). */
    labourStatus: text('labour_status'),
    /** Tri-state answers (tak | nie | odmowa) of the characteristics the rules use. */
    disability: text('disability'),
    /** Grounds of the risk of poverty or social exclusion (domain `povertyGrounds`). */
    povertyGrounds: jsonb('poverty_grounds').$type<string[]>().notNull().default([]),
    /** When the applicant left (or still stays: null with `inInstitution`) a 24-hour institution (9.1.3). */
    inInstitution: boolean('in_institution').notNull().default(false),
    institutionLeftOn: date('institution_left_on', { mode: 'string' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** [{ key, given, at }] — consents and declarations as the applicant gave them. */
    consents: jsonb('consents').$type<Record<string, unknown>[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** zlozone | w_weryfikacji | zakwalifikowane | rezerwa | odrzucone | wycofane | przyjete */
    status: text('status').notNull().default('zlozone'),
    /** The last automatic check: { eligible, reasons: [{ rule, ok, code, params }] }. */
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>(),
    score: integer('score'),
    /** [{ name, received }] */
    missingDocuments: jsonb('missing_documents').$type<Record<string, unknown>[]>().notNull().default([]),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    enteredBy: uuid('entered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('applications_number_uq').on(t.number),
    uniqueIndex('applications_client_token_uq')
      .on(t.callId, t.clientToken)
      .where(sql`${t.clientToken} is not null`),
    index('applications_call_idx').on(t.callId, t.status),
    index('applications_cohort_idx').on(t.cohortId),
    index('applications_pesel_idx').on(t.pesel),
    check('applications_sex_ck', sql`${t.sex} in ('K', 'M')`),
    check('applications_pesel_ck', sql`${t.pesel} is not null or ${t.noPesel}`),
  ],
);

/** Sends from the public form per client address and minute: a flood is slowed, never lost silently. */
export const applicationThrottle = pgTable('application_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull().default(0),
});

/** DEGURBA (degree of urbanisation: 1 cities, 2 towns and suburbs, 3 rural areas) per gmina, imported. */
export const degurbaUnits = pgTable(
  'degurba_units',
  {
    teryt: varchar('teryt', { length: 7 })
      .primaryKey()
      .references(() => territorialUnits.teryt),
    degurba: integer('degurba').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('degurba_units_ck', sql`${t.degurba} in (1, 2, 3)`)],
);

/**
 * A participant of a project: a person of the leader's registry with the SM EFS data at entry
 * (locked age at entry, education, address with DEGURBA, labour-market status, tri-state sensitive
 * characteristics), and the exit with its results and the six-month follow-up.
 */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    applicationId: uuid('application_id').references(() => applications.id),
    cohortId: uuid('cohort_id').references(() => recruitmentCohorts.id),
    /** The technical identifier in the SM EFS export, stable for the project: e.g. "AND-2019/0042". */
    technicalId: text('technical_id').notNull(),
    /** indywidualny | pracownik_instytucji (SM EFS "Rodzaj uczestnika") */
    participantType: text('participant_type').notNull().default('indywidualny'),
    /** For a participant who is an institution's employee: the institution's name. */
    institutionName: text('institution_name'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    /** Computed from the birth date at `joinedOn` and locked (never recomputed). */
    ageAtEntry: integer('age_at_entry').notNull(),
    sex: char('sex', { length: 1 }).notNull(),
    education: text('education').notNull(),
    citizenship: text('citizenship').notNull().default('polskie'),
    country: text('country').notNull().default('Polska'),
    teryt: varchar('teryt', { length: 7 }).references(() => territorialUnits.teryt),
    city: text('city'),
    postalCode: text('postal_code'),
    /** 1 | 2 | 3 — from `degurba_units`, or entered by staff while that table has no row. */
    degurba: integer('degurba'),
    phone: text('phone'),
    email: text('email'),
    labourStatus: text('labour_status').notNull(),
    /** SM EFS "w tym": e.g. osoba długotrwale bezrobotna, osoba ucząca się (domain `labourStatusDetails`). */
    labourStatusDetail: text('labour_status_detail'),
    /** tak | nie | odmowa */
    disability: text('disability').notNull(),
    foreignOrigin: text('foreign_origin').notNull(),
    thirdCountry: text('third_country').notNull(),
    minority: text('minority').notNull(),
    homeless: text('homeless').notNull(),
    /** aktywny | zakonczony | przerwany */
    status: text('status').notNull().default('aktywny'),
    leftOn: date('left_on', { mode: 'string' }),
    /** The situation on leaving (domain `exitSituations`), several allowed. */
    exitSituation: jsonb('exit_situation').$type<string[]>().notNull().default([]),
    completedPath: boolean('completed_path'),
    /** Results on leaving: szuka_pracy | ksztalci_sie | kwalifikacje | pracuje (domain `exitResults`). */
    exitResults: jsonb('exit_results').$type<string[]>().notNull().default([]),
    followUpDueOn: date('follow_up_due_on', { mode: 'string' }),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    /** pracuje | samozatrudnienie | lepsza_sytuacja | bez_zmian | brak_kontaktu */
    followUpResult: jsonb('follow_up_result').$type<string[]>().notNull().default([]),
    contractDocumentId: uuid('contract_document_id').references(() => documents.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('participants_project_person_uq').on(t.projectId, t.personId),
    uniqueIndex('participants_technical_id_uq').on(t.projectId, t.technicalId),
    index('participants_person_idx').on(t.personId),
    index('participants_project_status_idx').on(t.projectId, t.status),
    index('participants_follow_up_idx').on(t.followUpDueOn).where(sql`${t.followUpOn} is null`),
    check('participants_sex_ck', sql`${t.sex} in ('K', 'M')`),
    check('participants_age_ck', sql`${t.ageAtEntry} >= 0 and ${t.ageAtEntry} < 130`),
    check('participants_left_ck', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
    check(
      'participants_tristate_ck',
      sql`${t.disability} in ('tak', 'nie', 'odmowa') and ${t.foreignOrigin} in ('tak', 'nie', 'odmowa')
        and ${t.thirdCountry} in ('tak', 'nie', 'odmowa') and ${t.minority} in ('tak', 'nie', 'odmowa')
        and ${t.homeless} in ('tak', 'nie', 'odmowa')`,
    ),
  ],
);

/**
 * A form of support the project delivers: a group activity (training, workshop) with sessions, an
 * individual support (counselling, therapy, assistant services), an internship, or a place in a
 * training/supported flat. Its type must be allowed by the project's sub-action (`supportTypeId`).
 */
export const supportActivities = pgTable(
  'support_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** grupowe | indywidualne | staz | mieszkanie */
    kind: text('kind').notNull(),
    /** The catalogue node (kind `typ_wsparcia`) this support belongs to. */
    supportTypeId: uuid('support_type_id').references(() => programmeNodes.id),
    name: text('name').notNull(),
    description: text('description'),
    place: text('place'),
    providerInstitutionId: uuid('provider_institution_id').references(() => institutions.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Places (group size, flat places); null without a limit. */
    capacity: integer('capacity'),
    /** Internships: the employer. */
    employer: text('employer'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('support_activities_project_idx').on(t.projectId, t.kind),
    check('support_activities_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A session of a group activity in its schedule. */
export const supportSessions = pgTable(
  'support_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => supportActivities.id),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time'),
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull(),
    topic: text('topic'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [index('support_sessions_activity_idx').on(t.activityId, t.date)],
);

/**
 * A participant's episode of one form of support, with its own start and end (SM EFS "Data
 * rozpoczęcia udziału we wsparciu"). Individual support records its hours here; an internship its
 * hours and stipend; a flat place its stay.
 */
export const supportEpisodes = pgTable(
  'support_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => supportActivities.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    hours: numeric('hours', { precision: 8, scale: 2 }),
    stipend: bigint('stipend', { mode: 'number' }),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('support_episodes_activity_idx').on(t.activityId, t.startsOn),
    index('support_episodes_participant_idx').on(t.participantId),
    check('support_episodes_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('support_episodes_stipend_ck', sql`${t.stipend} is null or ${t.stipend} >= 0`),
  ],
);

/** Attendance of a participant at a session (the attendance list filled in the app). */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supportSessions.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    present: boolean('present').notNull(),
    /** Hours attended; defaults to the session's hours when present. */
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull().default('0'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('session_attendance_participant_idx').on(t.participantId),
  ],
);

/**
 * An SM EFS import of a project (docs/smefs.md): the uploaded file (CSV or XLSX) kept until it is
 * saved, the per-row problems found by validation, and the progress of validation and saving.
 * Nothing reaches `participants` until a coordinator confirms; saving is all-or-nothing.
 */
export const smefsImports = pgTable(
  'smefs_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    filename: text('filename').notNull(),
    /** csv | xlsx */
    format: text('format').notNull(),
    /** walidacja | gotowy | bledy | zapisywanie | zapisany | niepowodzenie */
    status: text('status').notNull().default('walidacja'),
    rowCount: integer('row_count').notNull().default(0),
    /** Rows validated (or saved) so far: the progress bar. */
    processed: integer('processed').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    /** [{ row, column, code, params }] in row order, capped; `error_rows` counts them all. */
    errors: jsonb('errors').$type<Record<string, unknown>[]>().notNull().default([]),
    /** Notices about the file as a whole and, once saved, what was written. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    /** The file as uploaded; cleared once saved. */
    payload: bytea('payload'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('smefs_imports_project_idx').on(t.projectId, t.createdAt),
    check('smefs_imports_format_ck', sql`${t.format} in ('csv', 'xlsx')`),
  ],
);
