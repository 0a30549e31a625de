import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTerc, TercFormatError } from './terc.js';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/data/teryt');
const terc = fs.readFileSync(path.join(data, 'TERC_Urzedowy_2026-01-01.csv'), 'utf8');

describe('parseTerc', () => {
  const units = parseTerc(terc);

  it('yields 16 województwa, 380 powiaty and 2,479 gminy', () => {
    const by = (l: string) => units.filter((u) => u.level === l).length;
    expect([by('wojewodztwo'), by('powiat'), by('gmina')]).toEqual([16, 380, 2479]);
  });

  it('matches the tidied register row for row (codes, names, kinds, parents)', () => {
    const tidy = fs
      .readFileSync(path.join(data, 'teryt_units_2026-01-01.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        // name_full of Warsaw contains a comma inside quotes
        const cells = line
          .match(/("[^"]*"|[^,]*)(,|$)/g)!
          .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
        return {
          teryt: cells[0],
          level: cells[1],
          name: cells[2],
          nameFull: cells[3],
          powiat: cells[7] || null,
        };
      });
    const mine = units.map((u) => ({
      teryt: u.teryt,
      level: u.level,
      name: u.name,
      nameFull: u.nameFull,
      powiat: u.powiatTeryt,
    }));
    const key = (x: { teryt?: string }) => x.teryt ?? '';
    const sort = <T extends { teryt?: string }>(a: T[]) =>
      [...a].sort((x, y) => key(x).localeCompare(key(y)));
    const a = sort(mine);
    const b = sort(tidy);
    expect(a.map((u) => u.teryt)).toEqual(b.map((u) => u.teryt));
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      expect({ level: x.level, powiat: x.powiat }, x.teryt).toEqual({ level: y.level, powiat: y.powiat });
      if (x.level !== 'wojewodztwo') expect(x.name, x.teryt).toBe(y.name);
    }
  });

  it('classifies gminy by the type digit and marks cities with powiat rights', () => {
    const krakow = units.find((u) => u.teryt === '1261011');
    expect(krakow).toMatchObject({ kind: 'gmina_miejska', cityWithPowiatRights: true, powiatTeryt: '1261' });
    expect(units.find((u) => u.teryt === '1216153')).toMatchObject({
      name: 'Żabno',
      kind: 'gmina_miejsko_wiejska',
    });
    expect(units.find((u) => u.teryt === '12')).toMatchObject({
      name: 'małopolskie',
      nameFull: 'województwo małopolskie',
    });
  });

  it('reads a file with reordered and extra columns, LF line ends and no BOM', () => {
    const text =
      'NAZWA;WOJ;POW;GMI;RODZ;NAZWA_DOD;EXTRA\nMAŁOPOLSKIE;12;;;;województwo;x\nbocheński;12;01;;;powiat;x\nBochnia;12;01;01;1;gmina miejska;x\n';
    expect(parseTerc(text).map((u) => u.teryt)).toEqual(['12', '1201', '1201011']);
  });

  it('refuses a file that is not TERC', () => {
    expect(() => parseTerc('a;b;c\n1;2;3')).toThrow(TercFormatError);
  });
});
