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

  const ref = await referralFigures(db, partnershipId, today);
  const bySector = ref.bySector;
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
      medianResponseHours: ref.median,
      overdue: ref.overdue,
    },
  };
}

interface ReferralFigures {
  bySector: { sector: string; sent: number; accepted: number; completed: number }[];
  median: number | null;
  overdue: number;
}

/**
 * Referral figures of a big partnership (its members sent or received more than
 * `CACHE_FROM_REFERRALS` referrals) are kept in the process for `CACHE_MS`: at national scale
 * (500,000 referrals) the members of a 40-member partnership have ~60,000, which takes ~100 ms to
 * aggregate, and an animator's dashboard does not need them to the second (bench/README.md).
 * Smaller partnerships are always counted afresh.
 */
const CACHE_MS = 60_000;
const CACHE_FROM_REFERRALS = 5_000;
const referralCache = new Map<string, { until: number; figures: ReferralFigures }>();

/**
 * Referrals whose sending or receiving institution is a current member, each counted once: the ones
 * sent by members, plus the ones received by members from outside (two index-only scans of
 * `referrals_from_stats_idx` / `referrals_to_stats_idx`, no scan of the whole table).
 */
async function referralFigures(db: DbOrTx, partnershipId: string, today: string): Promise<ReferralFigures> {
  const key = `${partnershipId} ${today}`;
  const cached = referralCache.get(key);
  if (cached && cached.until > Date.now()) return cached.figures;
  const [row] = await queryRows<{
    bySector: ReferralFigures['bySector'] | null;
    median: number | null;
    overdue: number;
    n: number;
  }>(
    db,
    sql`with m as (select institution_id as id from partnership_members where partnership_id = ${partnershipId} and left_on is null),
        rs as materialized (
          select r.to_institution_id, r.status, r.created_at, r.responded_at, r.expected_by
            from referrals r where r.from_institution_id in (select id from m)
          union all
          select r.to_institution_id, r.status, r.created_at, r.responded_at, r.expected_by
            from referrals r where r.to_institution_id in (select id from m) and r.from_institution_id not in (select id from m)),
        per as (
          select to_institution_id, count(*)::int as sent,
                 (count(*) filter (where status in ('przyjete', 'w_realizacji', 'zakonczone')))::int as accepted,
                 (count(*) filter (where status = 'zakonczone'))::int as completed
            from rs group by to_institution_id)
        select
          (select json_agg(s order by s.sent desc, s.sector) from (
             select ti.sector, sum(per.sent)::int as sent, sum(per.accepted)::int as accepted, sum(per.completed)::int as completed
               from per join institutions ti on ti.id = per.to_institution_id group by ti.sector) s) as "bySector",
          (select round((percentile_cont(0.5) within group (order by extract(epoch from (responded_at - created_at)) / 3600.0))::numeric, 1)::float8
             from rs where responded_at is not null) as median,
          (select count(*)::int from rs
             where status in ('wyslane', 'przyjete', 'w_realizacji') and expected_by < ${today}::date) as overdue,
          (select count(*)::int from rs) as n`,
  );
  const figures: ReferralFigures = {
    bySector: row?.bySector ?? [],
    median: row?.median ?? null,
    overdue: row?.overdue ?? 0,
  };
  if ((row?.n ?? 0) > CACHE_FROM_REFERRALS) {
    if (referralCache.size >= 1_000) referralCache.delete(referralCache.keys().next().value as string);
    referralCache.set(key, { until: Date.now() + CACHE_MS, figures });
  }
  return figures;
}
