import type {
  Partnership,
  PartnershipListQuery,
  PartnershipMember,
  PartnershipSummary,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { isoColumn } from '../../db/sql.js';
import type { Actor } from '../../http/access.js';
import { matchesWords } from '../identity/scope.js';
import { managesPartnership } from './access.js';

/** ISO 8601 in UTC, as the API returns times (kept under this name for the module's queries). */
export const iso = isoColumn;

const instName = (alias: string) => sql.raw(`coalesce(${alias}.short_name, ${alias}.name)`);

const summaryColumns = sql`
  p.id, p.name, p.kind, p.model, p.teryt, tu.name as "unitName",
  json_build_object('id', li.id, 'name', ${instName('li')}) as leader,
  p.status, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
  (select count(*)::int from partnership_members m where m.partnership_id = p.id and m.left_on is null) as "memberCount",
  (select ${iso('min(mt.starts_at)')} from meetings mt
     where mt.partnership_id = p.id and mt.status = 'zaplanowane' and mt.starts_at >= now()) as "nextMeetingAt"`;
const summaryFrom = sql`from partnerships p
  join territorial_units tu on tu.teryt = p.teryt
  join institutions li on li.id = p.leader_institution_id`;

/** Partnerships of the platform with filters; a territory includes the units within it. */
export async function listPartnerships(
  db: DbOrTx,
  actor: Actor,
  q: { teryt?: string; model?: string; status?: string; kind?: string; q?: string; mine?: boolean },
): Promise<PartnershipSummary[]> {
  const where: SQL[] = [sql`true`];
  if (q.teryt) where.push(sql`p.teryt like ${`${q.teryt}%`}`);
  if (q.model) where.push(sql`p.model = ${q.model}`);
  if (q.status) where.push(sql`p.status = ${q.status}`);
  if (q.kind) where.push(sql`p.kind = ${q.kind}`);
  if (q.q) where.push(matchesWords(sql`search_text(p.name)`, q.q));
  if (q.mine)
    where.push(
      sql`(p.animator_user_id = ${actor.userId} or exists (select 1 from partnership_members m
            where m.partnership_id = p.id and m.left_on is null and m.institution_id = ${actor.institutionId}))`,
    );
  return queryRows<PartnershipSummary>(
    db,
    sql`select ${summaryColumns} ${summaryFrom} where ${sql.join(where, sql` and `)}
        order by p.status = 'zakonczone', p.name, p.id limit 500`,
  );
}

export type { PartnershipListQuery };

export async function loadMembers(db: DbOrTx, partnershipId: string): Promise<PartnershipMember[]> {
  return queryRows<PartnershipMember>(
    db,
    sql`select m.id, json_build_object('id', i.id, 'name', ${instName('i')}, 'sector', i.sector) as institution,
          m.role, m.contact_name as "contactName", m.contact_email as "contactEmail",
          m.contact_phone as "contactPhone", m.joined_on::text as "joinedOn", m.left_on::text as "leftOn"
        from partnership_members m join institutions i on i.id = m.institution_id
        where m.partnership_id = ${partnershipId}
        order by m.left_on is not null, (m.role = 'lider') desc, (m.role = 'partner_strategiczny') desc,
          ${instName('i')}, m.joined_on`,
  );
}

/** The whole partnership as the API returns it, with the actor's abilities. */
export async function loadPartnership(db: DbOrTx, actor: Actor, id: string): Promise<Partnership | null> {
  const [row] = await queryRows<
    Omit<Partnership, 'members' | 'abilities'> & { leaderId: string; animatorId: string | null }
  >(
    db,
    sql`select ${summaryColumns},
          li.id as "leaderId", p.animator_user_id as "animatorId",
          case when sp.id is null then null else json_build_object('id', sp.id, 'name', ${instName('sp')}) end as "strategicPartner",
          case when au.id is null then null else json_build_object('id', au.id, 'name', au.first_name || ' ' || au.last_name) end as animator,
          p.role_vocabulary as "roleVocabulary", p.description, p.version
        ${summaryFrom}
        left join institutions sp on sp.id = p.strategic_partner_institution_id
        left join users au on au.id = p.animator_user_id
        where p.id = ${id}`,
  );
  if (!row) return null;
  const { leaderId, animatorId, ...rest } = row;
  return {
    ...rest,
    roleVocabulary:
      typeof rest.roleVocabulary === 'string' ? JSON.parse(rest.roleVocabulary) : rest.roleVocabulary,
    members: await loadMembers(db, id),
    abilities: {
      manage: managesPartnership(actor, { leaderInstitutionId: leaderId, animatorUserId: animatorId }),
    },
  };
}

/** The fields of a partnership the audit log keeps as before/after. */
export function auditableOf(p: Partnership) {
  return {
    name: p.name,
    kind: p.kind,
    model: p.model,
    teryt: p.teryt,
    leaderInstitutionId: p.leader.id,
    strategicPartnerInstitutionId: p.strategicPartner?.id ?? null,
    animatorUserId: p.animator?.id ?? null,
    description: p.description,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    roleVocabulary: p.roleVocabulary,
  };
}

/** Whether an institution exists and is active. */
export async function institutionExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from institutions where id = ${id} and active`,
  );
  return rows.length > 0;
}

/** Whether a user holds the partnership animator's permission in some active membership. */
export async function isAnimator(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select u.id from users u join memberships m on m.user_id = u.id and m.active
        where u.id = ${userId} and u.status = 'active' and 'animator_partnerstwa' = any(m.roles) limit 1`,
  );
  return rows.length > 0;
}
