import type {
  PartnershipActionItem,
  PartnershipMeeting,
  PartnershipMeetingSummary,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { completesActionItem, type PartnershipAccess } from './access.js';
import { iso } from './partnerships.queries.js';

export interface ActionItemRow extends Omit<PartnershipActionItem, 'overdue' | 'abilities'> {
  ownerUserId: string | null;
}

export const actionItemColumns = sql`ai.id, ai.meeting_id as "meetingId", ai.description,
  json_build_object('id', oi.id, 'name', coalesce(oi.short_name, oi.name)) as "ownerInstitution",
  case when ou.id is null then null else json_build_object('id', ou.id, 'name', ou.first_name || ' ' || ou.last_name) end as "ownerUser",
  ai.owner_name as "ownerName", ai.due_on::text as "dueOn", ai.done_on::text as "doneOn",
  ai.owner_user_id as "ownerUserId"`;
export const actionItemJoins = sql`join institutions oi on oi.id = ai.owner_institution_id
  left join users ou on ou.id = ai.owner_user_id`;

export function presentActionItem(
  r: ActionItemRow,
  actor: Actor,
  p: Pick<PartnershipAccess, 'leaderInstitutionId' | 'animatorUserId'>,
  today: string,
): PartnershipActionItem {
  const { ownerUserId, ...rest } = r;
  return {
    ...rest,
    overdue: !r.doneOn && r.dueOn !== null && r.dueOn < today,
    abilities: { complete: completesActionItem(actor, p, { ownerUserId }) },
  };
}

export async function listMeetings(db: DbOrTx, partnershipId: string): Promise<PartnershipMeetingSummary[]> {
  return queryRows<PartnershipMeetingSummary>(
    db,
    sql`select mt.id, mt.partnership_id as "partnershipId", mt.title, ${iso('mt.starts_at')} as "startsAt",
          mt.place, mt.online_url as "onlineUrl", mt.status,
          (select count(*)::int from meeting_attendees a where a.meeting_id = mt.id) as attendees,
          (select count(*)::int from meeting_attendees a where a.meeting_id = mt.id and a.present) as present,
          (select count(*)::int from meeting_action_items ai where ai.meeting_id = mt.id and ai.done_on is null) as "openActionItems"
        from meetings mt where mt.partnership_id = ${partnershipId}
        order by mt.starts_at desc, mt.id`,
  );
}

type MeetingRow = Omit<PartnershipMeeting, 'attendees' | 'actionItems' | 'abilities'>;

/** One meeting of the partnership (null also for a meeting of another partnership or of a case). */
export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  p: PartnershipAccess,
  meetingId: string,
  today: string,
  manage: boolean,
): Promise<PartnershipMeeting | null> {
  const [m] = await queryRows<MeetingRow>(
    db,
    sql`select mt.id, mt.partnership_id as "partnershipId", mt.title, ${iso('mt.starts_at')} as "startsAt",
          mt.place, mt.online_url as "onlineUrl", mt.status, mt.agenda, mt.minutes, mt.decisions, mt.version
        from meetings mt where mt.id = ${meetingId} and mt.partnership_id = ${p.id}`,
  );
  if (!m) return null;
  const attendees = await queryRows<PartnershipMeeting['attendees'][number]>(
    db,
    sql`select a.id, case when i.id is null then null else json_build_object('id', i.id, 'name', coalesce(i.short_name, i.name)) end as institution,
          a.user_id as "userId", a.name, a.invited, a.present
        from meeting_attendees a left join institutions i on i.id = a.institution_id
        where a.meeting_id = ${meetingId}
        order by coalesce(i.short_name, i.name) nulls last, a.name, a.id`,
  );
  const items = await loadActionItems(db, sql`ai.meeting_id = ${meetingId}`);
  return {
    ...m,
    attendees,
    actionItems: items.map((r) => presentActionItem(r, actor, p, today)),
    abilities: { manage },
  };
}

export async function loadActionItems(db: DbOrTx, where: SQL): Promise<ActionItemRow[]> {
  return queryRows<ActionItemRow>(
    db,
    sql`select ${actionItemColumns} from meeting_action_items ai ${actionItemJoins}
        where ${where} order by ai.done_on is not null, ai.due_on nulls last, ai.created_at, ai.id`,
  );
}
