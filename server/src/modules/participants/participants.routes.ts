import {
  FOLLOW_UP_NOTICE_DAYS,
  Participant,
  ParticipantAggregate,
  ParticipantEnrolRequest,
  ParticipantExitInput,
  ParticipantFollowUpInput,
  ParticipantFollowUpList,
  ParticipantList,
  ParticipantListQuery,
  ParticipantUpdate,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { type ProjectAccess, requireProject, requireProjectTeam } from '../projects/index.js';
import { type ChangeContext, enrol, recordExit, recordFollowUp, updateEntry } from './actions.js';
import { contractFilename, loadContractDocument, renderContractPdf } from './contract.pdf.js';
import {
  followUpToDo,
  listParticipants,
  loadParticipant,
  participantCounts,
  projectCohorts,
} from './queries.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const ParticipantParams = ProjectParams.extend({ participantId: z.uuid() });

/**
 * Participants of a project (docs/participants.md). Persons are personal data: only the project
 * team reads them (`requireProjectTeam`: others get 404, logged) and only its coordinators change
 * them; every read of a list, a card or the contract is in the audit log, every change with its
 * entry in the same transaction. Any reader of the project sees the counts (`/participants/summary`).
 */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  const changeContext =
    (request: FastifyRequest, access: ProjectAccess) =>
    (tx: ChangeContext['tx']): ChangeContext => ({
      tx,
      actor: actorFromRequest(request),
      userId: (request.actor as Actor).userId,
      projectId: access.id,
      leaderInstitutionId: access.leaderInstitutionId,
      today: warsawToday(),
    });

  async function card(access: ProjectAccess, participantId: string) {
    const p = await loadParticipant(db, access.id, participantId, warsawToday(), access.manage);
    if (!p) throw notFound();
    return p;
  }

  app.get(
    '/:projectId/participants/summary',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary: 'Counts of the project’s participants by status and sex (any reader of the project)',
        params: ProjectParams,
        response: { 200: ParticipantAggregate },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.projectId);
      const [team] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from project_team where project_id = ${access.id} and user_id = ${(request.actor as Actor).userId}`,
      );
      return {
        counts: await participantCounts(db, access.id),
        cohorts: await projectCohorts(db, access.id),
        abilities: { readPersons: (team?.n ?? 0) > 0, manage: access.manage },
      };
    },
  );

  app.get(
    '/:projectId/participants',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary: 'The project’s participants (project team only): filters, counts, follow-ups due',
        params: ProjectParams,
        querystring: ParticipantListQuery,
        response: { 200: ParticipantList },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const today = warsawToday();
      const q = request.query;
      const [page, counts, cohorts, due] = await Promise.all([
        listParticipants(db, access.id, q, today, FOLLOW_UP_NOTICE_DAYS),
        participantCounts(db, access.id),
        projectCohorts(db, access.id),
        queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from participants pa
              where pa.project_id = ${access.id} and ${followUpToDo(today, FOLLOW_UP_NOTICE_DAYS)}`,
        ),
      ]);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'participant_list',
        recordId: access.id,
        details: {
          projectId: access.id,
          count: page.items.length,
          filters: { status: q.status, cohortId: q.cohortId, search: !!q.q, followUp: q.followUp },
        },
      });
      return {
        ...page,
        counts,
        followUpsDue: due[0]?.n ?? 0,
        cohorts,
        today,
        abilities: { manage: access.manage },
      };
    },
  );

  app.get(
    '/:projectId/participants/follow-ups',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary: 'Six-month follow-ups overdue or due within two weeks (project team)',
        params: ProjectParams,
        response: { 200: ParticipantFollowUpList },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const today = warsawToday();
      const items = await queryRows<z.infer<typeof ParticipantFollowUpList>['items'][number]>(
        db,
        sql`select pa.id, pa.technical_id as "technicalId", pe.first_name as "firstName", pe.last_name as "lastName",
              pa.left_on::text as "leftOn", pa.follow_up_due_on::text as "followUpDueOn",
              case when pa.follow_up_due_on <= ${today}::date then 'zalegly' else 'wkrotce' end as "followUp"
            from participants pa join persons pe on pe.id = pa.person_id
            where pa.project_id = ${access.id} and ${followUpToDo(today, FOLLOW_UP_NOTICE_DAYS)}
            order by pa.follow_up_due_on, pa.technical_id`,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'participant_list',
        recordId: access.id,
        details: { projectId: access.id, count: items.length, followUps: true },
      });
      return { items, today };
    },
  );

  app.post(
    '/:projectId/participants',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['participants'],
        summary:
          'Enrol a participant (ParticipantEnrolInput; with applicationId the missing fields come from the application)',
        params: ProjectParams,
        body: ParticipantEnrolRequest,
        response: { 201: Participant },
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const ctx = changeContext(request, access);
      const id = await db.transaction((tx) => enrol(ctx(tx), request.body as Record<string, unknown>));
      return reply.status(201).send(await card(access, id));
    },
  );

  app.get(
    '/:projectId/participants/:participantId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary:
          'One participant with the person’s data and the SM EFS data (project team; the read is logged)',
        params: ParticipantParams,
        response: { 200: Participant },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const p = await card(access, request.params.participantId);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'participant',
        recordId: p.id,
        details: { projectId: access.id },
      });
      return p;
    },
  );

  app.put(
    '/:projectId/participants/:participantId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['participants'],
        summary: 'Change the data at entry (not the birth date nor the locked age); stale version → 409',
        params: ParticipantParams,
        body: ParticipantUpdate,
        response: { 200: Participant },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const ctx = changeContext(request, access);
      const { participant, version } = request.body;
      await db.transaction((tx) => updateEntry(ctx(tx), request.params.participantId, participant, version));
      return card(access, request.params.participantId);
    },
  );

  app.post(
    '/:projectId/participants/:participantId/exit',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['participants'],
        summary: 'Record (or correct) the exit: status, day, situation, completed path, results on leaving',
        params: ParticipantParams,
        body: ParticipantExitInput,
        response: { 200: Participant },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const ctx = changeContext(request, access);
      await db.transaction((tx) => recordExit(ctx(tx), request.params.participantId, request.body));
      return card(access, request.params.participantId);
    },
  );

  app.post(
    '/:projectId/participants/:participantId/follow-up',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['participants'],
        summary: 'Record the result six months after leaving',
        params: ParticipantParams,
        body: ParticipantFollowUpInput,
        response: { 200: Participant },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const ctx = changeContext(request, access);
      await db.transaction((tx) => recordFollowUp(ctx(tx), request.params.participantId, request.body));
      return card(access, request.params.participantId);
    },
  );

  app.get(
    '/:projectId/participants/:participantId/contract.pdf',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['participants'],
        summary: 'The participation contract (umowa uczestnictwa) as a PDF to print and sign (logged)',
        params: ParticipantParams,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const document = await loadContractDocument(db, access.id, request.params.participantId);
      if (!document) throw notFound();
      const pdf = await renderContractPdf(document);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'participant',
        recordId: request.params.participantId,
        details: { projectId: access.id, format: 'pdf', document: 'umowa_uczestnictwa' },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${contractFilename(document.technicalId)}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
