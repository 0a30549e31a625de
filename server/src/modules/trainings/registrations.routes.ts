import {
  AttendanceInput,
  placeFor,
  Registration,
  RegistrationDecision,
  RegistrationInput,
  RegistrationList,
  RegistrationWithdrawal,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { notify } from '../notifications/index.js';
import {
  findRegistration,
  forbidden,
  headOf,
  requireTrainingManager,
  visibleRegistration,
  visibleTraining,
} from './access.js';
import { issueCertificateIfDue } from './certificates.js';
import { loadRegistrations, oneRegistration, registrationAuditable, registrationOpen } from './queries.js';
import { fillFreePlaces } from './waiting-list.js';

const EditionParams = z.object({ trainingId: z.uuid(), editionId: z.uuid() });
const RegistrationParams = z.object({ registrationId: z.uuid() });

interface EditionRow {
  id: string;
  trainingId: string;
  trainingTitle: string;
  trainingStatus: string;
  status: string;
  startsOn: string;
  endsOn: string;
  registrationClosesOn: string | null;
  capacity: number;
  requiresApproval: boolean;
  hasSessions: boolean;
}

async function lockEdition(tx: DbOrTx, trainingId: string, editionId: string): Promise<EditionRow> {
  const [e] = await queryRows<EditionRow>(
    tx,
    sql`select e.id, e.training_id as "trainingId", t.title as "trainingTitle", t.status as "trainingStatus", e.status,
          e.starts_on::text as "startsOn", e.ends_on::text as "endsOn",
          e.registration_closes_on::text as "registrationClosesOn", e.capacity,
          e.requires_approval as "requiresApproval",
          exists (select 1 from training_sessions s where s.edition_id = e.id) as "hasSessions"
        from training_editions e join trainings t on t.id = e.training_id
        where e.id = ${editionId} and e.training_id = ${trainingId}
        for update of e`,
  );
  if (!e) throw notFound();
  return e;
}

async function confirmedCount(tx: DbOrTx, editionId: string): Promise<number> {
  const [c] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from training_registrations where edition_id = ${editionId} and status = 'potwierdzona'`,
  );
  return c?.n ?? 0;
}

/** The learner record of a user in an institution, created or brought up to date. */
async function learnerForUser(
  tx: DbOrTx,
  userId: string,
  institutionId: string,
  sex: string,
  position: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into training_learners (user_id, institution_id, first_name, last_name, email, position, sex)
        select u.id, ${institutionId}, u.first_name, u.last_name, u.email, ${position}, ${sex} from users u where u.id = ${userId}
        on conflict (user_id, institution_id) where user_id is not null
        do update set sex = excluded.sex, position = coalesce(excluded.position, training_learners.position),
          first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, updated_at = now()
        returning id`,
  );
  if (!row) throw notFound();
  return row.id;
}

/** An employee without an account: found by e-mail in the institution, or added. */
async function learnerForEmployee(
  tx: DbOrTx,
  institutionId: string,
  e: { firstName: string; lastName: string; email: string | null; sex: string; position: string | null },
): Promise<string> {
  if (e.email) {
    const [found] = await queryRows<{ id: string }>(
      tx,
      sql`update training_learners set first_name = ${e.firstName}, last_name = ${e.lastName}, sex = ${e.sex},
            position = coalesce(${e.position}, position), updated_at = now()
          where lower(email) = ${e.email} and institution_id = ${institutionId} returning id`,
    );
    if (found) return found.id;
  }
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into training_learners (institution_id, first_name, last_name, email, position, sex)
        values (${institutionId}, ${e.firstName}, ${e.lastName}, ${e.email}, ${e.position}, ${e.sex}) returning id`,
  );
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

async function notifyLearner(
  tx: DbOrTx,
  registrationId: string,
  outcome: string,
  trainingTitle: string,
  exceptUserId: string,
): Promise<void> {
  const reg = await findRegistration(tx, registrationId);
  if (!reg?.learnerUserId) return;
  await notify(tx, {
    kind: 'training.registrationDecided',
    userIds: [reg.learnerUserId],
    exceptUserIds: [exceptUserId],
    params: { training: trainingTitle.slice(0, 200), outcome },
    link: `/szkolenia/zapisy/${registrationId}`,
  });
}

async function auditRegistrationList(request: FastifyRequest, editionId: string, count: number) {
  await writeAudit(request.server.db, actorFromRequest(request), {
    action: 'record.read',
    recordType: 'training_registration',
    details: { list: 'edition', editionId, count },
  });
}

/**
 * Registrations (docs/trainings.md, "Rules"): a member of staff registers themselves, or the head of
 * their institution registers them; the head approves self-registrations when the edition asks for
 * it; places go first come first served with a waiting list that moves up when a place is freed; the
 * organiser keeps the attendance of each session.
 */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:trainingId/editions/:editionId/registrations',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'The registrations of an edition with attendance, tests and certificates (organiser)',
        params: EditionParams,
        response: { 200: RegistrationList },
      },
    },
    async (request) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const items = await loadRegistrations(
        db,
        sql`r.edition_id = ${request.params.editionId} and e.training_id = ${access.id}`,
        request.actor,
      );
      await auditRegistrationList(request, request.params.editionId, items.length);
      return { items };
    },
  );

  app.post(
    '/:trainingId/editions/:editionId/registrations',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'Register oneself, or (a head) an employee of the institution, for an edition',
        params: EditionParams,
        body: RegistrationInput,
        response: { 201: Registration },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await visibleTraining(request, request.params.trainingId);
      const input = request.body;
      const institutionId = actor.institutionId;
      if (!institutionId) throw fieldError('kind', 'training.registration.noInstitution');
      const isHead = headOf(actor, institutionId);
      if (input.kind === 'employee' && !isHead) {
        await writeAudit(db, actorFromRequest(request), {
          action: 'access.denied',
          outcome: 'denied',
          recordType: 'training_edition',
          recordId: request.params.editionId,
          details: { method: request.method, route: request.routeOptions.url, reason: 'not_head' },
        });
        throw new AppError('forbidden', 'training.registration.employeeForbidden');
      }
      const id = await db.transaction(async (tx) => {
        const edition = await lockEdition(tx, request.params.trainingId, request.params.editionId);
        if (!registrationOpen({ ...edition }, warsawToday()))
          throw fieldError('edition', 'training.registration.closed');
        let learnerId: string;
        if (input.kind === 'self') {
          learnerId = await learnerForUser(tx, actor.userId, institutionId, input.sex, input.position);
        } else if (input.userId) {
          const [member] = await queryRows<{ id: string }>(
            tx,
            sql`select m.user_id as id from memberships m join users u on u.id = m.user_id
                where m.user_id = ${input.userId} and m.institution_id = ${institutionId} and m.active and u.status = 'active'`,
          );
          if (!member) throw fieldError('userId', 'training.registration.employeeUserUnknown');
          learnerId = await learnerForUser(tx, input.userId, institutionId, input.sex, input.position);
        } else {
          if (!input.firstName || !input.lastName)
            throw fieldError(
              input.firstName ? 'lastName' : 'firstName',
              'training.registration.nameRequired',
            );
          learnerId = await learnerForEmployee(tx, institutionId, {
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email,
            sex: input.sex,
            position: input.position,
          });
        }
        const status =
          input.kind === 'self' && edition.requiresApproval && !isHead
            ? 'do_akceptacji'
            : placeFor(edition.capacity, await confirmedCount(tx, edition.id));
        const [previous] = await queryRows<{ id: string; status: string }>(
          tx,
          sql`select id, status from training_registrations where edition_id = ${edition.id} and learner_id = ${learnerId}
              for update`,
        );
        if (previous && !['wycofana', 'odrzucona'].includes(previous.status))
          throw fieldError('kind', 'training.registration.duplicate');
        const [row] = previous
          ? await queryRows<{ id: string }>(
              tx,
              sql`update training_registrations set status = ${status}, registered_at = now(), registered_by = ${actor.userId},
                    decided_at = null, decided_by = null, reason = null, version = version + 1, updated_at = now()
                  where id = ${previous.id} returning id`,
            )
          : await queryRows<{ id: string }>(
              tx,
              sql`insert into training_registrations (edition_id, learner_id, status, registered_by)
                  values (${edition.id}, ${learnerId}, ${status}, ${actor.userId}) returning id`,
            );
        if (!row) throw new Error('registration not stored');
        await writeAudit(tx, actorFromRequest(request), {
          action: previous ? 'record.update' : 'record.create',
          recordType: 'training_registration',
          recordId: row.id,
          before: previous ? { status: previous.status } : null,
          after: { status, kind: input.kind },
          details: { editionId: edition.id, learnerId },
        });
        if (status === 'do_akceptacji')
          await notify(tx, {
            kind: 'training.approvalPending',
            institutionId,
            exceptUserIds: [actor.userId],
            params: { training: edition.trainingTitle.slice(0, 200) },
            link: '/szkolenia?karta=akceptacja',
            dedupeKey: `training.approvalPending:${row.id}`,
          });
        return row.id;
      });
      return reply.status(201).send(await oneRegistration(db, id, request.actor));
    },
  );

  app.get(
    '/registrations/:registrationId',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'One registration (its learner, the head of their institution, the organiser)',
        params: RegistrationParams,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asLearner)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'training_registration',
          recordId: registration.id,
        });
      return oneRegistration(db, registration.id, request.actor);
    },
  );

  app.post(
    '/registrations/:registrationId/decision',
    {
      config: { access: { permission: 'trainings.approve' } },
      schema: {
        tags: ['trainings'],
        summary: 'Approve (a place or the waiting list) or reject an employee’s self-registration',
        params: RegistrationParams,
        body: RegistrationDecision,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asHead) return forbidden(request, registration.id, 'not_head');
      const { decision, reason, version } = request.body;
      if (decision === 'odrzuc' && !reason)
        throw fieldError('reason', 'training.registration.reasonRequired');
      await db.transaction(async (tx) => {
        await lockEdition(tx, registration.trainingId, registration.editionId);
        const current = await findRegistration(tx, registration.id, { lock: true });
        if (!current) throw notFound();
        if (current.version !== version) throw conflict();
        if (current.status !== 'do_akceptacji')
          throw fieldError('decision', 'training.registration.notPending');
        const status =
          decision === 'odrzuc'
            ? 'odrzucona'
            : placeFor(current.capacity, await confirmedCount(tx, current.editionId));
        await tx.execute(
          sql`update training_registrations set status = ${status}, decided_at = now(), decided_by = ${actor.userId},
                reason = ${reason}, version = version + 1, updated_at = now()
              where id = ${current.id}`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_registration',
          recordId: current.id,
          before: registrationAuditable(current),
          after: registrationAuditable({ status, reason }),
          details: { decision },
        });
        await notifyLearner(tx, current.id, status, current.trainingTitle, actor.userId);
      });
      return oneRegistration(db, registration.id, request.actor);
    },
  );

  app.post(
    '/registrations/:registrationId/withdraw',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'Withdraw a registration (the learner, their head or the organiser); frees the place',
        params: RegistrationParams,
        body: RegistrationWithdrawal,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { registration } = await visibleRegistration(request, request.params.registrationId);
      const { reason, version } = request.body;
      await db.transaction(async (tx) => {
        await lockEdition(tx, registration.trainingId, registration.editionId);
        const current = await findRegistration(tx, registration.id, { lock: true });
        if (!current) throw notFound();
        if (current.version !== version) throw conflict();
        if (
          !['do_akceptacji', 'potwierdzona', 'rezerwowa'].includes(current.status) ||
          warsawToday() > current.editionEndsOn
        )
          throw fieldError('status', 'training.registration.notActive');
        await tx.execute(
          sql`update training_registrations set status = 'wycofana', reason = ${reason}, decided_at = now(),
                decided_by = ${actor.userId}, version = version + 1, updated_at = now()
              where id = ${current.id}`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_registration',
          recordId: current.id,
          before: registrationAuditable(current),
          after: registrationAuditable({ status: 'wycofana', reason }),
          details: { withdrawn: true },
        });
        if (current.status === 'potwierdzona') await fillFreePlaces(tx, current.editionId, request);
      });
      return oneRegistration(db, registration.id, request.actor);
    },
  );

  app.put(
    '/:trainingId/editions/:editionId/attendance',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Record who was present at a session of the edition',
        params: EditionParams,
        body: AttendanceInput,
        response: { 200: RegistrationList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const access = await requireTrainingManager(request, request.params.trainingId);
      const { sessionId, marks } = request.body;
      const today = warsawToday();
      await db.transaction(async (tx) => {
        const [session] = await queryRows<{ id: string; heldOn: string }>(
          tx,
          sql`select s.id, s.held_on::text as "heldOn" from training_sessions s join training_editions e on e.id = s.edition_id
              where s.id = ${sessionId} and e.id = ${request.params.editionId} and e.training_id = ${access.id}`,
        );
        if (!session) throw fieldError('sessionId', 'training.edition.sessionUnknown');
        if (session.heldOn > today) throw fieldError('sessionId', 'training.attendance.future');
        const ids = marks.map((m) => m.registrationId);
        const confirmed = await queryRows<{ id: string }>(
          tx,
          sql`select id from training_registrations where id = any(${sql.param(ids)}::uuid[])
                and edition_id = ${request.params.editionId} and status = 'potwierdzona'`,
        );
        const ok = new Set(confirmed.map((c) => c.id));
        const bad = marks.findIndex((m) => !ok.has(m.registrationId));
        if (bad >= 0) throw fieldError(`marks.${bad}.registrationId`, 'training.attendance.notConfirmed');
        for (const m of marks)
          await tx.execute(
            sql`insert into training_attendance (session_id, registration_id, present, marked_by)
                values (${sessionId}, ${m.registrationId}, ${m.present}, ${actor.userId})
                on conflict (session_id, registration_id)
                do update set present = excluded.present, marked_by = excluded.marked_by, marked_at = now()`,
          );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_attendance',
          recordId: sessionId,
          after: {
            present: marks.filter((m) => m.present).length,
            absent: marks.filter((m) => !m.present).length,
          },
          details: { editionId: request.params.editionId },
        });
        // Attendance may complete what a certificate waited for (the final test already passed).
        for (const m of marks)
          if (m.present) await issueCertificateIfDue(tx, m.registrationId, today, actorFromRequest(request));
      });
      const items = await loadRegistrations(
        db,
        sql`r.edition_id = ${request.params.editionId} and e.training_id = ${access.id}`,
        request.actor,
      );
      await auditRegistrationList(request, request.params.editionId, items.length);
      return { items };
    },
  );
};
