import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatAmountPlain,
  formatRate,
  moneyIssues,
  moneyRates,
  parseAmount,
  rate,
  sumGrosze,
} from './money.js';

const ok = (grosze: number) => ({ ok: true, grosze });
const err = (error: string) => ({ ok: false, error });

describe('parseAmount', () => {
  it.each([
    ['1 216 630,61', 121_663_061],
    ['1216630,61', 121_663_061],
    ['1216630.61', 121_663_061],
    ['1 216 630,61 zł', 121_663_061],
    ['1 216 630,61zł', 121_663_061],
    ['1\u00a0216\u00a0630,61\u00a0zł', 121_663_061],
    ['1\u202f216\u202f630,61', 121_663_061],
    ['1 216 630,61 PLN', 121_663_061],
    ['  1.216.630,61  ', 121_663_061],
    ['1,216,630.61', 121_663_061],
    ['1 216 630', 121_663_000],
    ['1.216', 121_600],
    ['5,5', 550],
    ['12,- zł', 1200],
    ['12,', 1200],
    ['5,05', 505],
    [',50', 50],
    ['0', 0],
    ['0,00 zł', 0],
    ['-0', 0],
    ['22 681 431,03', 2_268_143_103],
    ['90 071 992 547 409,91', 9_007_199_254_740_991],
  ])('%s → %i grosze', (input, grosze) => {
    expect(parseAmount(input)).toEqual(ok(grosze));
  });

  it.each([
    ['', 'money.empty'],
    ['   ', 'money.empty'],
    ['zł', 'money.empty'],
    ['abc', 'money.format'],
    ['1e5', 'money.format'],
    ['12 34', 'money.format'],
    ['1216 630', 'money.format'],
    ['1 216.630,61', 'money.format'],
    ['1,2,3', 'money.format'],
    ['1.234,5.6', 'money.format'],
    [',', 'money.format'],
    ['0,001', 'money.precision'],
    ['1 216 630,615', 'money.precision'],
    ['1,216', 'money.precision'],
    ['-5,00', 'money.negative'],
    ['\u22125', 'money.negative'],
    ['90 071 992 547 409,92', 'money.tooLarge'],
  ])('%j is refused with %s', (input, code) => {
    expect(parseAmount(input)).toEqual(err(code));
  });

  it('accepts a negative amount only when asked to', () => {
    expect(parseAmount('-1 000,50', { allowNegative: true })).toEqual(ok(-100_050));
  });
});

describe('formatAmount', () => {
  it('groups thousands with non-breaking spaces and always shows the grosze', () => {
    expect(formatAmount(121_663_061)).toBe('1\u00a0216\u00a0630,61\u00a0zł');
    expect(formatAmount(5)).toBe('0,05\u00a0zł');
    expect(formatAmount(100_000)).toBe('1\u00a0000,00\u00a0zł');
    expect(formatAmount(-100_050)).toBe('-1\u00a0000,50\u00a0zł');
    expect(formatAmount(9_007_199_254_740_993n)).toBe('90\u00a0071\u00a0992\u00a0547\u00a0409,93\u00a0zł');
    expect(formatAmountPlain(99_999)).toBe('999,99');
  });

  it('round-trips through the parser', () => {
    for (const g of [0, 1, 99, 100, 1_031_544_93, 3_489_569_240, 9_007_199_254_740_991])
      expect(parseAmount(formatAmount(g))).toEqual(ok(g));
  });

  it('refuses fractional grosze', () => {
    expect(() => formatAmount(10.5)).toThrow(RangeError);
  });
});

describe('sumGrosze', () => {
  it('adds exactly where floating point would not', () => {
    // 0.1 + 0.2 zł in floats is 0.30000000000000004; in grosze it is 30.
    expect(sumGrosze([10, 20])).toBe(30);
    expect(sumGrosze([1_136_201_882, 240_678_732])).toBe(1_376_880_614);
    expect(sumGrosze([])).toBe(0);
  });

  it('refuses non-integers and overflow', () => {
    expect(() => sumGrosze([1, 0.5])).toThrow(RangeError);
    expect(() => sumGrosze([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('rate', () => {
  it('is the share in hundredths of a percent, as the Kooperacje 3D page prints it', () => {
    expect(rate(1_921_591_007, 2_268_143_103)).toBe(8472);
    expect(formatRate(rate(1_921_591_007, 2_268_143_103))).toBe('84,72\u00a0%');
  });

  it('rounds half-up', () => {
    expect(rate(1, 8)).toBe(1250); // 12.5 % exactly
    expect(rate(1, 3)).toBe(3333); // 33.333… → 33.33
    expect(rate(2, 3)).toBe(6667); // 66.666… → 66.67
    expect(rate(1, 20_000)).toBe(1); // 0.005 % → 0.01 (half-up)
    expect(rate(1, 20_001)).toBe(0); // 0.0049997… % → 0.00
    expect(rate(-1, 8)).toBe(-1250);
  });

  it('has no rate of a zero whole', () => {
    expect(rate(5, 0)).toBeNull();
    expect(formatRate(null)).toBe('—');
  });

  it('formats whole and small percentages', () => {
    expect(formatRate(10000)).toBe('100,00\u00a0%');
    expect(formatRate(5)).toBe('0,05\u00a0%');
  });
});

describe('moneyIssues', () => {
  const kooperacje3d = {
    totalValue: 2_268_143_103,
    eligibleCosts: 2_268_143_103,
    euFunding: 1_921_591_007,
    stateBudget: 346_552_096,
    targetedSubsidy: 0,
    ownContribution: 0,
  };

  it('accepts parts that add up to the eligible costs', () => {
    expect(moneyIssues(kooperacje3d)).toEqual([]);
    expect(moneyRates(kooperacje3d)).toMatchObject({ eu: 8472, stateBudget: 1528, coFinancing: 10000 });
  });

  it('names the amounts when the parts do not add up', () => {
    const issues = moneyIssues({ ...kooperacje3d, stateBudget: 346_552_095 });
    expect(issues).toEqual([
      {
        field: 'ownContribution',
        code: 'project.money.sourcesMismatch',
        params: {
          eu: 1_921_591_007,
          state: 346_552_095,
          subsidy: 0,
          own: 0,
          sum: 2_268_143_102,
          eligible: 2_268_143_103,
          difference: 1,
        },
      },
    ]);
  });

  it('refuses eligible costs above the total value', () => {
    const issues = moneyIssues({ ...kooperacje3d, totalValue: 2_268_143_102 });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['eligibleCosts', 'project.money.eligibleOverTotal'],
    ]);
    expect(issues[0]?.params).toEqual({ eligible: 2_268_143_103, total: 2_268_143_102 });
  });

  it('refuses partner shares and task budgets above their limits', () => {
    const m = { ...kooperacje3d };
    expect(moneyIssues(m, { partnerShares: [1_000_000_000, 1_268_143_103] })).toEqual([]);
    expect(
      moneyIssues(m, { partnerShares: [1_000_000_000, 1_268_143_104], partnerField: 'budgetShare' }),
    ).toEqual([
      {
        field: 'budgetShare',
        code: 'project.money.partnerSharesOverTotal',
        params: { shares: 2_268_143_104, total: 2_268_143_103, excess: 1 },
      },
    ]);
    expect(moneyIssues(m, { tasksTotal: 2_268_143_104 }).map((i) => i.code)).toEqual([
      'project.money.tasksOverEligible',
    ]);
  });
});
