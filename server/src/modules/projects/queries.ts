import {
  type MoneyIssue,
  milestoneOverdue,
  moneyIssues,
  moneyRates,
  moneyRules,
  type Project,
  type ProjectDocument,
  type ProjectMilestone,
  type ProjectMoney,
  type ProjectPartner,
  type ProjectProgramme,
  type ProjectSummary,
  type ProjectTask,
  type ProjectTeamMember,
  periodElapsed,
  rate,
  sumGrosze,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { validationFailed } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';

/**
 * Reads of the projects capability. Money leaves the database as text and becomes a number of
 * grosze here (exact: every amount is a safe integer), never through a float column.
 */

export function grosze(value: string | number | bigint | null | undefined): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`Not an amount in grosze: ${String(value)}`);
  return n;
}

/** A validation failure with several field errors (every broken rule at once). */
export { validationFailed };

export function throwIfMoneyIssues(issues: MoneyIssue[], prefix = ''): void {
  if (issues.length)
    throw validationFailed(issues.map((i) => ({ ...i, field: prefix ? `${prefix}.${i.field}` : i.field })));
}

// ————— The programme catalogue —————

interface NodeRow {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  name: string;
}

/** The catalogue (a few hundred nodes) read once, to name each project's placement with its path. */
export async function programmePaths(db: DbOrTx): Promise<(id: string) => ProjectProgramme> {
  const rows = await queryRows<NodeRow>(
    db,
    sql`select id, parent_id as "parentId", kind, code, name from programme_nodes`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id) => {
    const path: NodeRow[] = [];
    for (let n = byId.get(id); n && path.length < 10; n = n.parentId ? byId.get(n.parentId) : undefined)
      path.unshift(n);
    const step = ({ id, kind, code, name }: NodeRow) => ({ id, kind, code, name });
    const node = byId.get(id);
    return {
      ...(node ? step(node) : { id, kind: '', code: '', name: '' }),
      path: path.map(step),
    };
  };
}

const PLACEMENT_KINDS = ['dzialanie', 'poddzialanie'];

/**
 * The field error for a placement that is not a lowest action or sub-action of the catalogue,
 * or null when it is one.
 */
export async function placementProblem(db: DbOrTx, nodeId: string): Promise<string | null> {
  const [node] = await queryRows<{ kind: string; active: boolean; placeableChildren: number }>(
    db,
    sql`select n.kind, n.active,
          (select count(*)::int from programme_nodes c where c.parent_id = n.id and c.kind in ('dzialanie', 'poddzialanie')) as "placeableChildren"
        from programme_nodes n where n.id = ${nodeId}`,
  );
  if (!node?.active) return 'project.programmeUnknown';
  if (!PLACEMENT_KINDS.includes(node.kind) || node.placeableChildren > 0) return 'project.programmePlacement';
  return null;
}

// ————— Projects —————

interface ProjectRow {
  id: string;
  number: string;
  title: string;
  shortTitle: string | null;
  status: Project['status'];
  programmeNodeId: string;
  leaderId: string;
  leaderName: string;
  leaderShortName: string | null;
  leaderTeryt: string;
  startsOn: string;
  endsOn: string;
  goals: string | null;
  description: string | null;
  targetGroups: string[];
  totalValue: string;
  eligibleCosts: string;
  euFunding: string;
  stateBudget: string;
  targetedSubsidy: string;
  ownContribution: string;
  callNumber: string | null;
  callRank: number | null;
  callTotal: number | null;
  callResult: string | null;
  version: number;
  updatedAt: string | Date;
}

const projectColumns = sql`p.id, p.number, p.title, p.short_title as "shortTitle", p.status,
  p.programme_node_id as "programmeNodeId", li.id as "leaderId", li.name as "leaderName",
  li.short_name as "leaderShortName", li.teryt as "leaderTeryt", p.starts_on::text as "startsOn",
  p.ends_on::text as "endsOn", p.goals, p.description, p.target_groups as "targetGroups",
  p.total_value::text as "totalValue", p.eligible_costs::text as "eligibleCosts",
  p.eu_funding::text as "euFunding", p.state_budget::text as "stateBudget",
  p.targeted_subsidy::text as "targetedSubsidy", p.own_contribution::text as "ownContribution",
  p.call_number as "callNumber", p.call_rank as "callRank", p.call_total as "callTotal",
  p.call_result as "callResult", p.version, p.updated_at as "updatedAt"`;

export function moneyOf(r: Pick<ProjectRow, keyof ProjectMoney>): ProjectMoney {
  return {
    totalValue: grosze(r.totalValue),
    eligibleCosts: grosze(r.eligibleCosts),
    euFunding: grosze(r.euFunding),
    stateBudget: grosze(r.stateBudget),
    targetedSubsidy: grosze(r.targetedSubsidy),
    ownContribution: grosze(r.ownContribution),
  };
}

function summaryOf(r: ProjectRow, programme: (id: string) => ProjectProgramme): ProjectSummary {
  const m = moneyOf(r);
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    shortTitle: r.shortTitle,
    status: r.status,
    programme: programme(r.programmeNodeId),
    leader: { id: r.leaderId, name: r.leaderName, shortName: r.leaderShortName, teryt: r.leaderTeryt },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    totalValue: m.totalValue,
    euFunding: m.euFunding,
    euRate: rate(m.euFunding, m.eligibleCosts),
  };
}

export interface ListFilters {
  programme?: string;
  status?: string;
  institution?: string;
  region?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** The portfolio: the readable projects matching the filters, a page of them and the count. */
export async function listProjects(
  db: DbOrTx,
  readable: SQL,
  f: ListFilters,
): Promise<{ total: number; items: ProjectSummary[] }> {
  const conds: SQL[] = [readable];
  if (f.programme)
    conds.push(sql`p.programme_node_id in (
      with recursive sub(id) as (
        select id from programme_nodes where id = ${f.programme}
        union all select n.id from programme_nodes n join sub on n.parent_id = sub.id)
      select id from sub)`);
  if (f.status) conds.push(sql`p.status = ${f.status}`);
  if (f.institution)
    conds.push(sql`(p.leader_institution_id = ${f.institution} or exists (
      select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = ${f.institution}))`);
  if (f.region)
    conds.push(sql`(substring(li.teryt from 1 for 2) = ${f.region} or exists (
      select 1 from project_partners pp join institutions pi on pi.id = pp.institution_id
      where pp.project_id = p.id and substring(pi.teryt from 1 for 2) = ${f.region}))`);
  for (const w of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8))
    conds.push(
      sql`search_text(p.number || ' ' || p.title || ' ' || coalesce(p.short_title, '') || ' ' || li.name || ' ' || coalesce(li.short_name, ''))
          like '%' || search_text(${w}) || '%'`,
    );
  const where = sql.join(conds, sql` and `);
  const [rows, [count], programme] = await Promise.all([
    queryRows<ProjectRow>(
      db,
      sql`select ${projectColumns}
          from projects p join institutions li on li.id = p.leader_institution_id
          where ${where}
          order by p.starts_on desc, p.number, p.id
          limit ${f.limit} offset ${f.offset}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects p join institutions li on li.id = p.leader_institution_id where ${where}`,
    ),
    programmePaths(db),
  ]);
  return { total: count?.n ?? 0, items: rows.map((r) => summaryOf(r, programme)) };
}

export async function tasksTotal(db: DbOrTx, projectId: string): Promise<number> {
  const [row] = await queryRows<{ total: string }>(
    db,
    sql`select coalesce(sum(bl.amount), 0)::text as total
        from project_budget_lines bl join project_tasks t on t.id = bl.task_id
        where t.project_id = ${projectId}`,
  );
  return grosze(row?.total);
}

export async function loadPartners(
  db: DbOrTx,
  projectId: string,
): Promise<Omit<ProjectPartner, 'budgetShareRate'>[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    shortName: string | null;
    teryt: string;
    role: ProjectPartner['role'];
    budgetShare: string;
    description: string | null;
  }>(
    db,
    sql`select i.id, i.name, i.short_name as "shortName", i.teryt, pp.role, pp.budget_share::text as "budgetShare",
          pp.description
        from project_partners pp join institutions i on i.id = pp.institution_id
        where pp.project_id = ${projectId}
        order by i.name, i.id`,
  );
  return rows.map((r) => ({
    institution: { id: r.id, name: r.name, shortName: r.shortName, teryt: r.teryt },
    role: r.role,
    budgetShare: grosze(r.budgetShare),
    description: r.description,
  }));
}

async function loadTeam(db: DbOrTx, projectId: string): Promise<ProjectTeamMember[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    email: string;
    role: ProjectTeamMember['role'];
    institutions: string[] | null;
  }>(
    db,
    sql`select u.id, u.first_name || ' ' || u.last_name as name, u.email, pt.role,
          array(select coalesce(i.short_name, i.name) from memberships m join institutions i on i.id = m.institution_id
                where m.user_id = u.id and m.active
                  and (i.id = p.leader_institution_id
                       or i.id in (select pp.institution_id from project_partners pp where pp.project_id = p.id))
                order by i.name) as institutions
        from project_team pt join users u on u.id = pt.user_id join projects p on p.id = pt.project_id
        where pt.project_id = ${projectId}
        order by (pt.role = 'koordynator') desc, u.last_name, u.first_name, u.id`,
  );
  return rows.map((r) => ({
    user: { id: r.id, name: r.name, email: r.email },
    role: r.role,
    institutions: r.institutions ?? [],
  }));
}

/** The project as its page shows it: money with rates and checks, partners, team, abilities. */
export async function loadProject(
  db: DbOrTx,
  projectId: string,
  abilities: { manage: boolean },
): Promise<Project | null> {
  const [row] = await queryRows<ProjectRow>(
    db,
    sql`select ${projectColumns} from projects p join institutions li on li.id = p.leader_institution_id
        where p.id = ${projectId}`,
  );
  if (!row) return null;
  const [programme, partners, team, tasks] = await Promise.all([
    programmePaths(db),
    loadPartners(db, projectId),
    loadTeam(db, projectId),
    tasksTotal(db, projectId),
  ]);
  const m = moneyOf(row);
  const partnerShares = partners.map((p) => p.budgetShare);
  const broken = new Set(moneyIssues(m, { partnerShares, tasksTotal: tasks }).map((i) => i.code));
  return {
    ...summaryOf(row, programme),
    goals: row.goals,
    description: row.description,
    targetGroups: row.targetGroups ?? [],
    eligibleCosts: m.eligibleCosts,
    stateBudget: m.stateBudget,
    targetedSubsidy: m.targetedSubsidy,
    ownContribution: m.ownContribution,
    money: {
      ...m,
      coFinancing: sumGrosze([m.euFunding, m.stateBudget, m.targetedSubsidy]),
      rates: moneyRates(m),
      partnerSharesTotal: sumGrosze(partnerShares),
      tasksTotal: tasks,
      checks: moneyRules.map((rule) => ({ rule, ok: !broken.has(rule) })),
    },
    callNumber: row.callNumber,
    callRank: row.callRank,
    callTotal: row.callTotal,
    callResult: row.callResult,
    elapsed: periodElapsed(row.startsOn, row.endsOn, warsawToday()),
    partners: partners.map((p) => ({ ...p, budgetShareRate: rate(p.budgetShare, m.totalValue) })),
    team,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
    abilities,
  };
}

/** The project row's own fields as the audit log keeps them. */
export async function projectAuditable(
  db: DbOrTx,
  projectId: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await queryRows<ProjectRow>(
    db,
    sql`select ${projectColumns} from projects p join institutions li on li.id = p.leader_institution_id
        where p.id = ${projectId}`,
  );
  if (!row) return null;
  return {
    number: row.number,
    title: row.title,
    shortTitle: row.shortTitle,
    status: row.status,
    programmeNodeId: row.programmeNodeId,
    leaderInstitutionId: row.leaderId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    goals: row.goals,
    description: row.description,
    targetGroups: row.targetGroups,
    ...moneyOf(row),
    callNumber: row.callNumber,
    callRank: row.callRank,
    callTotal: row.callTotal,
    callResult: row.callResult,
  };
}

/** The money and period of a project, for checks of its parts (tasks, partners). */
export async function projectFrame(
  db: DbOrTx,
  projectId: string,
): Promise<(ProjectMoney & { startsOn: string; endsOn: string; leaderId: string; version: number }) | null> {
  const [row] = await queryRows<ProjectRow>(
    db,
    sql`select ${projectColumns} from projects p join institutions li on li.id = p.leader_institution_id
        where p.id = ${projectId}`,
  );
  if (!row) return null;
  return {
    ...moneyOf(row),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    leaderId: row.leaderId,
    version: row.version,
  };
}

/** Bumps the project's version if it is still `version`; 409 otherwise. */
export async function bumpProject(db: DbOrTx, projectId: string, version: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update projects set version = version + 1, updated_at = now()
        where id = ${projectId} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

// ————— Tasks, milestones, documents —————

export async function loadTasks(
  db: DbOrTx,
  projectId: string,
  where: SQL = sql`true`,
): Promise<ProjectTask[]> {
  const rows = await queryRows<{
    id: string;
    number: number;
    name: string;
    description: string | null;
    startsOn: string | null;
    endsOn: string | null;
    institutionId: string | null;
    institutionName: string | null;
    lines:
      | { id: string; name: string; category: ProjectTask['lines'][number]['category']; amount: string }[]
      | null;
    version: number;
  }>(
    db,
    sql`select t.id, t.number, t.name, t.description, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn",
          i.id as "institutionId", coalesce(i.short_name, i.name) as "institutionName",
          (select json_agg(json_build_object('id', bl.id, 'name', bl.name, 'category', bl.category,
                  'amount', bl.amount::text) order by bl.sort_order, bl.id)
             from project_budget_lines bl where bl.task_id = t.id) as lines,
          t.version
        from project_tasks t left join institutions i on i.id = t.institution_id
        where t.project_id = ${projectId} and ${where}
        order by t.number`,
  );
  return rows.map((r) => {
    const lines = (r.lines ?? []).map((l) => ({ ...l, amount: grosze(l.amount) }));
    return {
      id: r.id,
      number: r.number,
      name: r.name,
      description: r.description,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      institution: r.institutionId ? { id: r.institutionId, name: r.institutionName ?? '' } : null,
      lines,
      total: sumGrosze(lines.map((l) => l.amount)),
      version: r.version,
    };
  });
}

export async function loadMilestones(
  db: DbOrTx,
  projectId: string,
  today: string,
  where: SQL = sql`true`,
): Promise<ProjectMilestone[]> {
  const rows = await queryRows<Omit<ProjectMilestone, 'overdue'>>(
    db,
    sql`select m.id, m.name, m.description, m.due_on::text as "dueOn", m.achieved_on::text as "achievedOn",
          m.status, m.version
        from project_milestones m
        where m.project_id = ${projectId} and ${where}
        order by m.due_on, m.name, m.id`,
  );
  return rows.map((r) => ({ ...r, overdue: milestoneOverdue(r, today) }));
}

export async function loadDocuments(
  db: DbOrTx,
  projectId: string,
  where: SQL = sql`true`,
): Promise<(ProjectDocument & { fileId: string })[]> {
  const rows = await queryRows<ProjectDocument & { fileId: string; uploadedAt: string | Date }>(
    db,
    sql`select pd.id, pd.kind, pd.title, d.filename, d.mime_type as "mimeType", d.size, pd.created_at as "uploadedAt",
          case when u.id is null then null else u.first_name || ' ' || u.last_name end as "uploadedBy",
          d.id as "fileId"
        from project_documents pd join documents d on d.id = pd.document_id
        left join users u on u.id = d.uploaded_by
        where pd.project_id = ${projectId} and ${where}
        order by pd.created_at desc, pd.id`,
  );
  return rows.map((r) => ({ ...r, uploadedAt: new Date(r.uploadedAt).toISOString() }));
}
