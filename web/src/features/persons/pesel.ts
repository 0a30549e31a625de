/**
 * The web copy of the domain's PESEL decoder (`decodePesel` in domain/src/identifiers), so the form
 * can check a PESEL while it is typed without pulling zod into the bundle; pesel.test.ts keeps the two
 * in agreement.
 */

export interface PeselInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'K' | 'M';
}

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** Decodes a PESEL: null when the format, the check digit or the encoded date is wrong. */
export function decodePesel(input: string): PeselInfo | null {
  const s = input.trim();
  if (!/^\d{11}$/.test(s)) return null;
  const d = Array.from(s, Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return null;
  const yy = Number(s.slice(0, 2));
  const mmRaw = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  // The month carries the century: +80 for 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s.
  const centuries: [number, number][] = [
    [80, 1800],
    [60, 2200],
    [40, 2100],
    [20, 2000],
    [0, 1900],
  ];
  const [offset, century] = centuries.find(([o]) => mmRaw > o && mmRaw <= o + 12) ?? [-1, 0];
  if (offset < 0) return null;
  const year = century + yy;
  const month = mmRaw - offset;
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd)
    return null;
  return {
    birthDate: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`,
    sex: (d[9] ?? 0) % 2 === 1 ? 'M' : 'K',
  };
}

/** What the PESEL field says while typed: nothing yet, still typing, wrong, or decoded. */
export type PeselState =
  | { kind: 'empty' }
  | { kind: 'partial'; digits: number }
  | { kind: 'invalid' }
  | { kind: 'valid'; info: PeselInfo };

export function peselState(input: string): PeselState {
  const s = input.trim();
  if (s === '') return { kind: 'empty' };
  if (!/^\d*$/.test(s) || s.length > 11) return { kind: 'invalid' };
  if (s.length < 11) return { kind: 'partial', digits: s.length };
  const info = decodePesel(s);
  return info ? { kind: 'valid', info } : { kind: 'invalid' };
}
