import { CaseMessageList, MessageInput } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { caseAccess, caseShare, referralShareActive } from '../cases/access.js';
import { actorOf, outOfScope } from '../identity/scope.js';
import { iso } from './common.js';
import { notifyUsers } from './notify.js';

const CaseParams = z.object({ caseId: z.uuid() });
const ThreadQuery = z.object({ referralId: z.uuid().optional() });

/**
 * Who may read and write a thread:
 * - the team thread (no referral): the owner side (case in scope) and named members of active teams;
 * - a referral's thread: the owner side, and the receiving institution's referral handlers while the
 *   referral is open (before acceptance too: they may ask before they accept) and its basis holds.
 */
async function threadAccess(
  request: FastifyRequest,
  db: DbOrTx,
  a: Actor,
  caseId: string,
  referralId: string | null,
): Promise<'owner' | 'partner'> {
  if (await caseAccess(db, a, caseId)) {
    if (referralId) {
      const [r] = await queryRows<{ ok: boolean }>(
        db,
        sql`select true as ok from referrals where id = ${referralId} and case_id = ${caseId}`,
      );
      if (!r) return outOfScope(request, 'referral', referralId);
    }
    return 'owner';
  }
  if (referralId) {
    const [r] = await queryRows<{ ok: boolean }>(
      db,
      sql`select true as ok from referrals r where r.id = ${referralId} and r.case_id = ${caseId}
            and r.to_institution_id = ${a.institutionId} and ${a.permissions.has('referrals.handle')}
            and (r.status = 'wyslane' or ${referralShareActive})`,
    );
    if (r) return 'partner';
    return outOfScope(request, 'referral', referralId);
  }
  const share = await caseShare(db, a, caseId);
  if (share?.via.some((v) => v.kind === 'team')) return 'partner';
  return outOfScope(request, 'case', caseId);
}

export const caseMessageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/messages',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Messages of the case team, or of one referral (referralId)',
        params: CaseParams,
        querystring: ThreadQuery,
        response: { 200: CaseMessageList },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const referralId = request.query.referralId ?? null;
      await threadAccess(request, db, a, request.params.caseId, referralId);
      const rows = await queryRows<z.infer<typeof CaseMessageList>['items'][number]>(
        db,
        sql`select m.id, m.referral_id as "referralId",
              json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as author,
              json_build_object('id', i.id, 'name', i.name) as institution, m.body, m.created_at as "createdAt",
              m.author_id = ${a.userId} as mine
            from case_messages m join users u on u.id = m.author_id join institutions i on i.id = m.author_institution_id
            where m.case_id = ${request.params.caseId}
              and ${referralId ? sql`m.referral_id = ${referralId}` : sql`m.referral_id is null`}
            order by m.created_at, m.id`,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case.messages',
        recordId: request.params.caseId,
        details: { referralId, count: rows.length },
      });
      return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) as string })) };
    },
  );

  app.post(
    '/:caseId/messages',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cooperation'],
        summary: 'Write to the case team, or in a referral’s thread; the others get a notice',
        params: CaseParams,
        body: MessageInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const a = actorOf(request);
      const caseId = request.params.caseId;
      const referralId = request.body.referralId ?? null;
      await threadAccess(request, db, a, caseId, referralId);
      const id = await db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into case_messages (case_id, referral_id, author_id, author_institution_id, body)
              values (${caseId}, ${referralId}, ${a.userId}, ${a.institutionId}, ${request.body.body}) returning id`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'case.message',
          recordId: row?.id,
          details: { caseId, referralId },
        });
        // The other participants of the thread: the lead worker, and the members / the referral's workers.
        const recipients = await queryRows<{ id: string; link: string }>(
          tx,
          referralId
            ? sql`select c.lead_worker_id as id, '/sprawy/' || c.id || '?zakladka=wspolpraca' as link from cases c where c.id = ${caseId}
                  union select r.from_user_id, '/sprawy/' || r.case_id || '?zakladka=wspolpraca' from referrals r where r.id = ${referralId}
                  union select r.assigned_user_id, '/skrzynka/' || r.id from referrals r where r.id = ${referralId} and r.assigned_user_id is not null`
            : sql`select c.lead_worker_id as id, '/sprawy/' || c.id || '?zakladka=wspolpraca' as link from cases c where c.id = ${caseId}
                  union select m.user_id, '/wspolpraca/' || m.case_id from case_team_members m
                    where m.case_id = ${caseId} and m.status = 'aktywny' and m.user_id is not null`,
        );
        const [c] = await queryRows<{ number: string }>(
          tx,
          sql`select number from cases where id = ${caseId}`,
        );
        for (const r of recipients)
          await notifyUsers(tx, {
            userIds: [r.id],
            kind: 'message.received',
            params: { case: c?.number ?? '' },
            link: r.link,
            except: a.userId,
          });
        return row?.id as string;
      });
      reply.code(201);
      return { id };
    },
  );
};
