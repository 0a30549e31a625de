import { promoteFromWaitingList } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { notify } from '../notifications/index.js';

/**
 * Confirms the first ones of the waiting list into the free places of an edition (in the order of
 * registration), notifying each learner with an account. Call inside the change's transaction.
 */
export async function fillFreePlaces(
  tx: DbOrTx,
  editionId: string,
  request: FastifyRequest,
): Promise<string[]> {
  const [edition] = await queryRows<{ capacity: number; trainingTitle: string }>(
    tx,
    sql`select e.capacity, t.title as "trainingTitle" from training_editions e join trainings t on t.id = e.training_id
        where e.id = ${editionId} for update of e`,
  );
  if (!edition) return [];
  const regs = await queryRows<{ id: string; status: 'potwierdzona' | 'rezerwowa'; registeredAt: string }>(
    tx,
    sql`select id, status, to_char(registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || id::text as "registeredAt"
        from training_registrations where edition_id = ${editionId} and status in ('potwierdzona', 'rezerwowa')`,
  );
  const promoted = promoteFromWaitingList(edition.capacity, regs);
  for (const id of promoted) {
    const [r] = await queryRows<{ userId: string | null }>(
      tx,
      sql`update training_registrations r set status = 'potwierdzona', version = version + 1, updated_at = now()
          from training_learners l where r.id = ${id} and l.id = r.learner_id
          returning l.user_id as "userId"`,
    );
    await writeAudit(tx, actorFromRequest(request), {
      action: 'record.update',
      recordType: 'training_registration',
      recordId: id,
      before: { status: 'rezerwowa' },
      after: { status: 'potwierdzona' },
      details: { reason: 'waiting_list_moved_up', editionId },
    });
    if (r?.userId)
      await notify(tx, {
        kind: 'training.registrationDecided',
        userIds: [r.userId],
        params: { training: edition.trainingTitle.slice(0, 200), outcome: 'potwierdzona' },
        link: `/szkolenia/zapisy/${id}`,
      });
  }
  return promoted;
}
