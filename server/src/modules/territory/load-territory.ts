import fs from 'node:fs/promises';
import path from 'node:path';
import { parseTerc, type TercUnit } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { serverRoot } from '../../paths.js';

const dataFolder = path.join(serverRoot, 'data');

export const referenceFiles = {
  terc: path.join(dataFolder, 'teryt/TERC_Urzedowy_2026-01-01.csv'),
  population: path.join(dataFolder, 'population/ludnosc_gminy_2024_gus_bdl.csv'),
  boundaries: path.join(dataFolder, 'geo/poland-admin-2026.topo.json'),
};

/** Reads `teryt → population` from the GUS BDL extract (column names, not positions). */
export function parsePopulation(text: string): Map<string, number> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const ti = header.indexOf('teryt_2026');
  const pi = header.indexOf('ludnosc_2024');
  if (ti < 0 || pi < 0) throw new Error('Population file lacks teryt_2026 or ludnosc_2024');
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const teryt = f[ti];
    const v = f[pi];
    if (teryt && v) out.set(teryt, Number.parseInt(v, 10));
  }
  return out;
}

/** TERYT codes that have a polygon in the boundaries TopoJSON. */
export function geometryIds(topology: {
  objects: Record<string, { geometries: { id?: string | number }[] }>;
}): Set<string> {
  const ids = new Set<string>();
  for (const obj of Object.values(topology.objects)) {
    for (const g of obj.geometries) if (g.id !== undefined) ids.add(String(g.id));
  }
  return ids;
}

export interface TerritoryLoadResult {
  wojewodztwo: number;
  powiat: number;
  gmina: number;
  deactivated: number;
}

/**
 * Loads (or refreshes) the territorial registry in one statement per table: upserts every unit
 * from the TERC file, sums population up to powiaty and województwa, and marks units that are no
 * longer in the register as inactive (records may still refer to them). Idempotent.
 */
export async function loadTerritory(
  db: DbOrTx,
  input: { units: TercUnit[]; population: Map<string, number>; geometry: Set<string> },
): Promise<TerritoryLoadResult> {
  const { units, population, geometry } = input;
  // sql.param: an array goes to the database as one array parameter, not a list of parameters.
  const col = <K extends keyof TercUnit>(k: K) => sql.param(units.map((u) => u[k]));
  const pop = sql.param(units.map((u) => population.get(u.teryt) ?? null));
  const geo = sql.param(units.map((u) => geometry.has(u.teryt)));

  let deactivated = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into territorial_units
        (teryt, level, kind, name, name_full, name_search, name_full_search, city_with_powiat_rights, powiat_teryt, woj_teryt,
         population, has_geometry, active, stan_na, updated_at)
      select t.teryt, t.level, t.kind, t.name, t.name_full, search_text(t.name), search_text(t.name_full), t.city, t.powiat, t.woj,
             t.pop, t.geo, true, t.stan_na::date, now()
      from unnest(
        ${col('teryt')}::text[], ${col('level')}::text[], ${col('kind')}::text[], ${col('name')}::text[],
        ${col('nameFull')}::text[], ${col('cityWithPowiatRights')}::boolean[], ${col('powiatTeryt')}::text[],
        ${col('wojTeryt')}::text[], ${pop}::integer[], ${geo}::boolean[], ${col('stanNa')}::text[]
      ) as t(teryt, level, kind, name, name_full, city, powiat, woj, pop, geo, stan_na)
      on conflict (teryt) do update set
        level = excluded.level, kind = excluded.kind, name = excluded.name, name_full = excluded.name_full,
        name_search = excluded.name_search, name_full_search = excluded.name_full_search, city_with_powiat_rights = excluded.city_with_powiat_rights,
        powiat_teryt = excluded.powiat_teryt, woj_teryt = excluded.woj_teryt, population = excluded.population,
        has_geometry = excluded.has_geometry, active = true, stan_na = excluded.stan_na, updated_at = now()
    `);
    await tx.execute(sql`
      update territorial_units p set population = s.total
      from (select powiat_teryt, sum(population)::int as total from territorial_units
            where level = 'gmina' and active group by powiat_teryt) s
      where p.teryt = s.powiat_teryt and p.population is null
    `);
    await tx.execute(sql`
      update territorial_units w set population = s.total
      from (select woj_teryt, sum(population)::int as total from territorial_units
            where level = 'gmina' and active group by woj_teryt) s
      where w.teryt = s.woj_teryt and w.level = 'wojewodztwo' and w.population is null
    `);
    const d = await queryRows<{ n: number }>(
      tx,
      sql`
      with d as (
        update territorial_units set active = false, updated_at = now()
        where active and not (teryt = any(${col('teryt')}::text[])) returning 1
      ) select count(*)::int as n from d
    `,
    );
    deactivated = d[0]?.n ?? 0;
  });
  return {
    wojewodztwo: units.filter((u) => u.level === 'wojewodztwo').length,
    powiat: units.filter((u) => u.level === 'powiat').length,
    gmina: units.filter((u) => u.level === 'gmina').length,
    deactivated,
  };
}

/** Loads the bundled reference files (or a newer TERC file given by path). */
export async function loadBundledTerritory(db: DbOrTx, tercPath = referenceFiles.terc) {
  const [terc, population, topo] = await Promise.all([
    fs.readFile(tercPath, 'utf8'),
    fs.readFile(referenceFiles.population, 'utf8'),
    fs.readFile(referenceFiles.boundaries, 'utf8'),
  ]);
  return loadTerritory(db, {
    units: parseTerc(terc),
    population: parsePopulation(population),
    geometry: geometryIds(JSON.parse(topo)),
  });
}
