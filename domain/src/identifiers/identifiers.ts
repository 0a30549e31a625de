/**
 * Polish identifiers with their check digits: PESEL (persons), NIP (tax number), REGON (9 or 14 digits).
 * Pure functions; the zod schemas of later modules refine with them.
 */

const digits = (s: string) => Array.from(s, Number);

function weightedSum(d: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0);
}

export function isValidNip(input: string): boolean {
  const s = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(s)) return false;
  const d = digits(s);
  const c = weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return c !== 10 && c === d[9];
}

export function isValidRegon(input: string): boolean {
  const s = input.replace(/[\s-]/g, '');
  if (/^\d{9}$/.test(s)) {
    const d = digits(s);
    return (weightedSum(d, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10 === d[8];
  }
  if (/^\d{14}$/.test(s)) {
    // A 14-digit REGON (local unit) starts with a valid 9-digit REGON of its parent.
    if (!isValidRegon(s.slice(0, 9))) return false;
    const d = digits(s);
    return (weightedSum(d, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10 === d[13];
  }
  return false;
}

export interface PeselInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'K' | 'M';
}

/** Decodes a PESEL: null when the format, the check digit or the encoded date is wrong. */
export function decodePesel(input: string): PeselInfo | null {
  const s = input.trim();
  if (!/^\d{11}$/.test(s)) return null;
  const d = digits(s);
  const check = (10 - (weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== d[10]) return null;
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

export const isValidPesel = (s: string) => decodePesel(s) !== null;
