import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, outOfScope } from '../identity/scope.js';

/**
 * Who may do what on the training platform (docs/trainings.md, "Who does what"):
 *
 * - **manager** — `trainings.manage` in the active institution, which is the training's organiser;
 * - **head** — `trainings.approve` in the active institution, which is the learner's institution;
 * - **learner** — the user the registration's learner is linked to.
 *
 * A draft training is visible to its managers only; a registration to its learner, heads and
 * managers. Anything else answers 404 and is logged, as for a record that does not exist.
 */
export interface TrainingAccessRow {
  id: string;
  organiserInstitutionId: string;
  status: 'szkic' | 'opublikowane' | 'zarchiwizowane';
  title: string;
  form: string;
  hours: string;
  passThreshold: number;
  issuesCertificate: boolean;
  minAttendancePercent: number;
  projectId: string | null;
  version: number;
}

export function managesOrganiser(actor: Actor | undefined, organiserInstitutionId: string): boolean {
  return (
    !!actor && actor.permissions.has('trainings.manage') && actor.institutionId === organiserInstitutionId
  );
}

export function headOf(actor: Actor | undefined, institutionId: string): boolean {
  return !!actor && actor.permissions.has('trainings.approve') && actor.institutionId === institutionId;
}

export async function findTraining(
  db: DbOrTx,
  trainingId: string,
  opts: { lock?: boolean } = {},
): Promise<TrainingAccessRow | undefined> {
  const [row] = await queryRows<TrainingAccessRow>(
    db,
    sql`select id, organiser_institution_id as "organiserInstitutionId", status, title, form, hours::text as hours,
          pass_threshold as "passThreshold", issues_certificate as "issuesCertificate",
          min_attendance_percent as "minAttendancePercent", project_id as "projectId", version
        from trainings where id = ${trainingId} ${opts.lock ? sql`for update` : sql``}`,
  );
  return row;
}

/** A training the actor may see: published or archived for everyone, a draft for its managers. */
export async function visibleTraining(
  request: FastifyRequest,
  trainingId: string,
): Promise<TrainingAccessRow> {
  const actor = actorOf(request);
  const row = await findTraining(request.server.db, trainingId);
  if (!row || (row.status === 'szkic' && !managesOrganiser(actor, row.organiserInstitutionId)))
    return outOfScope(request, 'training', trainingId);
  return row;
}

/** A training the actor manages; 404 when they cannot see it, 403 (logged) when they only see it. */
export async function requireTrainingManager(
  request: FastifyRequest,
  trainingId: string,
): Promise<TrainingAccessRow> {
  const row = await visibleTraining(request, trainingId);
  if (!managesOrganiser(request.actor, row.organiserInstitutionId)) {
    await writeAudit(request.server.db, actorFromRequest(request), {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'training',
      recordId: trainingId,
      details: { method: request.method, route: request.routeOptions.url, reason: 'not_organiser' },
    });
    throw new AppError('forbidden', 'training.manageForbidden');
  }
  return row;
}

/** What a route needs to know about a registration and its edition, training and learner. */
export interface RegistrationContext {
  id: string;
  status: 'do_akceptacji' | 'potwierdzona' | 'rezerwowa' | 'odrzucona' | 'wycofana';
  version: number;
  registeredAt: string;
  editionId: string;
  editionName: string;
  editionStartsOn: string;
  editionEndsOn: string;
  editionStatus: string;
  capacity: number;
  trainingId: string;
  trainingTitle: string;
  trainingStatus: string;
  organiserInstitutionId: string;
  passThreshold: number;
  issuesCertificate: boolean;
  minAttendancePercent: number;
  learnerId: string;
  learnerUserId: string | null;
  learnerInstitutionId: string;
}

export async function findRegistration(
  db: DbOrTx,
  registrationId: string,
  opts: { lock?: boolean } = {},
): Promise<RegistrationContext | undefined> {
  const [row] = await queryRows<RegistrationContext>(
    db,
    sql`select r.id, r.status, r.version, to_char(r.registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "registeredAt",
          e.id as "editionId", e.name as "editionName", e.starts_on::text as "editionStartsOn",
          e.ends_on::text as "editionEndsOn", e.status as "editionStatus", e.capacity,
          t.id as "trainingId", t.title as "trainingTitle", t.status as "trainingStatus",
          t.organiser_institution_id as "organiserInstitutionId", t.pass_threshold as "passThreshold",
          t.issues_certificate as "issuesCertificate", t.min_attendance_percent as "minAttendancePercent",
          l.id as "learnerId", l.user_id as "learnerUserId", l.institution_id as "learnerInstitutionId"
        from training_registrations r
        join training_editions e on e.id = r.edition_id
        join trainings t on t.id = e.training_id
        join training_learners l on l.id = r.learner_id
        where r.id = ${registrationId}
        ${opts.lock ? sql`for update of r` : sql``}`,
  );
  return row;
}

export interface RegistrationRoles {
  asLearner: boolean;
  asHead: boolean;
  asManager: boolean;
}

export function rolesOn(actor: Actor | undefined, r: RegistrationContext): RegistrationRoles {
  return {
    asLearner: !!actor && r.learnerUserId === actor.userId,
    asHead: headOf(actor, r.learnerInstitutionId),
    asManager: managesOrganiser(actor, r.organiserInstitutionId),
  };
}

/** A registration the actor may see (learner, head, manager), or 404 (logged). */
export async function visibleRegistration(
  request: FastifyRequest,
  registrationId: string,
): Promise<{ registration: RegistrationContext; roles: RegistrationRoles }> {
  const registration = await findRegistration(request.server.db, registrationId);
  if (!registration) return outOfScope(request, 'training_registration', registrationId);
  const roles = rolesOn(request.actor, registration);
  if (!roles.asLearner && !roles.asHead && !roles.asManager)
    return outOfScope(request, 'training_registration', registrationId);
  return { registration, roles };
}

/** 403 (logged) for a registration the actor sees but may not do this to. */
export async function forbidden(request: FastifyRequest, recordId: string, reason: string): Promise<never> {
  await writeAudit(request.server.db, actorFromRequest(request), {
    action: 'access.denied',
    outcome: 'denied',
    recordType: 'training_registration',
    recordId,
    details: { method: request.method, route: request.routeOptions.url, reason },
  });
  throw new AppError('forbidden', 'training.forbidden');
}
