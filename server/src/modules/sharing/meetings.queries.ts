import type {
  CaseMeeting,
  CaseMeetingActionItem,
  CaseMeetingCandidates,
  CaseMeetingSummary,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { teamShareActive } from '../cases/access.js';
import { rolesWith } from '../notifications/notify.js';
import { type ActionItemRow, loadActionItems } from '../partnerships/meetings.queries.js';

/**
 * Reading case-team meetings (docs/sharing.md, "Spotkania zespołu"). The owner side sees every
 * meeting of the case; a partner sees only the meetings their institution attends, and without the
 * `plan` scope neither minutes, decisions nor the action items of other institutions.
 */
export interface MeetingView {
  /** The owner side may change the meeting (writes the case, the case is open). */
  manage: boolean;
  /** The partner institution looking through the shared view; null for the owner side. */
  partnerInstitutionId: string | null;
  /** The partner's share lacks the `plan` scope. */
  restricted: boolean;
  /** The case is closed: nothing is marked done any more. */
  closed: boolean;
}

const isoAt = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** SQL condition over `meetings mt`: the partner's institution is among the attendees. */
const attendedBy = (institutionId: string) =>
  sql`exists (select 1 from meeting_attendees pa where pa.meeting_id = mt.id and pa.institution_id = ${institutionId})`;

/** SQL condition over `meeting_action_items ai`: the item is shown in this view. */
function itemsVisible(view: MeetingView): SQL {
  return view.partnerInstitutionId && view.restricted
    ? sql`ai.owner_institution_id = ${view.partnerInstitutionId}`
    : sql`true`;
}

const summaryColumns = sql`mt.id, mt.case_id as "caseId", mt.title, ${isoAt('mt.starts_at')} as "startsAt",
  mt.place, mt.online_url as "onlineUrl", mt.status,
  coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name)
            from (select distinct i.id, i.name from meeting_attendees a join institutions i on i.id = a.institution_id
                  where a.meeting_id = mt.id and a.institution_id <> c.institution_id) x), '[]'::json) as institutions`;

export async function listCaseMeetings(
  db: DbOrTx,
  caseId: string,
  view: MeetingView,
): Promise<CaseMeetingSummary[]> {
  const partner = view.partnerInstitutionId ? attendedBy(view.partnerInstitutionId) : sql`true`;
  return queryRows<CaseMeetingSummary>(
    db,
    sql`select ${summaryColumns},
          (select count(*)::int from meeting_attendees a where a.meeting_id = mt.id) as attendees,
          (select count(*)::int from meeting_attendees a where a.meeting_id = mt.id and coalesce(a.present, false)) as present,
          (select count(*)::int from meeting_action_items ai where ai.meeting_id = mt.id and ai.done_on is null
             and ${itemsVisible(view)}) as "openActionItems"
        from meetings mt join cases c on c.id = mt.case_id
        where mt.case_id = ${caseId} and ${partner}
        order by mt.starts_at desc, mt.id`,
  );
}

export function presentItem(r: ActionItemRow, view: MeetingView, today: string): CaseMeetingActionItem {
  const { ownerUserId: _owner, ...rest } = r;
  const ours = view.partnerInstitutionId !== null && r.ownerInstitution.id === view.partnerInstitutionId;
  return {
    ...rest,
    overdue: !r.doneOn && r.dueOn !== null && r.dueOn < today,
    abilities: { complete: !view.closed && (view.manage || ours) },
  };
}

type MeetingRow = Omit<CaseMeeting, 'attendees' | 'actionItems' | 'abilities' | 'restricted'>;

/** One meeting of the case as this view sees it, or null (another case's, or not the partner's). */
export async function loadCaseMeeting(
  db: DbOrTx,
  caseId: string,
  meetingId: string,
  view: MeetingView,
  today: string,
): Promise<CaseMeeting | null> {
  const partner = view.partnerInstitutionId ? attendedBy(view.partnerInstitutionId) : sql`true`;
  const [m] = await queryRows<MeetingRow>(
    db,
    sql`select ${summaryColumns}, mt.agenda, mt.minutes, mt.decisions, mt.version
        from meetings mt join cases c on c.id = mt.case_id
        where mt.id = ${meetingId} and mt.case_id = ${caseId} and ${partner}`,
  );
  if (!m) return null;
  const attendees = await queryRows<CaseMeeting['attendees'][number]>(
    db,
    sql`select a.id,
          case when a.institution_id is null then 'osoba' when a.institution_id = c.institution_id then 'wlasny' else 'zespol' end as kind,
          case when i.id is null then null else json_build_object('id', i.id, 'name', i.name) end as institution,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end as "user",
          a.name, a.invited, a.present
        from meeting_attendees a join meetings mt on mt.id = a.meeting_id join cases c on c.id = mt.case_id
          left join institutions i on i.id = a.institution_id left join users u on u.id = a.user_id
        where a.meeting_id = ${meetingId}
        order by case when a.institution_id is null then 2 when a.institution_id = c.institution_id then 0 else 1 end,
          i.name, a.name, a.id`,
  );
  const items = await loadActionItems(db, sql`ai.meeting_id = ${meetingId} and ${itemsVisible(view)}`);
  const hide = view.partnerInstitutionId !== null && view.restricted;
  return {
    ...m,
    minutes: hide ? null : m.minutes,
    decisions: hide ? null : m.decisions,
    attendees,
    actionItems: items.map((r) => presentItem(r, view, today)),
    restricted: hide,
    abilities: { manage: view.manage },
  };
}

/**
 * The people of the owner institution who may attend or own an action item: the lead worker, the
 * case's co-workers and the institution's supervisors (who see all its cases).
 */
export async function caseWorkers(
  db: DbOrTx,
  c: { id: string; institutionId: string },
): Promise<Array<{ id: string; name: string }>> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.first_name || ' ' || u.last_name as name from users u
        where u.status = 'active' and (
          u.id = (select lead_worker_id from cases where id = ${c.id})
          or u.id in (select cw.user_id from case_workers cw where cw.case_id = ${c.id})
          or u.id in (select m.user_id from memberships m where m.institution_id = ${c.institutionId} and m.active
                      and m.roles && ${sql.param(rolesWith('cases.supervise'))}::text[]))
        order by u.last_name, u.first_name, u.id`,
  );
}

export interface ActiveMember {
  institution: { id: string; name: string };
  user: { id: string; name: string } | null;
  role: CaseMeetingCandidates['team'][number]['role'];
}

/** The team institutions that share the case today (active, in their dates, basis holding). */
export async function activeTeam(db: DbOrTx, caseId: string): Promise<ActiveMember[]> {
  return queryRows<ActiveMember>(
    db,
    sql`select json_build_object('id', i.id, 'name', i.name) as institution,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end as "user",
          m.role
        from case_team_members m join institutions i on i.id = m.institution_id left join users u on u.id = m.user_id
        where m.case_id = ${caseId} and ${teamShareActive}
        order by i.name`,
  );
}

/** Who the owner side may invite: own workers, the active team, the family by name. */
export async function meetingCandidates(
  db: DbOrTx,
  c: { id: string; institutionId: string },
): Promise<CaseMeetingCandidates> {
  const [workers, team, family, inst] = await Promise.all([
    caseWorkers(db, c),
    activeTeam(db, c.id),
    queryRows<{ name: string }>(
      db,
      sql`select p.first_name || ' ' || p.last_name as name from cases cs join persons p on p.id = cs.person_id
            where cs.id = ${c.id}
          union all
          select p.first_name || ' ' || p.last_name from cases cs join household_members hm on hm.household_id = cs.household_id
            join persons p on p.id = hm.person_id
            where cs.id = ${c.id} and hm.to_date is null`,
    ),
    queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from institutions where id = ${c.institutionId}`,
    ),
  ]);
  return {
    workers,
    team,
    family: [...new Set(family.map((f) => f.name))],
    ownInstitution: inst[0] ?? { id: c.institutionId, name: '' },
  };
}
