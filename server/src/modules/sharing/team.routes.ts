import {
  BlueCardUpdate,
  CaseTeam,
  type Consent,
  ConsentInput,
  ConsentWithdraw,
  legalBases,
  shareScopes,
  TeamInvitationAnswer,
  TeamInvitationList,
  TeamInvite,
  type TeamMember,
  TeamMemberEnd,
  teamRoles,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import {
  addSystemEntry,
  type CaseAccess,
  consentInForce,
  requireCase,
  requireWritable,
  teamShareActive,
  touchCase,
} from '../cases/access.js';
import { actorOf, fieldError, isUniqueViolation, outOfScope } from '../identity/scope.js';
import {
  checkBasis,
  checkHandler,
  checkPartnerInstitution,
  checkVersion,
  iso,
  plLabel,
  subjectNameSql,
  warsawToday,
} from './common.js';
import { renderConsentPdf } from './consent.pdf.js';
import { notifyInstitution, notifyUsers } from './notify.js';

const CaseParams = z.object({ caseId: z.uuid() });
const MemberParams = z.object({ caseId: z.uuid(), memberId: z.uuid() });
const ConsentParams = z.object({ caseId: z.uuid(), consentId: z.uuid() });
const Version = z.object({ version: z.number().int() });

/** The team is formed by the lead worker or a supervisor of the owner institution. */
function requireTeamManager(a: Actor, c: CaseAccess) {
  requireWritable(a, c);
  if (c.relation === 'coworker') throw new AppError('forbidden', 'team.leadOnly');
}

export async function loadTeam(db: DbOrTx, where: SQL): Promise<TeamMember[]> {
  const rows = await queryRows<TeamMember & { sharing: boolean }>(
    db,
    sql`select m.id, m.case_id as "caseId",
          json_build_object('id', i.id, 'name', i.name, 'sector', i.sector) as institution,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name, 'email', u.email) end as "user",
          m.role, m.status, m.basis, m.legal_basis as "legalBasis", m.consent_id as "consentId", m.scopes, m.purpose,
          m.starts_on::text as "startsOn", m.ends_on::text as "endsOn", m.ended_at as "endedAt", m.end_reason as "endReason",
          ${teamShareActive} as sharing, m.version
        from case_team_members m join institutions i on i.id = m.institution_id left join users u on u.id = m.user_id
        where ${where}
        order by case m.status when 'aktywny' then 0 when 'zaproszony' then 1 else 2 end, m.created_at`,
  );
  return rows.map((r) => ({ ...r, endedAt: iso(r.endedAt) }));
}

export async function loadConsents(db: DbOrTx, caseId: string): Promise<Consent[]> {
  const rows = await queryRows<Consent>(
    db,
    sql`select k.id, k.case_id as "caseId",
          json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name) as person,
          json_build_object('id', i.id, 'name', i.name) as recipient,
          k.scopes, k.purpose, k.given_on::text as "givenOn", k.valid_until::text as "validUntil",
          k.withdrawn_on::text as "withdrawnOn",
${consentInForce} as active,
          k.signed_scan_id as "signedScanId", k.version, k.created_at as "createdAt"
        from consents k join persons p on p.id = k.person_id join institutions i on i.id = k.recipient_institution_id
        where k.case_id = ${caseId} order by k.given_on desc, k.created_at desc`,
  );
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) as string }));
}

/** The person must be the case's subject or a member of its household. */
async function checkConsentPerson(db: DbOrTx, caseId: string, personId: string) {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select true as ok from cases c where c.id = ${caseId} and (c.person_id = ${personId}
          or exists (select 1 from household_members hm where hm.household_id = c.household_id
                     and hm.person_id = ${personId} and hm.to_date is null))`,
  );
  if (!row) throw fieldError('personId', 'consent.personNotInCase');
}

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/team',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'The case team (ZZK) and the consents of the case, as the owner institution sees them',
        params: CaseParams,
        response: { 200: CaseTeam },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const [members, consents] = await Promise.all([
        loadTeam(db, sql`m.case_id = ${c.id}`),
        loadConsents(db, c.id),
      ]);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.team',
        recordId: c.id,
      });
      const canManage =
        a.permissions.has('cases.write') && c.relation !== 'coworker' && c.status !== 'zamknieta';
      return { members, consents, canManage };
    },
  );

  app.post(
    '/:caseId/team',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Invite an institution to the case team with a role, a scope of data and its basis (a provision or a consent)',
        params: CaseParams,
        body: TeamInvite,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireTeamManager(a, c);
      const input = request.body;
      const inst = await checkPartnerInstitution(db, input.institutionId, c.institutionId, 'institutionId');
      await checkBasis(db, input, c.id, inst.id);
      const id = await db
        .transaction(async (tx) => {
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into case_team_members (case_id, institution_id, role, basis, legal_basis, consent_id, scopes,
                  purpose, starts_on, ends_on, invited_by)
                values (${c.id}, ${inst.id}, ${input.role}, ${input.basis},
                  ${input.basis === 'przepis' ? (input.legalBasis ?? null) : null},
                  ${input.basis === 'zgoda' ? (input.consentId ?? null) : null}, ${sql.param(input.scopes)}::text[],
                  ${input.purpose}, ${input.startsOn}, ${input.endsOn ?? null}, ${a.userId})
                returning id`,
          );
          const memberId = row?.id as string;
          await addSystemEntry(tx, {
            caseId: c.id,
            kind: 'wspolpraca',
            title: `Zaproszenie do zespołu: ${inst.name} (${plLabel(teamRoles, input.role)})`,
            body: `Zakres: ${input.scopes.map((s) => plLabel(shareScopes, s)).join(', ')}. Podstawa: ${
              input.basis === 'zgoda' ? 'zgoda osoby' : plLabel(legalBases, input.legalBasis ?? null)
            }.`,
            authorId: a.userId,
          });
          await touchCase(tx, c.id);
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'case.team_member',
            recordId: memberId,
            after: {
              caseId: c.id,
              institutionId: inst.id,
              role: input.role,
              scopes: input.scopes,
              basis: input.basis,
            },
          });
          await notifyInstitution(tx, {
            institutionId: inst.id,
            kind: 'team.invited',
            params: { institution: inst.name },
            link: '/skrzynka?zakladka=zaproszenia',
          });
          return memberId;
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'case_team_members_current_uq'))
            throw fieldError('institutionId', 'team.alreadyMember');
          throw e;
        });
      reply.code(201);
      return { id };
    },
  );

  app.post(
    '/:caseId/team/:memberId/end',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'End a team membership (or withdraw an invitation): the institution loses access at once',
        params: MemberParams,
        body: TeamMemberEnd,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireTeamManager(a, c);
      await db.transaction(async (tx) => {
        const [m] = await queryRows<{ status: string; version: number; name: string; userId: string | null }>(
          tx,
          sql`select m.status, m.version, i.name, m.user_id as "userId" from case_team_members m
              join institutions i on i.id = m.institution_id
              where m.id = ${request.params.memberId} and m.case_id = ${c.id} for update of m`,
        );
        if (!m) throw new AppError('not_found', 'record.notFound');
        checkVersion(m.version, request.body.version);
        if (m.status !== 'aktywny' && m.status !== 'zaproszony')
          throw new AppError('conflict', 'team.alreadyEnded');
        await tx.execute(
          sql`update case_team_members set status = 'zakonczony', ended_at = now(), end_reason = ${request.body.reason},
                version = version + 1, updated_at = now() where id = ${request.params.memberId}`,
        );
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'wspolpraca',
          title: `Zakończono udział w zespole: ${m.name}`,
          body: request.body.reason,
          authorId: a.userId,
        });
        await touchCase(tx, c.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case.team_member',
          recordId: request.params.memberId,
          before: { status: m.status },
          after: { status: 'zakonczony' },
        });
      });
      reply.code(204);
      return null;
    },
  );

  // ————— consents —————

  app.post(
    '/:caseId/consents',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Record a consent of the person to share data of the case with an institution',
        params: CaseParams,
        body: ConsentInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c);
      const input = request.body;
      if (input.givenOn > warsawToday()) throw fieldError('givenOn', 'consent.givenInFuture');
      await checkConsentPerson(db, c.id, input.personId);
      const inst = await checkPartnerInstitution(
        db,
        input.recipientInstitutionId,
        c.institutionId,
        'recipientInstitutionId',
      );
      const id = await db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into consents (case_id, person_id, recipient_institution_id, scopes, purpose, given_on, valid_until, created_by)
              values (${c.id}, ${input.personId}, ${inst.id}, ${sql.param(input.scopes)}::text[], ${input.purpose},
                      ${input.givenOn}, ${input.validUntil ?? null}, ${a.userId})
              returning id`,
        );
        const consentId = row?.id as string;
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'wspolpraca',
          title: `Zgoda na udostępnienie danych: ${inst.name}`,
          body: `Zakres: ${input.scopes.map((s) => plLabel(shareScopes, s)).join(', ')}. Cel: ${input.purpose}`,
          authorId: a.userId,
        });
        await touchCase(tx, c.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'consent',
          recordId: consentId,
          after: { caseId: c.id, personId: input.personId, recipient: inst.id, scopes: input.scopes },
        });
        return consentId;
      });
      reply.code(201);
      return { id };
    },
  );

  app.post(
    '/:caseId/consents/:consentId/withdraw',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Record that the person withdrew a consent: every share resting on it ends at once',
        params: ConsentParams,
        body: ConsentWithdraw,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      // A withdrawal is recorded even on a closed case: the person may withdraw at any time.
      requireWritable(a, c, { allowClosed: true });
      if (request.body.withdrawnOn > warsawToday())
        throw fieldError('withdrawnOn', 'consent.withdrawnInFuture');
      await db.transaction(async (tx) => {
        const [k] = await queryRows<{ version: number; withdrawn: boolean; name: string; givenOn: string }>(
          tx,
          sql`select k.version, k.withdrawn_on is not null as withdrawn, i.name, k.given_on::text as "givenOn"
              from consents k join institutions i on i.id = k.recipient_institution_id
              where k.id = ${request.params.consentId} and k.case_id = ${c.id} for update of k`,
        );
        if (!k) throw new AppError('not_found', 'record.notFound');
        checkVersion(k.version, request.body.version);
        if (k.withdrawn) throw new AppError('conflict', 'consent.alreadyWithdrawn');
        if (request.body.withdrawnOn < k.givenOn)
          throw fieldError('withdrawnOn', 'consent.withdrawnBeforeGiven');
        await tx.execute(
          sql`update consents set withdrawn_on = ${request.body.withdrawnOn}, withdrawn_by = ${a.userId},
                version = version + 1 where id = ${request.params.consentId}`,
        );
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'wspolpraca',
          title: `Wycofanie zgody na udostępnienie danych: ${k.name}`,
          authorId: a.userId,
        });
        await touchCase(tx, c.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'consent',
          recordId: request.params.consentId,
          before: { withdrawnOn: null },
          after: { withdrawnOn: request.body.withdrawnOn },
        });
      });
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/:caseId/consents/:consentId/pdf',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'The consent form as PDF, to print and sign',
        params: ConsentParams,
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      const [k] = await queryRows<{
        person: string;
        pesel: string | null;
        recipient: string;
        owner: string;
        scopes: string[];
        purpose: string;
        givenOn: string;
        validUntil: string | null;
        caseNumber: string;
      }>(
        db,
        sql`select p.first_name || ' ' || p.last_name as person, p.pesel, r.name as recipient, o.name as owner,
              k.scopes, k.purpose, k.given_on::text as "givenOn", k.valid_until::text as "validUntil", cs.number as "caseNumber"
            from consents k join persons p on p.id = k.person_id join institutions r on r.id = k.recipient_institution_id
              join cases cs on cs.id = k.case_id join institutions o on o.id = cs.institution_id
            where k.id = ${request.params.consentId} and k.case_id = ${c.id}`,
      );
      if (!k) throw new AppError('not_found', 'record.notFound');
      const pdf = await renderConsentPdf({
        ...k,
        scopes: k.scopes.map((s) => plLabel(shareScopes, s)),
      });
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'consent',
        recordId: request.params.consentId,
        details: { format: 'pdf' },
      });
      reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="zgoda-${k.caseNumber.replaceAll('/', '-')}.pdf"`,
        );
      return pdf;
    },
  );

  app.put(
    '/:caseId/consents/:consentId/signed-scan',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Link the scan of the signed consent form (a file of the same case)',
        params: ConsentParams,
        body: z.object({ attachmentId: z.uuid(), version: z.number().int() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireWritable(a, c, { allowClosed: true });
      const { attachmentId, version } = request.body;
      await db.transaction(async (tx) => {
        const [k] = await queryRows<{ version: number; signedScanId: string | null; name: string }>(
          tx,
          sql`select k.version, k.signed_scan_id as "signedScanId", i.name from consents k
              join institutions i on i.id = k.recipient_institution_id
              where k.id = ${request.params.consentId} and k.case_id = ${c.id} for update of k`,
        );
        if (!k) throw new AppError('not_found', 'record.notFound');
        checkVersion(k.version, version);
        const [file] = await queryRows<{ filename: string }>(
          tx,
          sql`select filename from attachments where id = ${attachmentId} and case_id = ${c.id}`,
        );
        if (!file) throw fieldError('attachmentId', 'consent.scanNotInCase');
        await tx.execute(
          sql`update consents set signed_scan_id = ${attachmentId}, version = version + 1 where id = ${request.params.consentId}`,
        );
        await addSystemEntry(tx, {
          caseId: c.id,
          kind: 'wspolpraca',
          title: `Dołączono podpisaną zgodę: ${k.name}`,
          body: file.filename,
          authorId: a.userId,
        });
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'consent',
          recordId: request.params.consentId,
          before: { signedScanId: k.signedScanId },
          after: { signedScanId: attachmentId },
        });
      });
      reply.code(204);
      return null;
    },
  );

  app.put(
    '/:caseId/blue-card',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cooperation'],
        summary:
          'Mark (or clear) that a Niebieska Karta procedure is under way; the flag never leaves the owner institution',
        params: CaseParams,
        body: BlueCardUpdate,
        response: { 200: Version },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const c = await requireCase(request, db, a, request.params.caseId);
      requireTeamManager(a, c);
      const since = request.body.since;
      if (since && since > warsawToday()) throw fieldError('since', 'blueCard.inFuture');
      return db.transaction(async (tx) => {
        const [row] = await queryRows<{ version: number }>(
          tx,
          sql`update cases set blue_card_since = ${since}, version = version + 1, updated_at = now()
              where id = ${c.id} and version = ${request.body.version} returning version`,
        );
        if (!row) throw new AppError('conflict', 'record.conflict');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case',
          recordId: c.id,
          // The flag itself is sensitive: logged as changed, not its value.
          before: { blueCard: '[redacted]' },
          after: { blueCard: '[redacted]' },
        });
        return { version: row.version };
      });
    },
  );
};

/** Invitations of the caller's institution to case teams: answered by naming a member or declining. */
export const teamInvitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Invitations of my institution to case teams, waiting for an answer',
        response: { 200: TeamInvitationList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const rows = await queryRows<z.infer<typeof TeamInvitationList>['items'][number]>(
        db,
        sql`select m.id, c.number as "caseNumber", json_build_object('id', o.id, 'name', o.name) as "fromInstitution",
              json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as "invitedBy",
              ${subjectNameSql} as "subjectName", m.role, m.purpose, m.scopes,
              m.starts_on::text as "startsOn", m.ends_on::text as "endsOn", m.created_at as "createdAt", m.version
            from case_team_members m join cases c on c.id = m.case_id join institutions o on o.id = c.institution_id
              join users u on u.id = m.invited_by
            where m.institution_id = ${a.institutionId} and m.status = 'zaproszony'
            order by m.created_at`,
      );
      if (rows.length)
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'case.team_invitations',
          details: { count: rows.length, ids: rows.map((r) => r.id) },
        });
      return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) as string })) };
    },
  );

  app.post(
    '/:memberId',
    {
      config: { access: { permission: 'referrals.handle' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Answer an invitation: name the member worker (accept) or decline with a reason',
        params: z.object({ memberId: z.uuid() }),
        body: TeamInvitationAnswer,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const body = request.body;
      const [invited] = await queryRows<{ id: string }>(
        db,
        sql`select id from case_team_members where id = ${request.params.memberId} and institution_id = ${a.institutionId}`,
      );
      if (!invited) return outOfScope(request, 'case.team_member', request.params.memberId);
      await db.transaction(async (tx) => {
        const [m] = await queryRows<{
          status: string;
          version: number;
          caseId: string;
          invitedBy: string;
          name: string;
          caseNumber: string;
        }>(
          tx,
          sql`select m.status, m.version, m.case_id as "caseId", m.invited_by as "invitedBy", i.name, c.number as "caseNumber"
              from case_team_members m join institutions i on i.id = m.institution_id join cases c on c.id = m.case_id
              where m.id = ${request.params.memberId} and m.institution_id = ${a.institutionId} for update of m`,
        );
        if (!m) throw new AppError('not_found', 'record.notFound');
        checkVersion(m.version, body.version);
        if (m.status !== 'zaproszony') throw new AppError('conflict', 'team.notInvited');
        if (body.answer === 'accept') {
          await checkHandler(tx, a, body.userId, 'userId');
          await tx.execute(
            sql`update case_team_members set status = 'aktywny', user_id = ${body.userId}, responded_by = ${a.userId},
                  responded_at = now(), version = version + 1, updated_at = now() where id = ${request.params.memberId}`,
          );
        } else {
          await tx.execute(
            sql`update case_team_members set status = 'odrzucony', end_reason = ${body.reason}, responded_by = ${a.userId},
                  responded_at = now(), ended_at = now(), version = version + 1, updated_at = now()
                where id = ${request.params.memberId}`,
          );
        }
        await addSystemEntry(tx, {
          caseId: m.caseId,
          kind: 'wspolpraca',
          title:
            body.answer === 'accept'
              ? `${m.name} dołącza do zespołu`
              : `${m.name} odrzuca zaproszenie do zespołu`,
          body: body.answer === 'decline' ? body.reason : null,
          authorId: a.userId,
        });
        await touchCase(tx, m.caseId);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'case.team_member',
          recordId: request.params.memberId,
          before: { status: 'zaproszony' },
          after: { status: body.answer === 'accept' ? 'aktywny' : 'odrzucony' },
        });
        await notifyUsers(tx, {
          userIds: [m.invitedBy],
          kind: 'team.answered',
          params: { institution: m.name, case: m.caseNumber, answer: body.answer },
          link: `/sprawy/${m.caseId}?zakladka=wspolpraca`,
        });
        if (body.answer === 'accept' && body.userId !== a.userId)
          await notifyUsers(tx, {
            userIds: [body.userId],
            kind: 'team.invited',
            params: { case: m.caseNumber },
            link: `/wspolpraca/${m.caseId}`,
          });
      });
      reply.code(204);
      return null;
    },
  );
};
