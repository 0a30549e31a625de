import { type SmefsColumnKey, type SmefsProblem, smefsProblem } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

/**
 * The names of the SM EFS address columns from a TERYT code and back (docs/smefs.md): Województwo in
 * capitals as GUS writes it ("MAŁOPOLSKIE"), Powiat by its name ("wadowicki", "Kraków"), Gmina by its
 * name — with its kind in brackets ("Bochnia (gmina wiejska)") only when the powiat has another gmina
 * of the same name, so that the name always leads back to one code. Reading is case-insensitive and
 * also takes the kind in brackets where it is not needed. All ~2,900 units fit in memory.
 */
export interface UnitNames {
  voivodeship: string | null;
  powiat: string | null;
  gmina: string | null;
}

interface Unit {
  teryt: string;
  level: 'wojewodztwo' | 'powiat' | 'gmina';
  name: string;
  nameFull: string;
  powiatTeryt: string | null;
  wojTeryt: string;
  active: boolean;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
const kindOf = (u: Unit) =>
  u.nameFull.endsWith(u.name) ? u.nameFull.slice(0, -u.name.length).trim() : u.nameFull;

export class TerritoryNames {
  private readonly byTeryt = new Map<string, Unit>();
  private readonly gminaDisplay = new Map<string, string>();
  private readonly wojByName = new Map<string, Unit>();
  private readonly powiatByName = new Map<string, Unit[]>();
  private readonly gminyOf = new Map<string, Unit[]>();

  constructor(units: Unit[]) {
    for (const u of units) this.byTeryt.set(u.teryt, u);
    const sameName = new Map<string, Unit[]>();
    for (const u of units) {
      if (u.level === 'wojewodztwo') this.wojByName.set(norm(u.name), u);
      if (u.level === 'powiat') {
        const key = `${u.wojTeryt}|${norm(u.name)}`;
        this.powiatByName.set(key, [...(this.powiatByName.get(key) ?? []), u]);
      }
      if (u.level === 'gmina' && u.powiatTeryt) {
        this.gminyOf.set(u.powiatTeryt, [...(this.gminyOf.get(u.powiatTeryt) ?? []), u]);
        const key = `${u.powiatTeryt}|${norm(u.name)}`;
        sameName.set(key, [...(sameName.get(key) ?? []), u]);
      }
    }
    for (const group of sameName.values())
      for (const u of group)
        this.gminaDisplay.set(u.teryt, group.length > 1 ? `${u.name} (${kindOf(u)})` : u.name);
  }

  static async load(db: DbOrTx): Promise<TerritoryNames> {
    return new TerritoryNames(
      await queryRows<Unit>(
        db,
        sql`select teryt, level, name, name_full as "nameFull", powiat_teryt as "powiatTeryt", woj_teryt as "wojTeryt", active
            from territorial_units`,
      ),
    );
  }

  /** The three names of a code (a gmina gives all three; a powiat or województwo code fewer). */
  names(teryt: string | null): UnitNames {
    const u = teryt ? this.byTeryt.get(teryt) : undefined;
    if (!u) return { voivodeship: null, powiat: null, gmina: null };
    const woj = this.byTeryt.get(u.wojTeryt);
    const powiat =
      u.level === 'powiat' ? u : u.powiatTeryt ? (this.byTeryt.get(u.powiatTeryt) ?? null) : null;
    return {
      voivodeship: woj ? woj.name.toLocaleUpperCase('pl') : null,
      powiat: powiat?.name ?? null,
      gmina: u.level === 'gmina' ? (this.gminaDisplay.get(u.teryt) ?? u.name) : null,
    };
  }

  /** The gmina's code from the three names, or the problem of the first column that does not resolve. */
  resolve(n: UnitNames): { teryt: string } | { problem: SmefsProblem } {
    const fail = (
      column: SmefsColumnKey,
      value: string,
      code: 'smefs.territory' | 'smefs.territoryAmbiguous',
    ) => ({
      problem: smefsProblem(column, code, { value }),
    });
    const woj = n.voivodeship ? this.wojByName.get(norm(n.voivodeship)) : undefined;
    if (!woj) return fail('voivodeship', n.voivodeship ?? '', 'smefs.territory');
    const powiaty = n.powiat ? (this.powiatByName.get(`${woj.teryt}|${norm(n.powiat)}`) ?? []) : [];
    const powiat = powiaty.find((p) => p.active) ?? powiaty[0];
    if (!powiat) return fail('powiat', n.powiat ?? '', 'smefs.territory');
    const gminy = this.gminyOf.get(powiat.teryt) ?? [];
    const wanted = norm(n.gmina ?? '');
    // Exactly the displayed name ("Bochnia (gmina wiejska)"), or "name (kind)" / the full name.
    const exact = gminy.filter(
      (g) =>
        norm(this.gminaDisplay.get(g.teryt) ?? g.name) === wanted ||
        norm(`${g.name} (${kindOf(g)})`) === wanted ||
        norm(g.nameFull) === wanted,
    );
    const pick = (xs: Unit[]) => xs.find((g) => g.active) ?? xs[0];
    if (exact.length === 1 || (exact.length > 1 && new Set(exact.map((g) => g.teryt)).size === 1))
      return { teryt: (exact[0] as Unit).teryt };
    const byName = gminy.filter((g) => norm(g.name) === wanted);
    if (exact.length === 0 && byName.length === 0) return fail('gmina', n.gmina ?? '', 'smefs.territory');
    const candidates = exact.length ? exact : byName;
    const active = candidates.filter((g) => g.active);
    if (active.length === 1) return { teryt: (active[0] as Unit).teryt };
    if (candidates.length === 1) return { teryt: (pick(candidates) as Unit).teryt };
    return fail('gmina', n.gmina ?? '', 'smefs.territoryAmbiguous');
  }
}
