import type {
  Application,
  ApplicationSummary,
  Call,
  Clause,
  Cohort,
  EligibilityRule,
  Question,
  RecruitmentAbilities,
  ScoringCriterion,
  TieBreakRule,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { validationFailed } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';

/**
 * Reads of the recruitment capability. Calls and cohorts are no personal data (their counts are
 * aggregates); applications are, and every route reading them writes an audit entry.
 */

export const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)).toISOString());
const isoDate = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/** A validation failure with several field errors (every broken rule at once). */
export { validationFailed };

export interface CallRow {
  id: string;
  projectId: string;
  code: string;
  name: string;
  description: string | null;
  opensAt: string;
  closesAt: string;
  placesTotal: number;
  formKinds: Call['formKinds'];
  questions: Question[];
  clauses: Clause[];
  status: Call['status'];
  regulationsDocumentId: string | null;
  regulationsFilename: string | null;
  regulationsSize: number | null;
  acceptsApplications: boolean;
  version: number;
}

export interface CohortRow {
  id: string;
  callId: string;
  name: string;
  year: number | null;
  places: number;
  reservePlaces: number;
  eligibilityRules: EligibilityRule[];
  scoringCriteria: ScoringCriterion[];
  tieBreak: TieBreakRule;
  sortOrder: number;
  version: number;
}

const callColumns = sql`c.id, c.project_id as "projectId", c.code, c.name, c.description, c.opens_at as "opensAt",
  c.closes_at as "closesAt", c.places_total as "placesTotal", c.form_kinds as "formKinds", c.questions, c.clauses,
  c.status, c.regulations_document_id as "regulationsDocumentId", d.filename as "regulationsFilename",
  d.size as "regulationsSize",
  (c.status = 'otwarty' and now() >= c.opens_at and now() < c.closes_at) as "acceptsApplications", c.version`;

export async function loadCallRows(db: DbOrTx, where: SQL): Promise<CallRow[]> {
  const rows = await queryRows<CallRow>(
    db,
    sql`select ${callColumns} from recruitment_calls c left join documents d on d.id = c.regulations_document_id
        where ${where} order by c.opens_at desc, c.code`,
  );
  return rows.map((r) => ({
    ...r,
    opensAt: iso(r.opensAt) as string,
    closesAt: iso(r.closesAt) as string,
    acceptsApplications: !!r.acceptsApplications,
  }));
}

/** A call of the project (optionally locked for the change's transaction), or null. */
export async function findCall(
  db: DbOrTx,
  projectId: string,
  callId: string,
  opts: { lock?: boolean } = {},
): Promise<CallRow | null> {
  if (opts.lock) await db.execute(sql`select id from recruitment_calls where id = ${callId} for update`);
  const [row] = await loadCallRows(db, sql`c.project_id = ${projectId} and c.id = ${callId}`);
  return row ?? null;
}

export async function loadCohortRows(db: DbOrTx, callIds: string[]): Promise<CohortRow[]> {
  if (!callIds.length) return [];
  return queryRows<CohortRow>(
    db,
    sql`select id, call_id as "callId", name, year, places, reserve_places as "reservePlaces",
          eligibility_rules as "eligibilityRules", scoring_criteria as "scoringCriteria", tie_break as "tieBreak",
          sort_order as "sortOrder", version
        from recruitment_cohorts where call_id in ${callIds} order by sort_order, created_at, id`,
  );
}

async function statusCounts(db: DbOrTx, callIds: string[]) {
  if (!callIds.length) return [];
  return queryRows<{ callId: string; cohortId: string | null; status: string; n: number }>(
    db,
    sql`select call_id as "callId", cohort_id as "cohortId", status, count(*)::int as n
        from applications where call_id in ${callIds} group by call_id, cohort_id, status`,
  );
}

const add = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};

/** Calls with their cohorts and the number of applications by status (aggregates only). */
export async function loadCalls(
  db: DbOrTx,
  projectId: string,
  abilities: RecruitmentAbilities,
  callId?: string,
): Promise<Call[]> {
  const calls = await loadCallRows(
    db,
    callId ? sql`c.project_id = ${projectId} and c.id = ${callId}` : sql`c.project_id = ${projectId}`,
  );
  const ids = calls.map((c) => c.id);
  const [cohorts, counts] = await Promise.all([loadCohortRows(db, ids), statusCounts(db, ids)]);
  return calls.map((c) => {
    const callCounts: Record<string, number> = {};
    for (const r of counts) if (r.callId === c.id) add(callCounts, r.status, r.n);
    return {
      id: c.id,
      projectId: c.projectId,
      code: c.code,
      name: c.name,
      description: c.description,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      placesTotal: c.placesTotal,
      formKinds: c.formKinds,
      questions: c.questions,
      clauses: c.clauses,
      status: c.status,
      acceptsApplications: c.acceptsApplications,
      regulations: c.regulationsDocumentId
        ? { filename: c.regulationsFilename ?? '', size: Number(c.regulationsSize ?? 0) }
        : null,
      cohorts: cohorts
        .filter((h) => h.callId === c.id)
        .map((h): Cohort => {
          const cohortCounts: Record<string, number> = {};
          for (const r of counts) if (r.cohortId === h.id) add(cohortCounts, r.status, r.n);
          return { ...h, counts: cohortCounts };
        }),
      counts: callCounts,
      total: Object.values(callCounts).reduce((s, n) => s + n, 0),
      version: c.version,
      abilities,
    };
  });
}

// ————— Applications —————

export interface ApplicationRow {
  id: string;
  projectId: string;
  callId: string;
  callCode: string;
  callName: string;
  cohortId: string | null;
  cohortName: string | null;
  number: string;
  formKind: Application['formKind'];
  channel: Application['channel'];
  firstName: string;
  lastName: string;
  pesel: string | null;
  noPesel: boolean;
  otherId: string | null;
  birthDate: string;
  sex: 'K' | 'M';
  citizenship: string;
  teryt: string | null;
  terytName: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  education: Application['education'];
  labourStatus: Application['labourStatus'];
  disability: Application['disability'];
  povertyGrounds: Application['povertyGrounds'];
  inInstitution: boolean;
  institutionLeftOn: string | null;
  answers: Application['answers'];
  consents: Application['consents'];
  submittedAt: string;
  status: Application['status'];
  eligibility: Application['eligibility'];
  score: number | null;
  missingDocuments: Application['missingDocuments'];
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  enteredBy: string | null;
  version: number;
}

const applicationColumns = sql`a.id, c.project_id as "projectId", a.call_id as "callId", c.code as "callCode",
  c.name as "callName", a.cohort_id as "cohortId", h.name as "cohortName", a.number, a.form_kind as "formKind",
  a.channel, a.first_name as "firstName", a.last_name as "lastName", a.pesel, a.no_pesel as "noPesel",
  a.other_id as "otherId", a.birth_date::text as "birthDate", a.sex, a.citizenship, a.teryt, tu.name as "terytName",
  a.street, a.postal_code as "postalCode", a.city, a.phone, a.email, a.education, a.labour_status as "labourStatus",
  a.disability, a.poverty_grounds as "povertyGrounds", a.in_institution as "inInstitution",
  a.institution_left_on::text as "institutionLeftOn", a.answers, a.consents, a.submitted_at as "submittedAt",
  a.status, a.eligibility, a.score, a.missing_documents as "missingDocuments", a.decision_reason as "decisionReason",
  nullif(trim(coalesce(du.first_name, '') || ' ' || coalesce(du.last_name, '')), '') as "decidedBy",
  a.decided_at as "decidedAt",
  nullif(trim(coalesce(eu.first_name, '') || ' ' || coalesce(eu.last_name, '')), '') as "enteredBy", a.version`;

export async function loadApplicationRows(db: DbOrTx, where: SQL): Promise<ApplicationRow[]> {
  const rows = await queryRows<ApplicationRow>(
    db,
    sql`select ${applicationColumns}
        from applications a join recruitment_calls c on c.id = a.call_id
        left join recruitment_cohorts h on h.id = a.cohort_id
        left join territorial_units tu on tu.teryt = a.teryt
        left join users du on du.id = a.decided_by
        left join users eu on eu.id = a.entered_by
        where ${where}`,
  );
  return rows.map((r) => {
    const submittedAt = iso(r.submittedAt) as string;
    return {
      ...r,
      submittedAt,
      decidedAt: iso(r.decidedAt),
      birthDate: isoDate(r.birthDate) as string,
      institutionLeftOn: isoDate(r.institutionLeftOn),
      eligibility: normaliseCheck(r.eligibility, r.score, submittedAt),
      consents: (r.consents ?? []).map((c) => ({ ...c, at: c.at ?? submittedAt })),
    };
  });
}

/**
 * A stored check as the API shows it. Rows written elsewhere (the demo, an import) may hold only
 * `{ eligible, reasons }`: the points then come from the `score` column and the day from the
 * application.
 */
function normaliseCheck(
  e: Partial<NonNullable<Application['eligibility']>> | null,
  score: number | null,
  submittedAt: string,
): Application['eligibility'] {
  if (!e) return null;
  return {
    eligible: !!e.eligible,
    reasons: e.reasons ?? [],
    scoring: e.scoring ?? { total: score ?? 0, items: [] },
    onDate: e.onDate ?? warsawToday(new Date(submittedAt)),
    checkedAt: e.checkedAt ?? submittedAt,
  };
}

/** An application of the project, or null (also for one of another project). */
export async function findApplication(
  db: DbOrTx,
  projectId: string,
  applicationId: string,
): Promise<ApplicationRow | null> {
  const [row] = await loadApplicationRows(db, sql`c.project_id = ${projectId} and a.id = ${applicationId}`);
  return row ?? null;
}

/** Other applications of the same person to calls of this project (by PESEL, or name and birth date). */
export async function duplicatesOf(db: DbOrTx, a: ApplicationRow) {
  return queryRows<{ id: string; number: string; status: Application['status'] }>(
    db,
    sql`select a.id, a.number, a.status from applications a join recruitment_calls c on c.id = a.call_id
        where c.project_id = ${a.projectId} and a.id <> ${a.id}
          and (${a.pesel ? sql`a.pesel = ${a.pesel}` : sql`false`}
               or (lower(a.first_name) = lower(${a.firstName}) and lower(a.last_name) = lower(${a.lastName})
                   and a.birth_date = ${a.birthDate}::date))
        order by a.submitted_at`,
  );
}

export const summaryOf = (r: ApplicationRow): ApplicationSummary => ({
  id: r.id,
  callId: r.callId,
  cohortId: r.cohortId,
  cohortName: r.cohortName,
  number: r.number,
  formKind: r.formKind,
  channel: r.channel,
  firstName: r.firstName,
  lastName: r.lastName,
  submittedAt: r.submittedAt,
  status: r.status,
  eligible: r.eligibility ? !!r.eligibility.eligible : null,
  score: r.score,
  missingDocuments: (r.missingDocuments ?? []).filter((m) => !m.received).length,
  version: r.version,
});

/** What the audit log keeps of an application change: the fields, never special-category values. */
export const SENSITIVE_FIELDS = [
  'disability',
  'povertyGrounds',
  'inInstitution',
  'institutionLeftOn',
] as const;
export const auditableApplication = (r: ApplicationRow) => ({
  number: r.number,
  cohortId: r.cohortId,
  formKind: r.formKind,
  firstName: r.firstName,
  lastName: r.lastName,
  pesel: r.pesel,
  birthDate: r.birthDate,
  teryt: r.teryt,
  phone: r.phone,
  email: r.email,
  education: r.education,
  labourStatus: r.labourStatus,
  disability: r.disability,
  povertyGrounds: r.povertyGrounds,
  inInstitution: r.inInstitution,
  institutionLeftOn: r.institutionLeftOn,
  status: r.status,
  score: r.score,
  eligible: r.eligibility ? r.eligibility.eligible : null,
  missingDocuments: r.missingDocuments,
  decisionReason: r.decisionReason,
});
