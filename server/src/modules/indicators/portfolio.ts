import {
  achievedShare,
  type BandCounts,
  canonicalDecimal,
  emptyBandCounts,
  type IndicatorBand,
  type Portfolio,
  type PortfolioQuery,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { projectsReadableSql } from '../projects/access.js';

/**
 * The rules of `progressOf` / `bandOf` (domain/src/projects/indicators.ts) in SQL, so that the
 * portfolio bands thousands of indicators inside the database from their stored figures. The
 * integration test `portfolio.int.test.ts` checks both give the same band for the same numbers.
 */
export function achievedSql(current: SQL, baseline: SQL, target: SQL): SQL {
  return sql`(case when ${current} is null then null
      when ${target} = ${baseline} then (case when ${current} >= ${target} then 10000 else 0 end)
      else greatest(0, round((${current} - ${baseline}) * 10000 / (${target} - ${baseline})))::int end)`;
}

/** `periodElapsed` (hundredths of a percent of the period passed on `today`, half-up). */
export function elapsedSql(startsOn: SQL, endsOn: SQL, today: string | SQL): SQL {
  const total = sql`(${endsOn} - ${startsOn})`;
  const passed = sql`(${today}::date - ${startsOn})`;
  return sql`(case when ${passed} <= 0 then (case when ${total} <= 0 and ${passed} = 0 then 10000 else 0 end)
      when ${passed} >= ${total} then 10000
      else ((2 * ${passed}::bigint * 10000 + ${total}) / (2 * ${total}))::int end)`;
}

export function bandSql(achieved: SQL, elapsed: SQL, endsOn: SQL, today: string | SQL): SQL {
  return sql`(case when ${achieved} is null then 'brak_danych'
      when ${achieved} >= 10000 then 'osiagniety'
      when ${today}::date > ${endsOn} then 'nieosiagniety'
      when ${achieved} >= ${elapsed} - 1000 then 'zgodnie'
      when ${achieved} >= ${elapsed} - 2500 then 'ryzyko'
      else 'zagrozony' end)`;
}

type Query = z.output<typeof PortfolioQuery>;

function filtersOf(q: Query): SQL {
  const conds: SQL[] = [];
  if (q.status) conds.push(sql`p.status = ${q.status}`);
  if (q.programme)
    conds.push(
      sql`p.programme_node_id in (with recursive sub as (
            select id from programme_nodes where id = ${q.programme}
            union all select n.id from programme_nodes n join sub on n.parent_id = sub.id)
          select id from sub)`,
    );
  if (q.institution)
    conds.push(
      sql`(p.leader_institution_id = ${q.institution}
           or exists (select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = ${q.institution}))`,
    );
  if (q.region)
    conds.push(
      sql`(exists (select 1 from institutions li where li.id = p.leader_institution_id
                   and substring(li.teryt from 1 for 2) = ${q.region})
           or exists (select 1 from project_partners pp join institutions pi on pi.id = pp.institution_id
                      where pp.project_id = p.id and substring(pi.teryt from 1 for 2) = ${q.region}))`,
    );
  return conds.length ? sql.join(conds, sql` and `) : sql`true`;
}

interface Bands {
  osiagniety: number;
  zgodnie: number;
  ryzyko: number;
  zagrozony: number;
  nieosiagniety: number;
  brak_danych: number;
}
const bandsOf = (b: Partial<Record<IndicatorBand, number>> | null): BandCounts => ({
  ...emptyBandCounts(),
  ...(b ?? {}),
});
const bandColumns = sql`json_build_object(
    'osiagniety', count(*) filter (where band = 'osiagniety'),
    'zgodnie', count(*) filter (where band = 'zgodnie'),
    'ryzyko', count(*) filter (where band = 'ryzyko'),
    'zagrozony', count(*) filter (where band = 'zagrozony'),
    'nieosiagniety', count(*) filter (where band = 'nieosiagniety'),
    'brak_danych', count(*) filter (where band = 'brak_danych'))`;

/**
 * The portfolio of the projects the actor may read, in one statement over stored figures
 * (`project_indicators.current_value`): no metric runs here, so the answer does not grow with the
 * records behind the indicators. Totals and per-definition progress cover every matching project;
 * the project list is one page (`limit`, `offset`), ordered by number.
 */
/**
 * Portfolios are kept in the process for `CACHE_MS` per user, institution, query and day: a
 * regional analyst's (~40,000 indicators) takes ~120 ms to band on PostgreSQL, and a portfolio is
 * looked at again and again (bench/README.md). Any successful change through the projects or
 * indicators routes of this process empties the cache (`portfolioChanged`, wired in both modules'
 * `index.ts`), so whoever just entered a value sees it at once; another server instance behind the
 * load balancer shows it within `CACHE_MS`, as does a daily measurement by a worker.
 */
const CACHE_MS = 30_000;
const portfolioCache = new Map<string, { until: number; portfolio: Portfolio }>();

/** Forgets every cached portfolio (after a change of a project or of an indicator value). */
export function portfolioChanged(): void {
  portfolioCache.clear();
}

/** Registers, on a routes scope, the hook that forgets cached portfolios after a successful change. */
export function forgetPortfoliosOnChange(scope: FastifyInstance): void {
  scope.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) portfolioChanged();
  });
}

export async function loadPortfolio(db: DbOrTx, actor: Actor, q: Query, today: string): Promise<Portfolio> {
  const key = JSON.stringify([actor.userId, actor.institutionId, q, today]);
  const cached = portfolioCache.get(key);
  if (cached && cached.until > Date.now()) return cached.portfolio;
  const portfolio = await computePortfolio(db, actor, q, today);
  if (portfolioCache.size >= 1_000) portfolioCache.delete(portfolioCache.keys().next().value as string);
  portfolioCache.set(key, { until: Date.now() + CACHE_MS, portfolio });
  return portfolio;
}

async function computePortfolio(db: DbOrTx, actor: Actor, q: Query, today: string): Promise<Portfolio> {
  // `achieved_bp` is `achievedSql` of the row, stored by the database (schema/projects.ts).
  const achieved = sql`pi.achieved_bp`;
  const elapsed = elapsedSql(sql`pr.starts_on`, sql`pr.ends_on`, today);
  const [row] = await queryRows<{
    totals: { projects: number; indicators: number; byBand: Bands | null };
    projects: {
      id: string;
      number: string;
      title: string;
      shortTitle: string | null;
      status: Portfolio['projects'][number]['status'];
      leader: { id: string; name: string };
      startsOn: string;
      endsOn: string;
      elapsed: number;
      indicators: number;
      byBand: Bands | null;
    }[];
    indicators: {
      definitionId: string;
      code: string | null;
      name: string;
      unit: Portfolio['indicators'][number]['unit'];
      type: Portfolio['indicators'][number]['type'];
      projects: number;
      byBand: Bands;
      baseline: string | null;
      target: string | null;
      current: string | null;
    }[];
  }>(
    db,
    sql`with pr as materialized (
          select p.id, p.number, p.title, p.short_title, p.status, p.starts_on, p.ends_on, p.leader_institution_id
          from projects p
          where ${projectsReadableSql(actor, 'p')} and ${filtersOf(q)}
        ),
        ind as materialized (
          select pi.project_id, pi.definition_id, pi.baseline, pi.target, pi.current_value,
            ${bandSql(achieved, elapsed, sql`pr.ends_on`, today)} as band
          from project_indicators pi join pr on pr.id = pi.project_id
        ),
        per_project as (
          select project_id, count(*)::int as n, ${bandColumns} as bands from ind group by project_id
        ),
        page as (
          select pr.*, ${elapsed} as elapsed from pr order by pr.number, pr.id limit ${q.limit} offset ${q.offset}
        ),
        top_definitions as (
          select definition_id from ind group by definition_id order by count(*) desc, definition_id limit 50
        ),
        per_definition as (
          select definition_id, count(*)::int as n, ${bandColumns} as bands,
            sum(baseline)::text as baseline, sum(target)::text as target, sum(current_value)::text as current
          from ind where definition_id in (select definition_id from top_definitions) group by definition_id
        )
        select
          json_build_object(
            'projects', (select count(*)::int from pr),
            'indicators', (select count(*)::int from ind),
            'byBand', (select ${bandColumns} from ind)) as totals,
          coalesce((select json_agg(json_build_object(
              'id', page.id, 'number', page.number, 'title', page.title, 'shortTitle', page.short_title,
              'status', page.status, 'leader', json_build_object('id', i.id, 'name', i.name),
              'startsOn', page.starts_on::text, 'endsOn', page.ends_on::text, 'elapsed', page.elapsed,
              'indicators', coalesce(pp.n, 0), 'byBand', pp.bands) order by page.number, page.id)
            from page join institutions i on i.id = page.leader_institution_id
            left join per_project pp on pp.project_id = page.id), '[]'::json) as projects,
          coalesce((select json_agg(json_build_object(
              'definitionId', d.id, 'code', d.code, 'name', d.name, 'unit', d.unit, 'type', d.type,
              'projects', pd.n, 'byBand', pd.bands, 'baseline', pd.baseline, 'target', pd.target,
              'current', pd.current) order by pd.n desc, d.code nulls last, d.name)
            from per_definition pd join indicator_definitions d on d.id = pd.definition_id), '[]'::json) as indicators`,
  );
  const r = row ?? { totals: { projects: 0, indicators: 0, byBand: null }, projects: [], indicators: [] };
  return {
    asOf: today,
    totals: {
      projects: r.totals.projects,
      indicators: r.totals.indicators,
      byBand: bandsOf(r.totals.byBand),
    },
    projects: r.projects.map((p) => ({ ...p, byBand: bandsOf(p.byBand) })),
    indicators: r.indicators.map((d) => {
      // Shares do not add up across projects: a percent indicator shows its bands only.
      const sums = d.unit !== 'procent' && d.target !== null;
      const target = sums ? canonicalDecimal(d.target as string) : null;
      const current = sums && d.current !== null ? canonicalDecimal(d.current) : null;
      return {
        definitionId: d.definitionId,
        code: d.code,
        name: d.name,
        unit: d.unit,
        type: d.type,
        projects: d.projects,
        byBand: bandsOf(d.byBand),
        target,
        current,
        achieved:
          target === null
            ? null
            : achievedShare({ baseline: canonicalDecimal(d.baseline ?? '0'), target, current }),
      };
    }),
  };
}
