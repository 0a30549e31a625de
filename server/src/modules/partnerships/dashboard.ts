import type { PartnershipDashboard } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

/**
 * The animator's dashboard of one partnership, counts only (no case, person or referral is named):
 *
 * - members by sector: current members (not left) by their institution's sector;
 * - meetings held / planned / cancelled; action items open, overdue (open with a deadline before
 *   today) and done; agreements signed and drafts;
 * - cases with a multi-sector team: cases owned by a current member whose active case-team members
 *   (`case_team_members.status = 'aktywny'`) together with the owner span at least two sectors;
 * - referrals whose sending or receiving institution is a current member: sent, accepted (accepted,
 *   in progress or completed), completed, by the receiving institution's sector; the median response
 *   time (`responded_at − created_at`, hours); overdue = still open (sent, accepted, in progress)
 *   with `expected_by` before today.
 */
export async function loadDashboard(
  db: DbOrTx,
  partnershipId: string,
  today: string,
): Promise<PartnershipDashboard> {
  const members = sql`select institution_id from partnership_members where partnership_id = ${partnershipId} and left_on is null`;

  const membersBySector = await queryRows<{ sector: string; count: number }>(
    db,
    sql`select i.sector, count(*)::int as count
        from partnership_members m join institutions i on i.id = m.institution_id
        where m.partnership_id = ${partnershipId} and m.left_on is null
        group by i.sector order by count(*) desc, i.sector`,
  );

  const [counts] = await queryRows<{
    held: number;
    planned: number;
    cancelled: number;
    open: number;
    overdue: number;
    done: number;
    signed: number;
    draft: number;
    multiSector: number;
  }>(
    db,
    sql`select
        (select count(*)::int from meetings where partnership_id = ${partnershipId} and status = 'odbyte') as held,
        (select count(*)::int from meetings where partnership_id = ${partnershipId} and status = 'zaplanowane') as planned,
        (select count(*)::int from meetings where partnership_id = ${partnershipId} and status = 'odwolane') as cancelled,
        (select count(*)::int from meeting_action_items ai join meetings mt on mt.id = ai.meeting_id
           where mt.partnership_id = ${partnershipId} and ai.done_on is null) as open,
        (select count(*)::int from meeting_action_items ai join meetings mt on mt.id = ai.meeting_id
           where mt.partnership_id = ${partnershipId} and ai.done_on is null and ai.due_on < ${today}::date) as overdue,
        (select count(*)::int from meeting_action_items ai join meetings mt on mt.id = ai.meeting_id
           where mt.partnership_id = ${partnershipId} and ai.done_on is not null) as done,
        (select count(*)::int from agreements where partnership_id = ${partnershipId} and status = 'podpisane') as signed,
        (select count(*)::int from agreements where partnership_id = ${partnershipId} and status = 'projekt') as draft,
        (select count(*)::int from (
           select c.id from cases c
             join institutions oi on oi.id = c.institution_id
             join case_team_members t on t.case_id = c.id and t.status = 'aktywny'
             join institutions ti on ti.id = t.institution_id
           where c.institution_id in (${members})
           group by c.id, oi.sector
           having count(*) filter (where ti.sector <> oi.sector) > 0
         ) x) as "multiSector"`,
  );

  const referralBase = sql`from referrals r join institutions ti on ti.id = r.to_institution_id
    where (r.from_institution_id in (${members}) or r.to_institution_id in (${members}))`;
  const accepted = sql`r.status in ('przyjete', 'w_realizacji', 'zakonczone')`;
  const bySector = await queryRows<{ sector: string; sent: number; accepted: number; completed: number }>(
    db,
    sql`select ti.sector, count(*)::int as sent,
          (count(*) filter (where ${accepted}))::int as accepted,
          (count(*) filter (where r.status = 'zakonczone'))::int as completed
        ${referralBase}
        group by ti.sector order by count(*) desc, ti.sector`,
  );
  const [ref] = await queryRows<{ median: number | null; overdue: number }>(
    db,
    sql`select
          round((percentile_cont(0.5) within group (order by extract(epoch from (r.responded_at - r.created_at)) / 3600.0)
            filter (where r.responded_at is not null))::numeric, 1)::float8 as median,
          (count(*) filter (where r.status in ('wyslane', 'przyjete', 'w_realizacji') and r.expected_by < ${today}::date))::int as overdue
        ${referralBase}`,
  );
  const total = bySector.reduce(
    (s, r) => ({
      sent: s.sent + r.sent,
      accepted: s.accepted + r.accepted,
      completed: s.completed + r.completed,
    }),
    { sent: 0, accepted: 0, completed: 0 },
  );
  const c = counts ?? {
    held: 0,
    planned: 0,
    cancelled: 0,
    open: 0,
    overdue: 0,
    done: 0,
    signed: 0,
    draft: 0,
    multiSector: 0,
  };
  return {
    membersBySector,
    meetings: { held: c.held, planned: c.planned, cancelled: c.cancelled },
    actionItems: { open: c.open, overdue: c.overdue, done: c.done },
    agreements: { signed: c.signed, draft: c.draft },
    casesWithMultiSectorTeam: c.multiSector,
    referrals: {
      ...total,
      bySector,
      medianResponseHours: ref?.median ?? null,
      overdue: ref?.overdue ?? 0,
    },
  };
}
