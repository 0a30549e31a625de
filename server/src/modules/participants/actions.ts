import {
  ageOn,
  applicationStatuses,
  exitIssues,
  followUpDueOn,
  followUpIssues,
  joinedOnIssues,
  ParticipantEnrolInput,
  type ParticipantEntryInput,
  type ParticipantExitInput,
  type ParticipantFieldIssue,
  type ParticipantFollowUpInput,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { type AuditActor, writeAudit } from '../audit/index.js';
import { conflict, fieldError } from '../identity/scope.js';

/**
 * The changes of a participant, each inside the caller's transaction (`tx`) with its audit entry:
 * enrolment (from an application or without one; the person matched in the leader's registry by
 * PESEL or created there), edits of the data at entry, the exit and the six-month follow-up.
 */

type EntryData = z.output<typeof ParticipantEntryInput>;
type ExitData = z.output<typeof ParticipantExitInput>;
type FollowUpData = z.output<typeof ParticipantFollowUpInput>;

/** Characteristics that are special-category data (RODO art. 9) or close to it: logged as changed, never by value. */
export const SENSITIVE_FIELDS = [
  'disability',
  'foreignOrigin',
  'thirdCountry',
  'minority',
  'homeless',
] as const;

const validationFailed = (issues: readonly ParticipantFieldIssue[]) =>
  new AppError('validation_failed', 'validation.summary', { count: issues.length }, [...issues]);

export interface ChangeContext {
  tx: DbOrTx;
  actor: AuditActor;
  userId: string;
  projectId: string;
  leaderInstitutionId: string;
  today: string;
}

interface StoredRow {
  id: string;
  version: number;
  technicalId: string;
  cohortId: string | null;
  participantType: string;
  institutionName: string | null;
  joinedOn: string;
  ageAtEntry: number;
  education: string;
  citizenship: string;
  country: string;
  teryt: string | null;
  city: string | null;
  postalCode: string | null;
  degurba: number | null;
  phone: string | null;
  email: string | null;
  labourStatus: string;
  labourStatusDetail: string | null;
  disability: string;
  foreignOrigin: string;
  thirdCountry: string;
  minority: string;
  homeless: string;
  status: string;
  leftOn: string | null;
  exitSituation: string[];
  completedPath: boolean | null;
  exitResults: string[];
  followUpDueOn: string | null;
  followUpOn: string | null;
  followUpResult: string[];
}

/** The participant row, locked until the change commits; 404 when it is not in the project. */
async function lockedRow(ctx: ChangeContext, participantId: string): Promise<StoredRow> {
  const [row] = await queryRows<StoredRow>(
    ctx.tx,
    sql`select id, version, technical_id as "technicalId", cohort_id as "cohortId", participant_type as "participantType",
          institution_name as "institutionName", joined_on::text as "joinedOn", age_at_entry as "ageAtEntry",
          education, citizenship, country, teryt, city, postal_code as "postalCode", degurba, phone, email,
          labour_status as "labourStatus", labour_status_detail as "labourStatusDetail", disability,
          foreign_origin as "foreignOrigin", third_country as "thirdCountry", minority, homeless, status,
          left_on::text as "leftOn", exit_situation as "exitSituation", completed_path as "completedPath",
          exit_results as "exitResults", follow_up_due_on::text as "followUpDueOn", follow_up_on::text as "followUpOn",
          follow_up_result as "followUpResult"
        from participants where id = ${participantId} and project_id = ${ctx.projectId} for update`,
  );
  if (!row) throw notFound();
  return row;
}

/** What the audit log keeps of a participant: the SM EFS data, no names and no identifiers. */
function auditable(r: Omit<StoredRow, 'id' | 'version'>): Record<string, unknown> {
  const { technicalId, ...rest } = r;
  return { technicalId, ...rest };
}

async function projectPeriod(tx: DbOrTx, projectId: string) {
  const [p] = await queryRows<{ startsOn: string; endsOn: string; short: string }>(
    tx,
    sql`select starts_on::text as "startsOn", ends_on::text as "endsOn", coalesce(nullif(trim(short_title), ''), number) as short
        from projects where id = ${projectId}`,
  );
  if (!p) throw notFound();
  return p;
}

/** Issues of the cohort, the gmina and DEGURBA; returns the DEGURBA value to store. */
async function placeAndCohort(
  tx: DbOrTx,
  projectId: string,
  v: { cohortId: string | null; teryt: string | null; degurba: number | null },
  issues: ParticipantFieldIssue[],
): Promise<number | null> {
  if (v.cohortId) {
    const [c] = await queryRows<{ id: string }>(
      tx,
      sql`select co.id from recruitment_cohorts co join recruitment_calls rc on rc.id = co.call_id
          where co.id = ${v.cohortId} and rc.project_id = ${projectId}`,
    );
    if (!c) issues.push({ field: 'cohortId', code: 'participant.cohortUnknown' });
  }
  if (!v.teryt) return v.degurba;
  const [unit] = await queryRows<{ degurba: number | null }>(
    tx,
    sql`select d.degurba from territorial_units u left join degurba_units d on d.teryt = u.teryt
        where u.teryt = ${v.teryt} and u.level = 'gmina'`,
  );
  if (!unit) {
    issues.push({ field: 'teryt', code: 'territory.unknownUnit' });
    return v.degurba;
  }
  if (unit.degurba !== null) return unit.degurba;
  if (v.degurba === null) issues.push({ field: 'degurba', code: 'participant.degurbaRequired' });
  return v.degurba;
}

interface ApplicationRow {
  id: string;
  number: string;
  status: string;
  version: number;
  cohortId: string | null;
  firstName: string;
  lastName: string;
  pesel: string | null;
  noPesel: boolean;
  otherId: string | null;
  birthDate: string;
  sex: string;
  citizenship: string;
  teryt: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  education: string | null;
  labourStatus: string | null;
  disability: string | null;
}

/** What an application gives the enrolment form (the applicant's declared data). */
export function fromApplication(a: ApplicationRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    cohortId: a.cohortId,
    firstName: a.firstName,
    lastName: a.lastName,
    noPesel: a.noPesel || !a.pesel,
    pesel: a.pesel,
    otherIdNumber: a.otherId,
    birthDate: a.birthDate,
    sex: a.sex,
    citizenship: a.citizenship,
    teryt: a.teryt,
    street: a.street,
    postalCode: a.postalCode,
    city: a.city,
    phone: a.phone,
    email: a.email,
    education: a.education,
    labourStatus: a.labourStatus,
    disability: a.disability,
  };
  for (const k of Object.keys(out)) if (out[k] === null || out[k] === undefined) delete out[k];
  return out;
}

/** The application of a call of this project, locked; a field error when it is not there. */
export async function loadApplication(
  tx: DbOrTx,
  projectId: string,
  applicationId: string,
  lock: boolean,
): Promise<ApplicationRow | null> {
  const [a] = await queryRows<ApplicationRow>(
    tx,
    sql`select a.id, a.number, a.status, a.version, a.cohort_id as "cohortId", a.first_name as "firstName",
          a.last_name as "lastName", a.pesel, a.no_pesel as "noPesel", a.other_id as "otherId",
          a.birth_date::text as "birthDate", a.sex, a.citizenship, a.teryt, a.street, a.postal_code as "postalCode",
          a.city, a.phone, a.email, a.education, a.labour_status as "labourStatus", a.disability
        from applications a join recruitment_calls rc on rc.id = a.call_id
        where a.id = ${applicationId} and rc.project_id = ${projectId}
        ${lock ? sql`for update of a` : sql``}`,
  );
  return a ?? null;
}

const ENROLLABLE = ['zakwalifikowane', 'rezerwa'];

/** The next `<short>/<nnnn>` of the project. */
async function nextTechnicalId(tx: DbOrTx, projectId: string, short: string): Promise<string> {
  const prefix = `${short.replace(/\s+/g, '-')}/`;
  const [row] = await queryRows<{ n: number | null }>(
    tx,
    sql`select max(substring(technical_id from ${prefix.length + 1}::int)::int) as n from participants
        where project_id = ${projectId} and left(technical_id, ${prefix.length}::int) = ${prefix}
          and substring(technical_id from ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`,
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * Enrols a person: the body merged over the application's data (when one is named), checked as a
 * whole, the person matched in the leader institution's registry by PESEL (or by another identifier
 * and birth date) or created there, the age at entry computed and locked, the application marked
 * `przyjete`. Returns the new participant's id.
 */
export async function enrol(ctx: ChangeContext, body: Record<string, unknown>): Promise<string> {
  const { tx, projectId } = ctx;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`participants:${projectId}`}))`);
  const applicationId = typeof body.applicationId === 'string' ? body.applicationId : null;
  const application = applicationId ? await loadApplication(tx, projectId, applicationId, true) : null;
  if (applicationId && !application) throw fieldError('applicationId', 'participant.applicationUnknown');
  if (application && !ENROLLABLE.includes(application.status))
    throw fieldError('applicationId', 'participant.applicationStatus', {
      status:
        (applicationStatuses as Record<string, { pl: string }>)[application.status]?.pl ?? application.status,
    });
  const merged: Record<string, unknown> = application ? fromApplication(application) : {};
  for (const [k, v] of Object.entries(body)) if (v !== undefined) merged[k] = v;
  const v = ParticipantEnrolInput.parse(merged);

  const project = await projectPeriod(tx, projectId);
  const issues: ParticipantFieldIssue[] = joinedOnIssues(v.joinedOn, project, ctx.today);
  const degurba = await placeAndCohort(tx, projectId, v, issues);
  if (issues.length) throw validationFailed(issues);

  // The person of the leader's registry: PESEL first; without it another identifier with the birth date.
  const [match] = v.pesel
    ? await queryRows<{ id: string }>(
        tx,
        sql`select id from persons where institution_id = ${ctx.leaderInstitutionId} and pesel = ${v.pesel}
            and merged_into is null`,
      )
    : v.otherIdType && v.otherIdType !== 'brak' && v.otherIdNumber
      ? await queryRows<{ id: string }>(
          tx,
          sql`select id from persons where institution_id = ${ctx.leaderInstitutionId} and merged_into is null
              and other_id_type = ${v.otherIdType} and other_id_number = ${v.otherIdNumber}
              and birth_date = ${v.birthDate} order by created_at limit 1`,
        )
      : [];
  let personId = match?.id;
  if (personId) {
    const [already] = await queryRows<{ technicalId: string }>(
      tx,
      sql`select technical_id as "technicalId" from participants where project_id = ${projectId} and person_id = ${personId}`,
    );
    if (already)
      throw fieldError(v.pesel ? 'pesel' : 'otherIdNumber', 'participant.alreadyEnrolled', {
        technicalId: already.technicalId,
      });
  } else {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into persons (institution_id, first_name, last_name, pesel, other_id_type, other_id_number, birth_date,
            sex, citizenship, teryt, street, postal_code, city, phone, email, created_by)
          values (${ctx.leaderInstitutionId}, ${v.firstName}, ${v.lastName}, ${v.pesel}, ${v.otherIdType},
            ${v.otherIdNumber}, ${v.birthDate}, ${v.sex}, ${v.citizenship}, ${v.teryt}, ${v.street}, ${v.postalCode},
            ${v.city}, ${v.phone}, ${v.email}, ${ctx.userId})
          returning id`,
    );
    if (!row) throw new Error('insert returned nothing');
    personId = row.id;
    await writeAudit(tx, ctx.actor, {
      action: 'record.create',
      recordType: 'person',
      recordId: personId,
      details: { source: 'participant_enrolment', projectId, applicationId },
    });
  }

  let technicalId = application?.number ?? null;
  if (technicalId) {
    const [taken] = await queryRows<{ id: string }>(
      tx,
      sql`select id from participants where project_id = ${projectId} and technical_id = ${technicalId}`,
    );
    if (taken) technicalId = null;
  }
  technicalId ??= await nextTechnicalId(tx, projectId, project.short);
  const ageAtEntry = ageOn(v.birthDate, v.joinedOn);
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`insert into participants (project_id, person_id, application_id, cohort_id, technical_id, participant_type,
          institution_name, joined_on, age_at_entry, sex, education, citizenship, country, teryt, city, postal_code,
          degurba, phone, email, labour_status, labour_status_detail, disability, foreign_origin, third_country,
          minority, homeless, created_by)
        values (${projectId}, ${personId}, ${application?.id ?? null}, ${v.cohortId}, ${technicalId},
          ${v.participantType}, ${v.institutionName}, ${v.joinedOn}, ${ageAtEntry}, ${v.sex}, ${v.education},
          ${v.citizenship}, ${v.country}, ${v.teryt}, ${v.city}, ${v.postalCode}, ${degurba}, ${v.phone}, ${v.email},
          ${v.labourStatus}, ${v.labourStatusDetail}, ${v.disability}, ${v.foreignOrigin}, ${v.thirdCountry},
          ${v.minority}, ${v.homeless}, ${ctx.userId})
        returning id`,
  );
  if (!created) throw new Error('insert returned nothing');
  if (application) {
    await tx.execute(
      sql`update applications set status = 'przyjete', version = version + 1, updated_at = now()
          where id = ${application.id}`,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'record.update',
      recordType: 'application',
      recordId: application.id,
      before: { status: application.status },
      after: { status: 'przyjete' },
      details: { projectId, participantId: created.id },
    });
  }
  const after = await lockedRow(ctx, created.id);
  await writeAudit(tx, ctx.actor, {
    action: 'record.create',
    recordType: 'participant',
    recordId: created.id,
    before: null,
    after: auditable(after),
    sensitiveFields: SENSITIVE_FIELDS,
    details: { projectId, personId, applicationId: application?.id ?? null, personMatched: !!match },
  });
  return created.id;
}

/** Changes the data at entry; the birth date, the sex and the locked age at entry stay. */
export async function updateEntry(
  ctx: ChangeContext,
  participantId: string,
  v: EntryData,
  version: number,
): Promise<void> {
  const before = await lockedRow(ctx, participantId);
  if (before.version !== version) throw conflict();
  const project = await projectPeriod(ctx.tx, ctx.projectId);
  const issues = joinedOnIssues(v.joinedOn, project, ctx.today, before.leftOn);
  const degurba = await placeAndCohort(ctx.tx, ctx.projectId, v, issues);
  if (issues.length) throw validationFailed(issues);
  await ctx.tx.execute(
    sql`update participants set cohort_id = ${v.cohortId}, participant_type = ${v.participantType},
          institution_name = ${v.institutionName}, joined_on = ${v.joinedOn}, education = ${v.education},
          citizenship = ${v.citizenship}, country = ${v.country}, teryt = ${v.teryt}, city = ${v.city},
          postal_code = ${v.postalCode}, degurba = ${degurba}, phone = ${v.phone}, email = ${v.email},
          labour_status = ${v.labourStatus}, labour_status_detail = ${v.labourStatusDetail},
          disability = ${v.disability}, foreign_origin = ${v.foreignOrigin}, third_country = ${v.thirdCountry},
          minority = ${v.minority}, homeless = ${v.homeless}, version = version + 1, updated_at = now()
        where id = ${participantId}`,
  );
  await auditChange(ctx, before, participantId);
}

/** Records (or corrects) the exit: status, day, situation, completed path, results; the follow-up falls due six months later. */
export async function recordExit(ctx: ChangeContext, participantId: string, v: ExitData): Promise<void> {
  const before = await lockedRow(ctx, participantId);
  if (before.version !== v.version) throw conflict();
  const issues = exitIssues(before, v, ctx.today);
  if (before.followUpOn && before.followUpOn < v.leftOn)
    issues.push({ field: 'leftOn', code: 'participant.followUpBeforeLeft', params: { date: v.leftOn } });
  if (issues.length) throw validationFailed(issues);
  await ctx.tx.execute(
    sql`update participants set status = ${v.status}, left_on = ${v.leftOn},
          exit_situation = ${JSON.stringify(v.exitSituation)}::jsonb, completed_path = ${v.completedPath},
          exit_results = ${JSON.stringify(v.exitResults)}::jsonb, follow_up_due_on = ${followUpDueOn(v.leftOn)},
          version = version + 1, updated_at = now()
        where id = ${participantId}`,
  );
  await auditChange(ctx, before, participantId, { change: 'exit' });
}

/** Records the six-month follow-up result. */
export async function recordFollowUp(
  ctx: ChangeContext,
  participantId: string,
  v: FollowUpData,
): Promise<void> {
  const before = await lockedRow(ctx, participantId);
  if (before.version !== v.version) throw conflict();
  const issues = followUpIssues(before, v, ctx.today);
  if (issues.length) throw validationFailed(issues);
  await ctx.tx.execute(
    sql`update participants set follow_up_on = ${v.followUpOn},
          follow_up_result = ${JSON.stringify(v.followUpResult)}::jsonb, version = version + 1, updated_at = now()
        where id = ${participantId}`,
  );
  await auditChange(ctx, before, participantId, { change: 'follow_up' });
}

async function auditChange(
  ctx: ChangeContext,
  before: StoredRow,
  participantId: string,
  details: Record<string, unknown> = {},
) {
  const after = await lockedRow(ctx, participantId);
  const { id: _b, version: _bv, ...b } = before;
  const { id: _a, version: _av, ...a } = after;
  await writeAudit(ctx.tx, ctx.actor, {
    action: 'record.update',
    recordType: 'participant',
    recordId: participantId,
    before: auditable(b),
    after: auditable(a),
    sensitiveFields: SENSITIVE_FIELDS,
    details: { projectId: ctx.projectId, ...details },
  });
}
