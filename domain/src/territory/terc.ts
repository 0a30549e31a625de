import type { UnitKind, UnitLevel } from './territory.schemas.js';

/** One unit derived from the GUS TERC register (no population or geometry yet). */
export interface TercUnit {
  teryt: string;
  level: UnitLevel;
  kind: UnitKind;
  name: string;
  nameFull: string;
  cityWithPowiatRights: boolean;
  powiatTeryt: string | null;
  wojTeryt: string;
  stanNa: string | null;
}

export class TercFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `${message} (line ${line})` : message);
    this.name = 'TercFormatError';
  }
}

const REQUIRED_COLUMNS = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD'] as const;

const GMINA_KIND: Record<string, UnitKind> = {
  '1': 'gmina_miejska',
  '2': 'gmina_wiejska',
  '3': 'gmina_miejsko_wiejska',
};

const GMINA_PREFIX: Record<string, string> = {
  '1': 'gmina miejska',
  '2': 'gmina wiejska',
  '3': 'gmina miejsko-wiejska',
};

/**
 * Parses the official GUS TERC register ("TERC_Urzedowy", `;`-separated, optional BOM, CRLF or LF)
 * into one row per województwo, powiat and gmina. Columns are found by header name, so a newer
 * file with extra or reordered columns loads too. Parts of urban-rural gminy (RODZ 4, 5) and
 * Warsaw's districts and delegations (8, 9) are not separate JST and are skipped.
 */
export function parseTerc(text: string): TercUnit[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((h) => h.trim().toUpperCase());
  const idx = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;
  for (const c of REQUIRED_COLUMNS) {
    if (idx[c] < 0) throw new TercFormatError(`TERC header lacks column ${c}`);
  }
  const stanIdx = header.indexOf('STAN_NA');

  const woj = new Map<string, TercUnit>();
  const units: TercUnit[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.trim()) continue;
    const f = line.split(';').map((v) => v.trim());
    const w = f[idx.WOJ] ?? '';
    const p = f[idx.POW] ?? '';
    const g = f[idx.GMI] ?? '';
    const r = f[idx.RODZ] ?? '';
    const name = f[idx.NAZWA] ?? '';
    const extra = f[idx.NAZWA_DOD] ?? '';
    const stanNa = stanIdx >= 0 ? f[stanIdx] || null : null;
    if (!/^\d{2}$/.test(w) || !name) throw new TercFormatError('Invalid TERC row', i + 1);

    if (!p && !g) {
      // GUS writes województwo names in capitals; the official name is lower case.
      const n = name.toLocaleLowerCase('pl');
      const u: TercUnit = {
        teryt: w,
        level: 'wojewodztwo',
        kind: 'wojewodztwo',
        name: n,
        nameFull: `województwo ${n}`,
        cityWithPowiatRights: false,
        powiatTeryt: null,
        wojTeryt: w,
        stanNa,
      };
      woj.set(w, u);
      units.push(u);
    } else if (p && !g) {
      if (!/^\d{2}$/.test(p)) throw new TercFormatError('Invalid POW code', i + 1);
      const city = extra.startsWith('miasto');
      units.push({
        teryt: w + p,
        level: 'powiat',
        kind: city ? 'miasto_na_prawach_powiatu' : 'powiat',
        name,
        nameFull: city ? name : `powiat ${name}`,
        cityWithPowiatRights: city,
        powiatTeryt: null,
        wojTeryt: w,
        stanNa,
      });
    } else {
      const kind = GMINA_KIND[r];
      if (!kind) continue; // 4, 5: parts of a gmina; 8, 9: Warsaw districts and delegations
      if (!/^\d{2}$/.test(p) || !/^\d{2}$/.test(g)) throw new TercFormatError('Invalid GMI code', i + 1);
      const powiatTeryt = w + p;
      units.push({
        teryt: w + p + g + r,
        level: 'gmina',
        kind,
        name,
        nameFull: `${GMINA_PREFIX[r]} ${name}`,
        cityWithPowiatRights: Number(p) >= 61,
        powiatTeryt,
        wojTeryt: w,
        stanNa,
      });
    }
  }
  if (woj.size === 0) throw new TercFormatError('TERC file holds no województwo');
  return units;
}
