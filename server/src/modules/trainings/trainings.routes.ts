import {
  ApprovalList,
  EditionInput,
  EditionOut,
  EditionUpdate,
  EmployeeList,
  FinancingProjects,
  MyTrainings,
  Training,
  TrainingInput,
  TrainingList,
  TrainingListQuery,
  TrainingUpdate,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound, validationFailed } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, conflict, matchesWords } from '../identity/scope.js';
import { managesOrganiser, requireTrainingManager, visibleTraining } from './access.js';
import { loadEditions, loadRegistrations } from './queries.js';
import { fillFreePlaces } from './waiting-list.js';

const TrainingParams = z.object({ trainingId: z.uuid() });
const EditionParams = TrainingParams.extend({ editionId: z.uuid() });
const PAGE_SIZE = 20;

type Issue = { field: string; code: string; params?: Record<string, unknown> };

type TrainingIn = z.output<typeof TrainingInput>;
type EditionIn = z.output<typeof EditionInput>;

interface TrainingRow {
  id: string;
  title: string;
  form: Training['form'];
  topic: string;
  description: string | null;
  targetStaff: Training['targetStaff'];
  hours: string;
  trainers: string[];
  projectId: string | null;
  projectNumber: string | null;
  projectTitle: string | null;
  passThreshold: number;
  issuesCertificate: boolean;
  minAttendancePercent: number;
  status: Training['status'];
  organiserId: string;
  organiserName: string;
  questionCount: number;
  lessonCount: number;
  version: number;
  total: number;
}

const trainingColumns = sql`
  t.id, t.title, t.form, t.topic, t.description, t.target_staff as "targetStaff", t.hours::text as hours,
  t.trainers, t.project_id as "projectId", p.number as "projectNumber", p.title as "projectTitle",
  t.pass_threshold as "passThreshold", t.issues_certificate as "issuesCertificate",
  t.min_attendance_percent as "minAttendancePercent", t.status,
  i.id as "organiserId", coalesce(i.short_name, i.name) as "organiserName",
  (select count(*)::int from training_questions q where q.training_id = t.id and q.active) as "questionCount",
  (select count(*)::int from training_lessons ls where ls.training_id = t.id) as "lessonCount",
  t.version`;

async function loadTrainingRows(db: DbOrTx, where: SQL, page?: number): Promise<TrainingRow[]> {
  return queryRows<TrainingRow>(
    db,
    sql`select ${trainingColumns}, count(*) over ()::int as total
        from trainings t
        join institutions i on i.id = t.organiser_institution_id
        left join projects p on p.id = t.project_id
        where ${where}
        order by t.status = 'zarchiwizowane', t.title, t.id
        ${page ? sql`limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}` : sql``}`,
  );
}

function toTraining(row: TrainingRow, actor: Actor | undefined) {
  const {
    projectId,
    projectNumber,
    projectTitle,
    organiserId,
    organiserName,
    total: _,
    hours,
    ...rest
  } = row;
  return {
    ...rest,
    hours: Number(hours),
    project: projectId ? { id: projectId, number: projectNumber ?? '', title: projectTitle ?? '' } : null,
    organiser: { id: organiserId, name: organiserName },
    abilities: { manage: managesOrganiser(actor, organiserId) },
  };
}

async function oneTraining(db: DbOrTx, trainingId: string, actor: Actor | undefined) {
  const [row] = await loadTrainingRows(db, sql`t.id = ${trainingId}`);
  if (!row) throw notFound();
  return { ...toTraining(row, actor), editions: await loadEditions(db, [trainingId]) };
}

const trainingAuditable = (t: TrainingIn | (TrainingRow & { hours: string | number })) => ({
  title: t.title,
  form: t.form,
  topic: t.topic,
  description: t.description,
  targetStaff: t.targetStaff,
  hours: Number(t.hours),
  trainers: t.trainers,
  projectId: t.projectId,
  passThreshold: t.passThreshold,
  issuesCertificate: t.issuesCertificate,
  minAttendancePercent: t.minAttendancePercent,
  status: t.status,
});

/** The financing project must be one the organiser leads or is a partner of. */
async function trainingIssues(db: DbOrTx, input: TrainingIn, organiserId: string): Promise<Issue[]> {
  if (!input.projectId) return [];
  const [ok] = await queryRows<{ id: string }>(
    db,
    sql`select p.id from projects p where p.id = ${input.projectId}
          and (p.leader_institution_id = ${organiserId}
               or exists (select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = ${organiserId}))`,
  );
  return ok ? [] : [{ field: 'projectId', code: 'training.projectUnknown' }];
}

/** Field rules of an edition beyond the shapes (dates, place, sessions). */
function editionIssues(e: EditionIn, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (e.endsOn < e.startsOn) issues.push({ field: f('endsOn'), code: 'training.edition.datesOrder' });
  if (e.mode !== 'online' && !e.place)
    issues.push({ field: f('place'), code: 'training.edition.placeRequired' });
  if (e.mode !== 'stacjonarna' && !e.onlineUrl)
    issues.push({ field: f('onlineUrl'), code: 'training.edition.onlineUrlRequired' });
  if (e.registrationClosesOn && e.registrationClosesOn > e.endsOn)
    issues.push({ field: f('registrationClosesOn'), code: 'training.edition.closesAfterEnd' });
  e.sessions.forEach((s, i) => {
    if (s.on < e.startsOn || s.on > e.endsOn)
      issues.push({ field: f(`sessions.${i}.on`), code: 'training.edition.sessionOutside' });
    if (s.endsAt <= s.startsAt)
      issues.push({ field: f(`sessions.${i}.endsAt`), code: 'training.edition.sessionTimes' });
  });
  return issues;
}

const editionAuditable = (e: EditionIn | EditionOut) => ({
  name: e.name,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  mode: e.mode,
  place: e.place,
  onlineUrl: e.onlineUrl,
  capacity: e.capacity,
  registrationClosesOn: e.registrationClosesOn,
  requiresApproval: e.requiresApproval,
  status: e.status,
  sessions: e.sessions.map((s) => ({
    on: s.on,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    topic: s.topic ?? null,
  })),
});

/**
 * The catalogue and the organiser's side of the training platform (docs/trainings.md): trainings,
 * their editions with sessions, the user's own registrations and the head's approvals.
 */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The catalogue of published trainings (or, with managed=true, those the user organises)',
        querystring: TrainingListQuery,
        response: { 200: TrainingList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { q, form, managed, page } = request.query;
      const conditions: SQL[] = [];
      if (managed) {
        if (!actor.permissions.has('trainings.manage') || !actor.institutionId)
          return { items: [], total: 0, page, pageSize: PAGE_SIZE };
        conditions.push(sql`t.organiser_institution_id = ${actor.institutionId}`);
      } else conditions.push(sql`t.status = 'opublikowane'`);
      if (form) conditions.push(sql`t.form = ${form}`);
      if (q) conditions.push(matchesWords(sql`search_text(t.title || ' ' || t.topic)`, q));
      const rows = await loadTrainingRows(db, sql.join(conditions, sql` and `), page);
      const editions = await loadEditions(
        db,
        rows.map((r) => r.id),
      );
      const today = warsawToday();
      return {
        items: rows.map((r) => {
          const own = editions.filter((e) => e.trainingId === r.id && e.status === 'planowana');
          const next = own.find((e) => e.endsOn >= today);
          return {
            ...toTraining(r, actor),
            nextEditionOn: next?.startsOn ?? null,
            openEditions: own.filter((e) => e.registrationOpen).length,
          };
        }),
        total: rows[0]?.total ?? 0,
        page,
        pageSize: PAGE_SIZE,
      };
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Add a training to the catalogue of the active institution',
        body: TrainingInput,
        response: { 201: Training },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const organiserId = actor.institutionId;
      if (!organiserId) throw new AppError('forbidden', 'training.manageForbidden');
      const input = request.body;
      const id = await db.transaction(async (tx) => {
        const issues = await trainingIssues(tx, input, organiserId);
        if (issues.length) throw validationFailed(issues);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into trainings (organiser_institution_id, title, form, topic, description, target_staff, hours,
                trainers, project_id, pass_threshold, issues_certificate, min_attendance_percent, status, created_by)
              values (${organiserId}, ${input.title}, ${input.form}, ${input.topic}, ${input.description},
                ${sql.param(input.targetStaff)}::text[], ${input.hours}, ${sql.param(input.trainers)}::text[],
                ${input.projectId}, ${input.passThreshold}, ${input.issuesCertificate}, ${input.minAttendancePercent},
                ${input.status}, ${actor.userId})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training',
          recordId: row.id,
          before: null,
          after: trainingAuditable(input),
        });
        return row.id;
      });
      return reply.status(201).send(await oneTraining(db, id, actor));
    },
  );

  app.get(
    '/financing-projects',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Projects that may finance a training of the active institution (led or partnered)',
        response: { 200: FinancingProjects },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.institutionId) return { items: [] };
      const items = await queryRows<{ id: string; number: string; title: string }>(
        db,
        sql`select p.id, p.number, coalesce(p.short_title, p.title) as title from projects p
            where p.leader_institution_id = ${actor.institutionId}
               or exists (select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = ${actor.institutionId})
            order by p.number`,
      );
      return { items };
    },
  );

  app.get(
    '/employees',
    {
      config: { access: { permission: 'trainings.approve' } },
      schema: {
        tags: ['trainings'],
        summary: 'Active users of the active institution, for a head registering an employee',
        response: { 200: EmployeeList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.institutionId) return { items: [] };
      const items = await queryRows<{ id: string; firstName: string; lastName: string; email: string }>(
        db,
        sql`select u.id, u.first_name as "firstName", u.last_name as "lastName", u.email
            from memberships m join users u on u.id = m.user_id
            where m.institution_id = ${actor.institutionId} and m.active and u.status = 'active'
            order by u.last_name, u.first_name, u.id`,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'user',
        details: { list: 'training_employees', count: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The user’s own registrations (every institution they learn as)',
        response: { 200: MyTrainings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await loadRegistrations(db, sql`l.user_id = ${actor.userId}`, actor) };
    },
  );

  app.get(
    '/approvals',
    {
      config: { access: { permission: 'trainings.approve' } },
      schema: {
        tags: ['trainings'],
        summary: 'Registrations of the active institution’s employees waiting for approval',
        response: { 200: ApprovalList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.institutionId) return { items: [] };
      const items = await loadRegistrations(
        db,
        sql`l.institution_id = ${actor.institutionId} and r.status = 'do_akceptacji'`,
        actor,
      );
      if (items.length)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'training_registration',
          details: { list: 'approvals', count: items.length },
        });
      return { items };
    },
  );

  app.get(
    '/:trainingId',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'One training with its editions and sessions',
        params: TrainingParams,
        response: { 200: Training },
      },
    },
    async (request) => {
      await visibleTraining(request, request.params.trainingId);
      return oneTraining(db, request.params.trainingId, request.actor);
    },
  );

  app.put(
    '/:trainingId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Change a training (publish, archive) with the loaded version',
        params: TrainingParams,
        body: TrainingUpdate,
        response: { 200: Training },
      },
    },
    async (request) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const { training: input, version } = request.body;
      await db.transaction(async (tx) => {
        const [before] = await loadTrainingRows(tx, sql`t.id = ${access.id}`);
        if (!before) throw notFound();
        if (before.version !== version) throw conflict();
        const issues = await trainingIssues(tx, input, access.organiserInstitutionId);
        if (issues.length) throw validationFailed(issues);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update trainings set title = ${input.title}, form = ${input.form}, topic = ${input.topic},
                description = ${input.description}, target_staff = ${sql.param(input.targetStaff)}::text[],
                hours = ${input.hours}, trainers = ${sql.param(input.trainers)}::text[], project_id = ${input.projectId},
                pass_threshold = ${input.passThreshold}, issues_certificate = ${input.issuesCertificate},
                min_attendance_percent = ${input.minAttendancePercent}, status = ${input.status},
                version = version + 1, updated_at = now()
              where id = ${access.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training',
          recordId: access.id,
          before: trainingAuditable(before),
          after: trainingAuditable(input),
        });
      });
      return oneTraining(db, access.id, request.actor);
    },
  );

  /** Inserts, updates and removes the sessions of an edition to match the input. */
  async function saveSessions(tx: DbOrTx, editionId: string, input: EditionIn): Promise<void> {
    const existing = await queryRows<{ id: string; attended: boolean }>(
      tx,
      sql`select s.id, exists (select 1 from training_attendance a where a.session_id = s.id) as attended
          from training_sessions s where s.edition_id = ${editionId}`,
    );
    const issues: Issue[] = [];
    input.sessions.forEach((s, i) => {
      if (s.id && !existing.some((e) => e.id === s.id))
        issues.push({ field: `edition.sessions.${i}.id`, code: 'training.edition.sessionUnknown' });
    });
    const kept = new Set(input.sessions.map((s) => s.id).filter(Boolean));
    for (const e of existing)
      if (!kept.has(e.id) && e.attended)
        issues.push({ field: 'edition.sessions', code: 'training.edition.sessionHasAttendance' });
    if (issues.length) throw validationFailed(issues);
    const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (removed.length)
      await tx.execute(sql`delete from training_sessions where id = any(${sql.param(removed)}::uuid[])`);
    for (const s of input.sessions) {
      if (s.id)
        await tx.execute(
          sql`update training_sessions set held_on = ${s.on}, starts_at = ${s.startsAt}, ends_at = ${s.endsAt}, topic = ${s.topic}
              where id = ${s.id}`,
        );
      else
        await tx.execute(
          sql`insert into training_sessions (edition_id, held_on, starts_at, ends_at, topic)
              values (${editionId}, ${s.on}, ${s.startsAt}, ${s.endsAt}, ${s.topic})`,
        );
    }
  }

  async function oneEdition(trainingId: string, editionId: string): Promise<EditionOut> {
    const edition = (await loadEditions(db, [trainingId])).find((e) => e.id === editionId);
    if (!edition) throw notFound();
    return edition;
  }

  app.post(
    '/:trainingId/editions',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Add an edition (dates, place or link, capacity, sessions) to a training',
        params: TrainingParams,
        body: EditionInput,
        response: { 201: EditionOut },
      },
    },
    async (request, reply) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const input = request.body;
      const issues = editionIssues(input);
      if (issues.length) throw validationFailed(issues);
      const id = await db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into training_editions (training_id, name, starts_on, ends_on, mode, place, online_url, capacity,
                registration_closes_on, requires_approval, status)
              values (${access.id}, ${input.name}, ${input.startsOn}, ${input.endsOn}, ${input.mode}, ${input.place},
                ${input.onlineUrl}, ${input.capacity}, ${input.registrationClosesOn}, ${input.requiresApproval},
                ${input.status})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await saveSessions(tx, row.id, { ...input, sessions: input.sessions.map(({ id: _, ...s }) => s) });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training_edition',
          recordId: row.id,
          before: null,
          after: editionAuditable(input),
          details: { trainingId: access.id },
        });
        return row.id;
      });
      return reply.status(201).send(await oneEdition(access.id, id));
    },
  );

  app.put(
    '/:trainingId/editions/:editionId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Change an edition with the loaded version; more places move the waiting list up',
        params: EditionParams,
        body: EditionUpdate,
        response: { 200: EditionOut },
      },
    },
    async (request) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const { edition: input, version } = request.body;
      const issues = editionIssues(input, 'edition.');
      if (issues.length) throw validationFailed(issues);
      await db.transaction(async (tx) => {
        const [locked] = await queryRows<{ id: string; version: number }>(
          tx,
          sql`select id, version from training_editions where id = ${request.params.editionId}
                and training_id = ${access.id} for update`,
        );
        if (!locked) throw notFound();
        if (locked.version !== version) throw conflict();
        const before = (await loadEditions(tx, [access.id])).find((e) => e.id === locked.id);
        if (!before) throw notFound();
        if (input.capacity < before.confirmed)
          throw validationFailed([
            {
              field: 'edition.capacity',
              code: 'training.edition.capacityBelowConfirmed',
              params: { confirmed: before.confirmed },
            },
          ]);
        await tx.execute(
          sql`update training_editions set name = ${input.name}, starts_on = ${input.startsOn}, ends_on = ${input.endsOn},
                mode = ${input.mode}, place = ${input.place}, online_url = ${input.onlineUrl}, capacity = ${input.capacity},
                registration_closes_on = ${input.registrationClosesOn}, requires_approval = ${input.requiresApproval},
                status = ${input.status}, version = version + 1, updated_at = now(),
                reminded_on = case when starts_on = ${input.startsOn} then reminded_on end
              where id = ${locked.id}`,
        );
        await saveSessions(tx, locked.id, input);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_edition',
          recordId: locked.id,
          before: editionAuditable(before),
          after: editionAuditable(input),
          details: { trainingId: access.id },
        });
        if (input.status === 'planowana') await fillFreePlaces(tx, locked.id, request);
      });
      return oneEdition(access.id, request.params.editionId);
    },
  );
};
