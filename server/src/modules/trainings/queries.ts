import {
  attendancePercent,
  type EditionOut,
  MAX_FINAL_TEST_ATTEMPTS,
  type Registration,
  raisedQualifications,
  type TrainingForm,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { isoColumn } from '../../db/sql.js';
import type { Actor } from '../../http/access.js';
import { warsawToday } from '../../lib/dates.js';
import { headOf, managesOrganiser } from './access.js';

const iso = isoColumn;

// ————— Editions —————

interface EditionRow extends Omit<EditionOut, 'sessions' | 'registrationOpen'> {
  trainingStatus: string;
}

/** The editions of trainings with their sessions and registration counts, by start date. */
export async function loadEditions(
  db: DbOrTx,
  trainingIds: string[],
  today = warsawToday(),
): Promise<EditionOut[]> {
  if (!trainingIds.length) return [];
  const ids = sql.param(trainingIds);
  const rows = await queryRows<EditionRow>(
    db,
    sql`select e.id, e.training_id as "trainingId", e.name, e.starts_on::text as "startsOn", e.ends_on::text as "endsOn",
          e.mode, e.place, e.online_url as "onlineUrl", e.capacity,
          e.registration_closes_on::text as "registrationClosesOn", e.requires_approval as "requiresApproval",
          e.status, e.version, t.status as "trainingStatus",
          count(r.id) filter (where r.status = 'potwierdzona')::int as confirmed,
          count(r.id) filter (where r.status = 'rezerwowa')::int as waiting,
          count(r.id) filter (where r.status = 'do_akceptacji')::int as pending
        from training_editions e
        join trainings t on t.id = e.training_id
        left join training_registrations r on r.edition_id = e.id
        where e.training_id = any(${ids}::uuid[])
        group by e.id, t.status
        order by e.starts_on, e.name, e.id`,
  );
  const sessions = await queryRows<{
    id: string;
    editionId: string;
    on: string;
    startsAt: string;
    endsAt: string;
    topic: string | null;
  }>(
    db,
    sql`select s.id, s.edition_id as "editionId", s.held_on::text as "on", to_char(s.starts_at, 'HH24:MI') as "startsAt",
          to_char(s.ends_at, 'HH24:MI') as "endsAt", s.topic
        from training_sessions s join training_editions e on e.id = s.edition_id
        where e.training_id = any(${ids}::uuid[])
        order by s.held_on, s.starts_at, s.id`,
  );
  return rows.map(({ trainingStatus, ...e }) => {
    const own = sessions.filter((s) => s.editionId === e.id).map(({ editionId: _, ...s }) => s);
    return {
      ...e,
      sessions: own,
      registrationOpen: registrationOpen({ ...e, trainingStatus, hasSessions: own.length > 0 }, today),
    };
  });
}

/**
 * Open for registration: a published training's planned edition, until its closing day — by default
 * the day before it starts, or for an edition without sessions (e-learning: an access period) until
 * its last day.
 */
export function registrationOpen(
  e: {
    status: string;
    trainingStatus: string;
    startsOn: string;
    endsOn: string;
    registrationClosesOn: string | null;
    hasSessions: boolean;
  },
  today: string,
): boolean {
  if (e.trainingStatus !== 'opublikowane' || e.status !== 'planowana') return false;
  if (e.registrationClosesOn) return today <= e.registrationClosesOn;
  return e.hasSessions ? today < e.startsOn : today <= e.endsOn;
}

// ————— Registrations —————

interface RegistrationBase {
  id: string;
  editionId: string;
  trainingId: string;
  status: Registration['status'];
  registeredAt: string;
  registeredBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  version: number;
  learnerId: string;
  learnerUserId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  position: string | null;
  sex: 'k' | 'm' | 'n';
  institutionId: string;
  institutionName: string;
  institutionType: string;
  organiserInstitutionId: string;
  passThreshold: number;
  editionStartsOn: string;
  editionEndsOn: string;
  editionStatus: string;
  trainingTitle: string;
  trainingForm: TrainingForm;
  trainingHours: string;
  editionName: string;
  waitingPosition: number | null;
}

export type RegistrationWithContext = Registration & {
  training: { id: string; title: string; form: TrainingForm; hours: number };
  edition: { id: string; name: string; startsOn: string; endsOn: string };
};

/**
 * Registrations matching `where` (over `r` registrations, `e` editions, `t` trainings, `l` learners)
 * with attendance, lessons, tests, certificate and what the actor may do with each.
 */
export async function loadRegistrations(
  db: DbOrTx,
  where: SQL,
  actor: Actor | undefined,
  today = warsawToday(),
): Promise<RegistrationWithContext[]> {
  const rows = await queryRows<RegistrationBase>(
    db,
    sql`select r.id, r.edition_id as "editionId", e.training_id as "trainingId", r.status,
          ${iso('r.registered_at')} as "registeredAt",
          coalesce(trim(ru.first_name || ' ' || ru.last_name), ru.email) as "registeredBy",
          ${iso('r.decided_at')} as "decidedAt",
          coalesce(trim(du.first_name || ' ' || du.last_name), du.email) as "decidedBy",
          r.reason, r.version,
          l.id as "learnerId", l.user_id as "learnerUserId", l.first_name as "firstName", l.last_name as "lastName",
          l.email, l.position, l.sex,
          i.id as "institutionId", coalesce(i.short_name, i.name) as "institutionName", i.type as "institutionType",
          t.organiser_institution_id as "organiserInstitutionId", t.pass_threshold as "passThreshold",
          t.title as "trainingTitle", t.form as "trainingForm", t.hours::text as "trainingHours",
          e.name as "editionName", e.starts_on::text as "editionStartsOn", e.ends_on::text as "editionEndsOn",
          e.status as "editionStatus",
          case when r.status = 'rezerwowa' then (
            select count(*)::int from training_registrations w
            where w.edition_id = r.edition_id and w.status = 'rezerwowa'
              and (w.registered_at, w.id) <= (r.registered_at, r.id)
          ) end as "waitingPosition"
        from training_registrations r
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        join training_learners l on l.id = r.learner_id
        join institutions i on i.id = l.institution_id
        join users ru on ru.id = r.registered_by
        left join users du on du.id = r.decided_by
        where ${where}
        order by e.starts_on desc, l.last_name, l.first_name, r.id`,
  );
  if (!rows.length) return [];
  const regIds = sql.param(rows.map((r) => r.id));
  const editionIds = sql.param([...new Set(rows.map((r) => r.editionId))]);
  const trainingIds = sql.param([...new Set(rows.map((r) => r.trainingId))]);
  const learnerIds = sql.param([...new Set(rows.map((r) => r.learnerId))]);
  const [sessions, attendance, attempts, certificates, lessons, progress, questions] = await Promise.all([
    queryRows<{ editionId: string; total: number; lastOn: string | null }>(
      db,
      sql`select edition_id as "editionId", count(*)::int as total, max(held_on)::text as "lastOn"
          from training_sessions where edition_id = any(${editionIds}::uuid[]) group by edition_id`,
    ),
    queryRows<{ registrationId: string; sessionId: string }>(
      db,
      sql`select registration_id as "registrationId", session_id as "sessionId" from training_attendance
          where registration_id = any(${regIds}::uuid[]) and present`,
    ),
    queryRows<{
      registrationId: string;
      kind: 'wstepny' | 'koncowy';
      percent: number;
      passed: boolean;
      takenOn: string;
      onPaper: boolean;
    }>(
      db,
      sql`select registration_id as "registrationId", kind, percent, passed, taken_on::text as "takenOn", on_paper as "onPaper"
          from training_test_attempts where registration_id = any(${regIds}::uuid[])
          order by created_at`,
    ),
    queryRows<{
      registrationId: string;
      code: string;
      issuedOn: string;
      revokedOn: string | null;
      revokedReason: string | null;
    }>(
      db,
      sql`select registration_id as "registrationId", code, issued_on::text as "issuedOn",
            revoked_on::text as "revokedOn", revoked_reason as "revokedReason"
          from training_certificates where registration_id = any(${regIds}::uuid[])`,
    ),
    queryRows<{ trainingId: string; total: number }>(
      db,
      sql`select training_id as "trainingId", count(*)::int as total from training_lessons
          where training_id = any(${trainingIds}::uuid[]) group by training_id`,
    ),
    queryRows<{ learnerId: string; trainingId: string; completed: number }>(
      db,
      sql`select p.learner_id as "learnerId", ls.training_id as "trainingId", count(*)::int as completed
          from training_lesson_progress p join training_lessons ls on ls.id = p.lesson_id
          where p.learner_id = any(${learnerIds}::uuid[]) and ls.training_id = any(${trainingIds}::uuid[])
            and p.completed_at is not null
          group by p.learner_id, ls.training_id`,
    ),
    queryRows<{ trainingId: string; total: number }>(
      db,
      sql`select training_id as "trainingId", count(*)::int as total from training_questions
          where training_id = any(${trainingIds}::uuid[]) and active group by training_id`,
    ),
  ]);
  return rows.map((r) => {
    const s = sessions.find((x) => x.editionId === r.editionId);
    const sessionCount = s?.total ?? 0;
    const present = attendance.filter((a) => a.registrationId === r.id).map((a) => a.sessionId);
    const mine = attempts.filter((a) => a.registrationId === r.id);
    const summary = (kind: 'wstepny' | 'koncowy') => {
      const of = mine.filter((a) => a.kind === kind);
      if (!of.length) return null;
      const best = of.reduce((b, a) => (a.percent > b.percent ? a : b));
      return {
        percent: best.percent,
        passed: of.some((a) => a.passed),
        attempts: of.length,
        takenOn: best.takenOn,
        onPaper: best.onPaper,
      };
    };
    const preTest = summary('wstepny');
    const finalTest = summary('koncowy');
    const cert = certificates.find((c) => c.registrationId === r.id);
    const lessonsTotal = lessons.find((x) => x.trainingId === r.trainingId)?.total ?? 0;
    const lessonsCompleted =
      progress.find((x) => x.learnerId === r.learnerId && x.trainingId === r.trainingId)?.completed ?? 0;
    const questionCount = questions.find((x) => x.trainingId === r.trainingId)?.total ?? 0;
    const asLearner = !!actor && r.learnerUserId === actor.userId;
    const asHead = headOf(actor, r.institutionId);
    const asManager = managesOrganiser(actor, r.organiserInstitutionId);
    const confirmed = r.status === 'potwierdzona';
    const finalOpen =
      sessionCount > 0
        ? !!s?.lastOn && today >= s.lastOn
        : lessonsTotal === 0
          ? today >= r.editionStartsOn
          : lessonsCompleted >= lessonsTotal;
    const finalPassed = !!finalTest?.passed;
    const active = ['do_akceptacji', 'potwierdzona', 'rezerwowa'].includes(r.status);
    return {
      id: r.id,
      editionId: r.editionId,
      trainingId: r.trainingId,
      learner: {
        id: r.learnerId,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        position: r.position,
        sex: r.sex,
        hasAccount: r.learnerUserId !== null,
        institution: { id: r.institutionId, name: r.institutionName, type: r.institutionType },
      },
      status: r.status,
      registeredAt: r.registeredAt,
      registeredBy: r.registeredBy,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedBy,
      reason: r.reason,
      waitingPosition: r.waitingPosition,
      attendance: {
        present: present.length,
        sessions: sessionCount,
        percent: attendancePercent(present.length, sessionCount),
      },
      presentSessionIds: present,
      lessons: { completed: lessonsCompleted, total: lessonsTotal },
      preTest,
      finalTest,
      certificate: cert
        ? {
            code: cert.code,
            issuedOn: cert.issuedOn,
            revokedOn: cert.revokedOn,
            revokedReason: cert.revokedReason,
          }
        : null,
      raisedQualifications: raisedQualifications({
        finalTestPassed: finalPassed,
        certificateValid: !!cert && !cert.revokedOn,
      }),
      version: r.version,
      abilities: {
        withdraw: (asLearner || asHead || asManager) && active && today <= r.editionEndsOn,
        decide: asHead && r.status === 'do_akceptacji',
        takePreTest: asLearner && confirmed && questionCount > 0 && !preTest && !finalTest,
        takeFinalTest:
          asLearner &&
          confirmed &&
          questionCount > 0 &&
          finalOpen &&
          !finalPassed &&
          (finalTest?.attempts ?? 0) < MAX_FINAL_TEST_ATTEMPTS,
        learn: asLearner && confirmed && lessonsTotal > 0,
      },
      training: {
        id: r.trainingId,
        title: r.trainingTitle,
        form: r.trainingForm,
        hours: Number(r.trainingHours),
      },
      edition: { id: r.editionId, name: r.editionName, startsOn: r.editionStartsOn, endsOn: r.editionEndsOn },
    };
  });
}

/** One registration as the actor sees it (the caller has checked access). */
export async function oneRegistration(
  db: DbOrTx,
  registrationId: string,
  actor: Actor | undefined,
): Promise<RegistrationWithContext> {
  const [r] = await loadRegistrations(db, sql`r.id = ${registrationId}`, actor);
  if (!r) throw new Error(`registration ${registrationId} vanished`);
  return r;
}

/** Registration fields as the audit log keeps them. */
export const registrationAuditable = (r: { status: string; reason?: string | null }) => ({
  status: r.status,
  reason: r.reason ?? null,
});
