/**
 * Money in whole grosze: parsing, formatting, sums and rates without floating point (docs/projects.md).
 *
 * An amount is a safe integer number of grosze (1 zł = 100 gr). Parsing builds it from the digits
 * with BigInt, sums check every term, and a rate is computed as a ratio of integers rounded half-up
 * to hundredths of a percent — so 19 215 910,07 of 22 681 431,03 is exactly "84,72 %", as the
 * managing authority printed it.
 */

/** Non-breaking space: an amount or a percentage never wraps inside itself. */
const NBSP = '\u00a0';
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Why a typed amount was refused (a message key; pl/en texts in the UI and on the server). */
export const moneyParseErrors = {
  'money.empty': { pl: 'Podaj kwotę.', en: 'Enter an amount.' },
  'money.format': {
    pl: 'Nieprawidłowa kwota. Wpisz np. 1 216 630,61 (spacje między tysiącami, przecinek przed groszami).',
    en: 'Invalid amount. Type e.g. 1 216 630,61 (spaces between thousands, a comma before the grosze).',
  },
  'money.precision': {
    pl: 'Kwota może mieć najwyżej dwa miejsca po przecinku (grosze).',
    en: 'An amount has at most two decimal places (grosze).',
  },
  'money.negative': { pl: 'Kwota nie może być ujemna.', en: 'An amount cannot be negative.' },
  'money.tooLarge': { pl: 'Kwota jest zbyt duża.', en: 'The amount is too large.' },
} as const satisfies Record<string, { pl: string; en: string }>;
export type MoneyParseError = keyof typeof moneyParseErrors;

export type ParsedAmount = { ok: true; grosze: number } | { ok: false; error: MoneyParseError };

/** Digits grouped by thousands with one separator ("1 216 630", "1.216.630") or not grouped at all. */
function integerDigits(part: string, group: string | null): string | null {
  if (/^\d+$/.test(part)) return part;
  if (group === null) return null;
  const escaped = group === '.' ? '\\.' : group;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(part) ? part.split(group).join('') : null;
}

/**
 * A Polish amount as typed by a person or printed in a document → whole grosze.
 *
 * Accepts "1 216 630,61", "1216630,61", "1216630.61", "1.216.630,61", "1,216,630.61", "1 216 630 zł",
 * "1 216 630,61 PLN", "5,5" (= 5,50), "12,- zł"; spaces may be ordinary, non-breaking or thin. A comma is the
 * decimal sign; a single dot is one too, unless exactly three digits follow it ("1.216" is 1 216 zł:
 * money has no third decimal). Refuses more than two decimal places (money is never rounded behind
 * the user's back), a minus sign (unless `allowNegative`), and anything that is not an amount.
 */
export function parseAmount(input: string, opts: { allowNegative?: boolean } = {}): ParsedAmount {
  let s = input
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .trim()
    .replace(/\s*(zł|zl|pln)\.?$/i, '')
    .trim();
  if (!s) return { ok: false, error: 'money.empty' };
  // "12,- zł" and "12, zł": whole złote.
  s = s.replace(/(\d),[-\u2013\u2014]?$/, '$1');
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (!/^[\d .,]+$/.test(s) || !/\d/.test(s)) return { ok: false, error: 'money.format' };
  s = s.replace(/ +/g, ' ');
  const count = (c: string) => s.split(c).length - 1;
  const commas = count(',');
  const dots = count('.');
  let decimal: ',' | '.' | null = null;
  if (commas && dots) decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) decimal = ',';
  else if (dots === 1 && !/\.\d{3}$/.test(s)) decimal = '.';
  let intPart = s;
  let fracPart = '';
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at).trim();
    fracPart = s.slice(at + 1).trim();
    if (!/^\d*$/.test(fracPart) || (!fracPart && !intPart)) return { ok: false, error: 'money.format' };
    if (fracPart.length > 2) return { ok: false, error: 'money.precision' };
  }
  // What is left in the integer part may group thousands with one kind of separator only.
  const separators = [' ', ',', '.'].filter((c) => intPart.includes(c));
  if (separators.length > 1) return { ok: false, error: 'money.format' };
  const digits = intPart === '' ? '0' : integerDigits(intPart, separators[0] ?? null);
  if (digits === null) return { ok: false, error: 'money.format' };
  const grosze = BigInt(digits) * 100n + BigInt(fracPart.padEnd(2, '0'));
  if (grosze > MAX) return { ok: false, error: 'money.tooLarge' };
  if (negative && grosze !== 0n) {
    if (!opts.allowNegative) return { ok: false, error: 'money.negative' };
    return { ok: true, grosze: -Number(grosze) };
  }
  return { ok: true, grosze: Number(grosze) };
}

function assertGrosze(value: number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`An amount must be whole grosze: ${value}`);
  return BigInt(value);
}

/** Digits grouped by three with a non-breaking space: 1216630 → "1 216 630". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Grosze → "1 216 630,61" (non-breaking spaces between thousands; no currency), for inputs. */
export function formatAmountPlain(grosze: number | bigint): string {
  const v = assertGrosze(grosze);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${groupThousands((abs / 100n).toString())},${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Grosze → "1 216 630,61 zł". */
export function formatAmount(grosze: number | bigint): string {
  return `${formatAmountPlain(grosze)}${NBSP}zł`;
}

/** The exact sum of amounts in grosze; throws when a term is not whole grosze or the sum overflows. */
export function sumGrosze(values: readonly (number | bigint)[]): number {
  let total = 0n;
  for (const v of values) total += assertGrosze(v);
  if (total > MAX || total < -MAX) throw new RangeError('The sum exceeds the largest safe amount');
  return Number(total);
}

/**
 * `part` as a share of `whole` in hundredths of a percent, rounded half-up, in integers only:
 * rate(1921591007, 2268143103) = 8472 (84,72 %). Null when the whole is zero (no rate to show).
 */
export function rate(part: number | bigint, whole: number | bigint): number | null {
  const p = assertGrosze(part);
  const w = assertGrosze(whole);
  if (w === 0n) return null;
  const negative = p < 0n !== w < 0n && p !== 0n;
  const pa = p < 0n ? -p : p;
  const wa = w < 0n ? -w : w;
  // floor(pa * 10000 / wa + 1/2) = floor((2 * pa * 10000 + wa) / (2 * wa))
  const r = (2n * pa * 10000n + wa) / (2n * wa);
  return Number(negative ? -r : r);
}

/** Hundredths of a percent → "84,72 %" (Polish: comma, a non-breaking space before the sign). */
export function formatRate(hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined) return '—';
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`A rate must be an integer: ${hundredths}`);
  const abs = Math.abs(hundredths);
  return `${hundredths < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}${NBSP}%`;
}

// ————— The co-financing rules of a project —————

/** The money of a project, in grosze. */
export interface ProjectMoney {
  totalValue: number;
  eligibleCosts: number;
  euFunding: number;
  stateBudget: number;
  targetedSubsidy: number;
  ownContribution: number;
}

/** A broken rule: the field it belongs to, a message key and the amounts the message names. */
export interface MoneyIssue {
  field: string;
  code: MoneyRule;
  params: Record<string, number>;
}

export const moneyRules = [
  /** Koszty kwalifikowalne ≤ wartość projektu. */
  'project.money.eligibleOverTotal',
  /** EU + state budget + targeted subsidy + own contribution = eligible costs. */
  'project.money.sourcesMismatch',
  /** The partners' budget shares together ≤ the project's total value. */
  'project.money.partnerSharesOverTotal',
  /** The tasks' budgets together ≤ eligible costs. */
  'project.money.tasksOverEligible',
] as const;
export type MoneyRule = (typeof moneyRules)[number];

/** The sum of the financing sources (EU, state budget, targeted subsidy, own contribution). */
export function sourcesTotal(m: ProjectMoney): number {
  return sumGrosze([m.euFunding, m.stateBudget, m.targetedSubsidy, m.ownContribution]);
}

/**
 * The co-financing rules, each failure a field error with the amounts in its message:
 * eligible costs ≤ total value; EU + state budget + targeted subsidy + own contribution = eligible
 * costs (on `ownContribution`, the part that usually balances the rest); the partners' budget shares
 * ≤ total value (on `partners`, or on `field` when one partner's share is being saved); the tasks'
 * budgets ≤ eligible costs.
 */
export function moneyIssues(
  m: ProjectMoney,
  context: { partnerShares?: readonly number[]; partnerField?: string; tasksTotal?: number } = {},
): MoneyIssue[] {
  const issues: MoneyIssue[] = [];
  if (m.eligibleCosts > m.totalValue)
    issues.push({
      field: 'eligibleCosts',
      code: 'project.money.eligibleOverTotal',
      params: { eligible: m.eligibleCosts, total: m.totalValue },
    });
  const sources = sourcesTotal(m);
  if (sources !== m.eligibleCosts)
    issues.push({
      field: 'ownContribution',
      code: 'project.money.sourcesMismatch',
      params: {
        eu: m.euFunding,
        state: m.stateBudget,
        subsidy: m.targetedSubsidy,
        own: m.ownContribution,
        sum: sources,
        eligible: m.eligibleCosts,
        difference: sumGrosze([m.eligibleCosts, -sources]),
      },
    });
  if (context.partnerShares?.length) {
    const shares = sumGrosze(context.partnerShares);
    if (shares > m.totalValue)
      issues.push({
        field: context.partnerField ?? 'partners',
        code: 'project.money.partnerSharesOverTotal',
        params: { shares, total: m.totalValue, excess: shares - m.totalValue },
      });
  }
  if (context.tasksTotal !== undefined && context.tasksTotal > m.eligibleCosts)
    issues.push({
      field: 'eligibleCosts',
      code: 'project.money.tasksOverEligible',
      params: {
        tasks: context.tasksTotal,
        eligible: m.eligibleCosts,
        excess: context.tasksTotal - m.eligibleCosts,
      },
    });
  return issues;
}

/** The rates shown with a project's money, in hundredths of a percent (null when the base is zero). */
export interface MoneyRates {
  /** EU funding / eligible costs. */
  eu: number | null;
  stateBudget: number | null;
  targetedSubsidy: number | null;
  ownContribution: number | null;
  /** Co-financing (EU + state budget + targeted subsidy) / eligible costs. */
  coFinancing: number | null;
  /** Eligible costs / total value. */
  eligibleOfTotal: number | null;
}

export function moneyRates(m: ProjectMoney): MoneyRates {
  const e = m.eligibleCosts;
  return {
    eu: rate(m.euFunding, e),
    stateBudget: rate(m.stateBudget, e),
    targetedSubsidy: rate(m.targetedSubsidy, e),
    ownContribution: rate(m.ownContribution, e),
    coFinancing: rate(sumGrosze([m.euFunding, m.stateBudget, m.targetedSubsidy]), e),
    eligibleOfTotal: rate(e, m.totalValue),
  };
}
