import { createHash, randomBytes } from 'node:crypto';
import {
  type ApplicationData,
  applicationStatuses,
  checkEligibility,
  type EligibilityApplicant,
  type EligibilityCheck,
  scoreApplication,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { enqueueEmail } from '../identity/outbox.js';
import type { ApplicationRow, CallRow, CohortRow } from './queries.js';

type Issue = { field: string; code: string; params?: Record<string, unknown> };

/**
 * The rules of one call that the schema cannot know: the cohort (required when the call has more
 * than one), the form kind it takes, its required questions (and the options of a choice), its
 * required consents and declarations, and a gmina that exists. Every broken rule at once.
 */
export async function callIssues(
  db: DbOrTx,
  call: CallRow,
  cohorts: CohortRow[],
  a: ApplicationData,
  prefix = 'application',
): Promise<Issue[]> {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const issues: Issue[] = [];
  if (a.cohortId && !cohorts.some((c) => c.id === a.cohortId))
    issues.push({ field: f('cohortId'), code: 'recruitment.application.cohortUnknown' });
  if (!a.cohortId && cohorts.length > 1)
    issues.push({ field: f('cohortId'), code: 'recruitment.application.cohortRequired' });
  // What the chosen cohort's rules look at must be answered (a tri-state answer may be a refusal).
  const cohort = cohorts.find((c) => c.id === a.cohortId) ?? (cohorts.length === 1 ? cohorts[0] : undefined);
  const uses = (kind: string) => cohort?.eligibilityRules.some((r) => r.kind === kind) ?? false;
  if (uses('niepelnosprawnosc') && !a.disability)
    issues.push({ field: f('disability'), code: 'zod.required' });
  if (uses('status_na_rynku_pracy') && !a.labourStatus)
    issues.push({ field: f('labourStatus'), code: 'zod.required' });
  if (uses('zamieszkanie') && !a.teryt) issues.push({ field: f('teryt'), code: 'zod.required' });
  if (!call.formKinds.includes(a.formKind))
    issues.push({ field: f('formKind'), code: 'recruitment.application.formKind' });
  for (const q of call.questions) {
    if (q.formKinds && !q.formKinds.includes(a.formKind)) continue;
    const answer = a.answers[q.key];
    const empty = answer === undefined || (typeof answer === 'string' && answer.trim() === '');
    if (empty) {
      if (q.required)
        issues.push({
          field: f(`answers.${q.key}`),
          code: 'recruitment.application.answerRequired',
          params: { label: q.label },
        });
      continue;
    }
    if (q.type === 'tak_nie' ? typeof answer !== 'boolean' : typeof answer !== 'string')
      issues.push({ field: f(`answers.${q.key}`), code: 'recruitment.application.answerType' });
    else if (q.type === 'wybor' && !(q.options ?? []).includes(answer as string))
      issues.push({ field: f(`answers.${q.key}`), code: 'recruitment.application.answerOption' });
  }
  for (const c of call.clauses) {
    if (!c.required) continue;
    if (!a.consents.some((g) => g.key === c.key && g.given))
      issues.push({
        field: f(`consents.${c.key}`),
        code: 'recruitment.application.consentRequired',
        params: { title: c.title },
      });
  }
  if (a.teryt) {
    const [unit] = await queryRows<{ teryt: string }>(
      db,
      sql`select teryt from territorial_units where teryt = ${a.teryt} and level = 'gmina'`,
    );
    if (!unit) issues.push({ field: f('teryt'), code: 'recruitment.application.terytUnknown' });
  }
  return issues;
}

/** Only the answers to the call's questions and the consents of its clauses are kept. */
export function keptAnswers(call: CallRow, a: ApplicationData, at: string) {
  const answers: Record<string, string | boolean> = {};
  for (const q of call.questions) {
    const v = a.answers[q.key];
    if (v !== undefined && !(typeof v === 'string' && v.trim() === '')) answers[q.key] = v;
  }
  const consents = call.clauses.map((c) => ({
    key: c.key,
    given: a.consents.some((g) => g.key === c.key && g.given),
    at,
  }));
  return { answers, consents };
}

type Person = Pick<ApplicationRow, 'pesel' | 'firstName' | 'lastName' | 'birthDate'>;

/** Is the person already a participant of the project (or enrolled from another application)? */
export async function isParticipant(
  db: DbOrTx,
  projectId: string,
  p: Person,
  excludeApplicationId: string | null,
): Promise<boolean> {
  const samePerson = (alias: string) => {
    const t = sql.raw(alias);
    return sql`(${p.pesel ? sql`${t}.pesel = ${p.pesel}` : sql`false`}
      or (lower(${t}.first_name) = lower(${p.firstName}) and lower(${t}.last_name) = lower(${p.lastName})
          and ${t}.birth_date = ${p.birthDate}::date))`;
  };
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select (exists (select 1 from participants pa join persons pe on pe.id = pa.person_id
                        where pa.project_id = ${projectId} and ${samePerson('pe')}
                          and pa.application_id is distinct from ${excludeApplicationId}::uuid)
             or exists (select 1 from applications a2 join recruitment_calls c2 on c2.id = a2.call_id
                        where c2.project_id = ${projectId} and a2.status = 'przyjete'
                          and a2.id is distinct from ${excludeApplicationId}::uuid and ${samePerson('a2')})) as found`,
  );
  return !!row?.found;
}

export const applicantOf = (a: {
  birthDate: string;
  teryt: string | null;
  labourStatus: string | null;
  disability: string | null;
  povertyGrounds: readonly string[];
  inInstitution: boolean;
  institutionLeftOn: string | null;
  answers: Record<string, unknown>;
}): EligibilityApplicant => ({
  birthDate: a.birthDate,
  teryt: a.teryt,
  labourStatus: a.labourStatus,
  disability: a.disability,
  povertyGrounds: a.povertyGrounds,
  inInstitution: a.inInstitution,
  institutionLeftOn: a.institutionLeftOn,
  answers: a.answers,
});

/**
 * The automatic check of an application against its cohort, on the day it was submitted (Warsaw
 * time): every eligibility rule with its reason, and the points of the scoring criteria. Without a
 * cohort there is nothing to check against: null.
 */
export async function evaluate(
  db: DbOrTx,
  projectId: string,
  a: Person & Parameters<typeof applicantOf>[0] & { id: string | null; submittedAt: string },
  cohort: CohortRow | null,
): Promise<EligibilityCheck | null> {
  if (!cohort) return null;
  const onDate = warsawToday(new Date(a.submittedAt));
  const participant = cohort.eligibilityRules.some((r) => r.kind === 'nie_uczestnik')
    ? await isParticipant(db, projectId, a, a.id)
    : false;
  const applicant = applicantOf(a);
  const result = checkEligibility(cohort.eligibilityRules, applicant, { onDate, isParticipant: participant });
  const scoring = scoreApplication(cohort.scoringCriteria, applicant, { onDate });
  return { ...result, scoring, onDate, checkedAt: new Date().toISOString() };
}

/**
 * The next confirmation number of a call, `<CODE>/<4-digit sequence>`. Call it in the insert's
 * transaction after locking the call's row, so two sends never get the same number.
 */
export async function nextNumber(tx: DbOrTx, call: Pick<CallRow, 'id' | 'code'>): Promise<string> {
  const from = call.code.length + 2;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(nullif(substring(number from ${from}::int), '')::int), 0)::int + 1 as n
        from applications where call_id = ${call.id}`,
  );
  return `${call.code}/${String(row?.n ?? 1).padStart(4, '0')}`;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newReceiptToken = () => randomBytes(24).toString('base64url');
/** How long the PDF copy's link of the public form works. */
export const RECEIPT_HOURS = 24;

export interface NewApplication {
  call: CallRow;
  cohort: CohortRow | null;
  data: ApplicationData;
  channel: 'online' | 'papier';
  submittedAt: string;
  clientToken: string | null;
  receiptTokenHash: string | null;
  enteredBy: string | null;
}

/** Inserts an application with its number and its first automatic check; returns its id and number. */
export async function insertApplication(
  tx: DbOrTx,
  n: NewApplication,
): Promise<{ id: string; number: string } | null> {
  const { call, data: a } = n;
  const cohortId = a.cohortId ?? n.cohort?.id ?? null;
  const { answers, consents } = keptAnswers(call, a, n.submittedAt);
  const check = await evaluate(
    tx,
    call.projectId,
    { ...a, answers, id: null, submittedAt: n.submittedAt },
    n.cohort,
  );
  const number = await nextNumber(tx, call);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into applications (call_id, cohort_id, number, client_token, receipt_token_hash, form_kind, channel,
          first_name, last_name, pesel, no_pesel, other_id, birth_date, sex, citizenship, teryt, street, postal_code,
          city, phone, email, education, labour_status, disability, poverty_grounds, in_institution,
          institution_left_on, answers, consents, submitted_at, status, eligibility, score, entered_by)
        values (${call.id}, ${cohortId}, ${number}, ${n.clientToken}, ${n.receiptTokenHash}, ${a.formKind}, ${n.channel},
          ${a.firstName}, ${a.lastName}, ${a.pesel}, ${a.noPesel}, ${a.otherId}, ${a.birthDate}, ${a.sex},
          ${a.citizenship}, ${a.teryt}, ${a.street}, ${a.postalCode}, ${a.city}, ${a.phone}, ${a.email},
          ${a.education}, ${a.labourStatus}, ${a.disability}, ${JSON.stringify(a.povertyGrounds)}::jsonb,
          ${a.inInstitution}, ${a.institutionLeftOn}, ${JSON.stringify(answers)}::jsonb,
          ${JSON.stringify(consents)}::jsonb, ${n.submittedAt}, 'zlozone',
          ${check ? JSON.stringify(check) : null}::jsonb, ${check ? check.scoring.total : null}, ${n.enteredBy})
        on conflict (call_id, client_token) where client_token is not null do nothing
        returning id`,
  );
  const id = rows[0]?.id;
  return id ? { id, number } : null;
}

// ————— Notifications (e-mail outbox) —————

export type ApplicantEvent = 'zlozone' | 'zakwalifikowane' | 'rezerwa' | 'odrzucone';

/**
 * An e-mail to the applicant about their application, queued in the change's transaction (sent
 * only if it commits). It names the call and the number, never the data of the application.
 */
export async function notifyApplicant(
  tx: DbOrTx,
  a: { email: string | null; number: string; callName: string; firstName: string },
  event: ApplicantEvent,
  reason?: string | null,
): Promise<boolean> {
  if (!a.email) return false;
  const status = applicationStatuses[event].pl;
  const lines: Record<ApplicantEvent, string> = {
    zlozone: `Dziękujemy — Twoje zgłoszenie do naboru „${a.callName}” zostało przyjęte i otrzymało numer ${a.number}. Zachowaj ten numer: pod nim zgłoszenie będzie widoczne na liście rankingowej.`,
    zakwalifikowane: `Twoje zgłoszenie nr ${a.number} do naboru „${a.callName}” zostało zakwalifikowane do udziału w projekcie. Skontaktujemy się z Tobą w sprawie podpisania umowy uczestnictwa.`,
    rezerwa: `Twoje zgłoszenie nr ${a.number} do naboru „${a.callName}” znalazło się na liście rezerwowej. Jeśli zwolni się miejsce, skontaktujemy się z Tobą.`,
    odrzucone: `Twoje zgłoszenie nr ${a.number} do naboru „${a.callName}” nie zostało zakwalifikowane.${reason ? ` Uzasadnienie: ${reason}` : ''}`,
  };
  await enqueueEmail(tx, {
    to: a.email,
    subject: `Zgłoszenie ${a.number}: ${status}`,
    body: `Dzień dobry ${a.firstName},\n\n${lines[event]}\n\nTa wiadomość została wysłana automatycznie.`,
  });
  return true;
}
