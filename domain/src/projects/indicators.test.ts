import { describe, expect, it } from 'vitest';
import {
  achievedShare,
  ageGroupOf,
  ageOn,
  bandOf,
  breakdownIssues,
  canonicalDecimal,
  Decimal,
  effectiveSeries,
  formatDecimal,
  freezeRefusal,
  frozenPeriodOn,
  IndicatorDefinitionInput,
  ManualValueInput,
  manualValueIssues,
  overlappingPeriod,
  type PeriodLike,
  ProjectIndicatorInput,
  parseDecimal,
  percentFrom,
  progressOf,
  type SeriesRow,
  valueAsOf,
} from './indicators.js';

describe('exact decimals', () => {
  it('parses to integers scaled by 10 000 and prints without trailing zeros', () => {
    expect(parseDecimal('654')).toBe(6_540_000n);
    expect(parseDecimal('654.0000')).toBe(6_540_000n);
    expect(parseDecimal('37,93')).toBe(379_300n);
    expect(parseDecimal(0.1)).toBe(1_000n);
    expect(parseDecimal('1.23456')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
    expect(formatDecimal(379_310n)).toBe('37.931');
    expect(formatDecimal(6_540_000n)).toBe('654');
    expect(canonicalDecimal('0.5000')).toBe('0.5');
  });

  it('adds 0.1 and 0.2 without the float error', () => {
    const a = parseDecimal('0.1') as bigint;
    const b = parseDecimal('0.2') as bigint;
    expect(formatDecimal(a + b)).toBe('0.3');
  });

  it('computes a percent from numerator and denominator to four places, half-up', () => {
    expect(percentFrom('44', '116')).toBe('37.931');
    expect(percentFrom(1, 3)).toBe('33.3333');
    expect(percentFrom(2, 3)).toBe('66.6667');
    expect(percentFrom(58, 116)).toBe('50');
    expect(percentFrom(1, 0)).toBeNull();
  });

  it('validates input decimals: non-negative, at most four places, comma accepted', () => {
    expect(Decimal.parse('12,5')).toBe('12.5');
    expect(Decimal.parse(654)).toBe('654');
    expect(Decimal.safeParse('-1').success).toBe(false);
    expect(Decimal.safeParse('0.12345').success).toBe(false);
    expect(Decimal.safeParse('abc').error?.issues[0]?.message).toBe('indicator.decimal');
  });
});

describe('progress and bands', () => {
  it('measures progress from the baseline towards the target, in hundredths of a percent', () => {
    expect(achievedShare({ baseline: '0', target: '654', current: '327' })).toBe(5_000);
    expect(achievedShare({ baseline: '100', target: '200', current: '150' })).toBe(5_000);
    expect(achievedShare({ baseline: '0', target: '3', current: '1' })).toBe(3_333);
    expect(achievedShare({ baseline: '0', target: '3', current: '2' })).toBe(6_667);
    // Over-achievement shows as such; moving away from the target shows 0 %, never negative.
    expect(achievedShare({ baseline: '0', target: '30', current: '33' })).toBe(11_000);
    expect(achievedShare({ baseline: '10', target: '20', current: '5' })).toBe(0);
    // A target below the baseline (reduce a waiting list from 50 to 20).
    expect(achievedShare({ baseline: '50', target: '20', current: '35' })).toBe(5_000);
    expect(achievedShare({ baseline: '5', target: '5', current: '5' })).toBe(10_000);
    expect(achievedShare({ baseline: '0', target: '10', current: null })).toBeNull();
  });

  it('bands progress against the share of the project period that has passed', () => {
    expect(bandOf({ achieved: null, elapsed: 5_000, ended: false })).toBe('brak_danych');
    expect(bandOf({ achieved: 10_000, elapsed: 2_000, ended: false })).toBe('osiagniety');
    expect(bandOf({ achieved: 4_100, elapsed: 5_000, ended: false })).toBe('zgodnie');
    expect(bandOf({ achieved: 4_000, elapsed: 5_000, ended: false })).toBe('zgodnie');
    expect(bandOf({ achieved: 3_999, elapsed: 5_000, ended: false })).toBe('ryzyko');
    expect(bandOf({ achieved: 2_500, elapsed: 5_000, ended: false })).toBe('ryzyko');
    expect(bandOf({ achieved: 2_499, elapsed: 5_000, ended: false })).toBe('zagrozony');
    expect(bandOf({ achieved: 9_999, elapsed: 10_000, ended: true })).toBe('nieosiagniety');
    expect(bandOf({ achieved: 0, elapsed: 0, ended: false })).toBe('zgodnie');
  });

  it('puts it together for a project: a third of the time and a third of the target is on track', () => {
    const p = { baseline: '0', target: '30', startsOn: '2024-01-01', endsOn: '2026-12-31' };
    const early = progressOf({ ...p, current: '10', asOf: '2025-01-01' });
    expect(early.elapsed).toBeGreaterThan(3_300);
    expect(early.elapsed).toBeLessThan(3_400);
    expect(early).toMatchObject({ achieved: 3_333, band: 'zgodnie' });
    expect(progressOf({ ...p, current: '4', asOf: '2025-06-30' }).band).toBe('zagrozony');
    expect(progressOf({ ...p, current: '30', asOf: '2025-06-30' }).band).toBe('osiagniety');
    expect(progressOf({ ...p, current: '29', asOf: '2027-01-01' }).band).toBe('nieosiagniety');
    expect(progressOf({ ...p, current: null, asOf: '2025-06-30' }).band).toBe('brak_danych');
  });
});

describe('values as of a date', () => {
  interface Row extends SeriesRow {
    value: string;
  }
  const row = (
    id: string,
    measuredOn: string,
    value: string,
    enteredOn: string,
    supersedesId: string | null = null,
  ): Row => ({ id, measuredOn, value, enteredOn, enteredAt: `${enteredOn}T10:00:00Z`, supersedesId });
  const series: Row[] = [
    row('a', '2025-03-31', '10', '2025-04-02'),
    row('b', '2025-06-30', '25', '2025-07-03'),
    // On 10 July the June value was found wrong and corrected to 22.
    row('c', '2025-06-30', '22', '2025-07-10', 'b'),
    row('d', '2025-09-30', '40', '2025-10-01'),
  ];

  it('takes the latest value in force measured by the day, the correction replacing the original', () => {
    expect(valueAsOf(series, { measuredBy: '2025-08-01' })?.value).toBe('22');
    expect(valueAsOf(series, { measuredBy: '2025-12-31' })?.value).toBe('40');
    expect(valueAsOf(series, { measuredBy: '2025-01-01' })).toBeNull();
  });

  it('ignores rows entered after the day, so an answer "as of" a past day does not change later', () => {
    // On 5 July the correction did not exist yet: the original 25 was in force.
    expect(valueAsOf(series, { measuredBy: '2025-07-05', knownOn: '2025-07-05' })?.value).toBe('25');
    expect(valueAsOf(series, { measuredBy: '2025-07-15', knownOn: '2025-07-15' })?.value).toBe('22');
    // The June value was entered on 3 July: on 1 July only March's was known.
    expect(valueAsOf(series, { measuredBy: '2025-07-01', knownOn: '2025-07-01' })?.value).toBe('10');
  });

  it('follows a chain of corrections and draws one point per day', () => {
    const chain = [...series, row('e', '2025-06-30', '23', '2025-07-20', 'c')];
    expect(valueAsOf(chain, { measuredBy: '2025-08-01' })?.value).toBe('23');
    expect(effectiveSeries(chain).map((r) => [r.measuredOn, r.value])).toEqual([
      ['2025-03-31', '10'],
      ['2025-06-30', '23'],
      ['2025-09-30', '40'],
    ]);
  });
});

describe('reporting periods', () => {
  const periods: PeriodLike[] = [
    {
      id: 'p1',
      name: '2025 – I półrocze',
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
      status: 'zamrozony',
    },
    { id: 'p2', name: '2025 – II półrocze', startsOn: '2025-07-01', endsOn: '2025-12-31', status: 'otwarty' },
  ];

  it('knows which days are frozen', () => {
    expect(frozenPeriodOn(periods, '2025-06-30')?.id).toBe('p1');
    expect(frozenPeriodOn(periods, '2025-07-01')).toBeNull();
  });

  it('freezes only an ended, open period', () => {
    expect(freezeRefusal(periods[1] as PeriodLike, '2025-12-30')).toBe('indicator.period.notEnded');
    expect(freezeRefusal(periods[1] as PeriodLike, '2025-12-31')).toBeNull();
    expect(freezeRefusal(periods[0] as PeriodLike, '2026-01-10')).toBe('indicator.period.alreadyFrozen');
  });

  it('refuses overlapping periods', () => {
    expect(overlappingPeriod(periods, { startsOn: '2025-06-01', endsOn: '2025-07-15' })?.id).toBe('p1');
    expect(overlappingPeriod(periods, { startsOn: '2026-01-01', endsOn: '2026-06-30' })).toBeNull();
    expect(overlappingPeriod(periods, { startsOn: '2025-07-01', endsOn: '2025-12-31' }, 'p2')).toBeNull();
  });

  it('refuses a manual value dated inside a frozen period, naming it', () => {
    const issues = manualValueIssues(
      { measuredOn: '2025-05-15', value: '12', numerator: null, denominator: null, breakdown: {} },
      { unit: 'osoby', breakdowns: [], projectStartsOn: '2024-01-01', today: '2026-01-10', periods },
    );
    expect(issues).toEqual([
      { field: 'measuredOn', code: 'indicator.value.frozen', params: { period: '2025 – I półrocze' } },
    ]);
  });
});

describe('breakdowns and manual values', () => {
  it('groups ages the ESF+ way, age counted in whole years', () => {
    expect(ageOn('2008-05-17', '2026-05-16')).toBe(17);
    expect(ageOn('2008-05-17', '2026-05-17')).toBe(18);
    expect([17, 18, 29, 30, 54, 55].map(ageGroupOf)).toEqual([
      'ponizej_18',
      '18_29',
      '18_29',
      '30_54',
      '30_54',
      '55_plus',
    ]);
  });

  it('accepts only the indicator’s dimensions and known categories, never more than the total', () => {
    expect(breakdownIssues({ plec: { k: 6, m: 4 } }, ['plec'], '10', 'breakdown')).toEqual([]);
    expect(breakdownIssues({ plec: { k: 6, m: 3 } }, ['plec'], '10', 'breakdown')).toEqual([]);
    expect(breakdownIssues({ plec: { k: 6, m: 5 } }, ['plec'], '10', 'breakdown')).toEqual([
      { field: 'breakdown.plec', code: 'indicator.breakdownSum', params: { total: '10' } },
    ]);
    expect(breakdownIssues({ wiek: { '18_29': 1 } }, ['plec'], '10', 'b')[0]?.code).toBe(
      'indicator.breakdownDimension',
    );
    expect(breakdownIssues({ plec: { x: 1 } }, ['plec'], '10', 'b')[0]).toEqual({
      field: 'b.plec.x',
      code: 'indicator.breakdownCategory',
    });
  });

  it('asks a percent indicator for numerator and denominator, others for the value', () => {
    const ctx = { breakdowns: [], projectStartsOn: '2024-01-01', today: '2026-01-10', periods: [] };
    const base = { measuredOn: '2025-05-15', breakdown: {}, numerator: null, denominator: null };
    expect(manualValueIssues({ ...base, value: null }, { ...ctx, unit: 'osoby' })).toEqual([
      { field: 'value', code: 'zod.required' },
    ]);
    expect(
      manualValueIssues(
        { ...base, value: null, numerator: '3', denominator: '0' },
        { ...ctx, unit: 'procent' },
      ),
    ).toEqual([{ field: 'denominator', code: 'indicator.value.zeroDenominator' }]);
    expect(
      manualValueIssues({ ...base, measuredOn: '2026-02-01', value: '1' }, { ...ctx, unit: 'osoby' })[0]
        ?.code,
    ).toBe('indicator.value.future');
    expect(
      manualValueIssues({ ...base, measuredOn: '2023-12-31', value: '1' }, { ...ctx, unit: 'osoby' })[0]
        ?.code,
    ).toBe('indicator.value.beforeProject');
  });

  it('parses a manual value with its source', () => {
    const v = ManualValueInput.parse({
      measuredOn: '2025-05-15',
      value: '12',
      sourceNote: ' Listy obecności ',
    });
    expect(v).toMatchObject({ value: '12', numerator: null, breakdown: {}, sourceNote: 'Listy obecności' });
    expect(ManualValueInput.safeParse({ measuredOn: '2025-05-15', value: '1', sourceNote: '' }).success).toBe(
      false,
    );
  });
});

describe('definition and indicator input', () => {
  it('ties the scope to a programme or a project', () => {
    const base = { name: 'Liczba gmin', unit: 'podmioty', type: 'produkt' } as const;
    expect(IndicatorDefinitionInput.safeParse({ ...base, scope: 'wspolny' }).success).toBe(true);
    const missing = IndicatorDefinitionInput.safeParse({ ...base, scope: 'projektowy' });
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['projectId']);
  });

  it('takes a library definition or a new one, and a metric key for computed indicators', () => {
    const both = ProjectIndicatorInput.safeParse({
      target: '30',
      source: 'manual',
      definitionId: '0190c000-0000-7000-8000-0000000000a1',
      newDefinition: { name: 'X', unit: 'osoby', type: 'produkt' },
    });
    expect(both.success).toBe(false);
    const noKey = ProjectIndicatorInput.safeParse({
      target: '30',
      source: 'metric',
      definitionId: '0190c000-0000-7000-8000-0000000000a1',
    });
    expect(noKey.error?.issues.map((i) => i.path.join('.'))).toEqual(['metricKey']);
  });
});
