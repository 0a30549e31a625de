import type {
  TerritorialUnit,
  TerritorySummary,
  UnitDetail,
  UnitSearchQuery,
  UnitSearchResult,
} from '@kooperacja/domain';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { territorialUnits as tu } from '../../db/schema/index.js';

const unitColumns = {
  teryt: tu.teryt,
  level: tu.level,
  kind: tu.kind,
  name: tu.name,
  nameFull: tu.nameFull,
  cityWithPowiatRights: tu.cityWithPowiatRights,
  powiatTeryt: tu.powiatTeryt,
  wojTeryt: tu.wojTeryt,
  population: tu.population,
  hasGeometry: tu.hasGeometry,
};

type UnitRow = { [K in keyof typeof unitColumns]: (typeof unitColumns)[K]['_']['data'] | null };

function present(r: UnitRow): TerritorialUnit {
  return {
    teryt: r.teryt!,
    level: r.level as TerritorialUnit['level'],
    kind: r.kind as TerritorialUnit['kind'],
    name: r.name!,
    nameFull: r.nameFull!,
    cityWithPowiatRights: Boolean(r.cityWithPowiatRights),
    powiatTeryt: r.powiatTeryt ?? null,
    wojTeryt: r.wojTeryt!,
    population: r.population ?? null,
    hasGeometry: Boolean(r.hasGeometry),
  };
}

const levelOrder = sql`case ${tu.level} when 'wojewodztwo' then 0 when 'powiat' then 1 else 2 end`;

/**
 * Name search that ignores case and Polish diacritics ("zabno" finds Żabno) and tolerates typos
 * (trigram similarity). Ranked: exact name, then prefix, then substring, then similarity.
 */
export async function searchUnits(db: DbOrTx, q: UnitSearchQuery): Promise<UnitSearchResult> {
  const conds: SQL[] = [eq(tu.active, true)];
  if (q.level) conds.push(eq(tu.level, q.level));
  if (q.kind) conds.push(eq(tu.kind, q.kind));
  if (q.within) conds.push(sql`${tu.teryt} like ${`${q.within}%`} and ${tu.teryt} <> ${q.within}`);
  const text = q.q?.trim();
  const order: SQL[] = [];
  if (text) {
    const s = sql`search_text(${text})`;
    conds.push(
      sql`(${tu.nameSearch} like '%' || ${s} || '%' or ${tu.nameSearch} % ${s} or ${tu.nameFullSearch} like '%' || ${s} || '%')`,
    );
    order.push(
      sql`(${tu.nameSearch} = ${s}) desc`,
      sql`(${tu.nameSearch} like ${s} || '%') desc`,
      sql`(${tu.nameSearch} like '%' || ${s} || '%') desc`,
      sql`similarity(${tu.nameSearch}, ${s}) desc`,
    );
  }
  const rows = await db
    .select({ ...unitColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(tu)
    .where(and(...conds))
    .orderBy(...order, levelOrder, asc(tu.name), asc(tu.teryt))
    .limit(q.limit)
    .offset(q.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.offset > 0) {
    const [c] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tu)
      .where(and(...conds));
    total = c?.n ?? 0;
  }
  return { items: rows.map(present), total };
}

export async function getUnit(db: DbOrTx, teryt: string): Promise<UnitDetail | null> {
  const [unit] = await db.select(unitColumns).from(tu).where(eq(tu.teryt, teryt));
  if (!unit) return null;
  const parentCodes = [unit.wojTeryt, unit.powiatTeryt].filter((c): c is string => !!c && c !== teryt);
  const parents = parentCodes.length
    ? await db.select(unitColumns).from(tu).where(sql`${tu.teryt} in ${parentCodes}`).orderBy(levelOrder)
    : [];
  const childLevel = unit.level === 'wojewodztwo' ? 'powiat' : unit.level === 'powiat' ? 'gmina' : null;
  const children = childLevel
    ? await db
        .select(unitColumns)
        .from(tu)
        .where(and(eq(tu.active, true), eq(tu.level, childLevel), sql`${tu.teryt} like ${`${teryt}%`}`))
        .orderBy(asc(tu.name), asc(tu.teryt))
    : [];
  return { unit: present(unit), parents: parents.map(present), children: children.map(present) };
}

export async function territorySummary(db: DbOrTx): Promise<TerritorySummary> {
  const byKind = await db
    .select({ level: tu.level, kind: tu.kind, n: sql<number>`count(*)`.mapWith(Number) })
    .from(tu)
    .where(eq(tu.active, true))
    .groupBy(tu.level, tu.kind);
  const counts = { wojewodztwo: 0, powiat: 0, gmina: 0 };
  const gminaKinds: Record<string, number> = {};
  for (const r of byKind) {
    counts[r.level as keyof typeof counts] += r.n;
    if (r.level === 'gmina') gminaKinds[r.kind] = r.n;
  }
  const without = await db
    .select(unitColumns)
    .from(tu)
    .where(and(eq(tu.active, true), eq(tu.hasGeometry, false)))
    .orderBy(asc(tu.teryt));
  const [stan] = await db.select({ s: sql<string | null>`max(${tu.stanNa})::text` }).from(tu);
  return { counts, gminaKinds, withoutGeometry: without.map(present), stanNa: stan?.s ?? null };
}
