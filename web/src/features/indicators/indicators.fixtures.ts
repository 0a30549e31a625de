import type {
  IndicatorDefinition,
  IndicatorValueSeries,
  Portfolio,
  ProjectIndicator,
  ProjectIndicatorList,
  ReportingPeriod,
} from '@kooperacja/domain';

export const PROJECT = '0190d000-0000-7000-8000-0000000000a1';
export const MANUAL = '0190d000-0000-7000-8000-0000000000b1';
export const METRIC = '0190d000-0000-7000-8000-0000000000b2';
export const VALUE = '0190d000-0000-7000-8000-0000000000c1';
export const CORRECTION = '0190d000-0000-7000-8000-0000000000c2';
export const PERIOD = '0190d000-0000-7000-8000-0000000000d1';

const bands = { osiagniety: 0, zgodnie: 0, ryzyko: 0, zagrozony: 0, nieosiagniety: 0, brak_danych: 0 };

export function makeIndicator(overrides: Partial<ProjectIndicator> = {}): ProjectIndicator {
  return {
    id: MANUAL,
    projectId: PROJECT,
    definition: {
      id: '0190d000-0000-7000-8000-0000000000e1',
      code: 'EECO01',
      name: 'Całkowita liczba osób objętych wsparciem',
      definition: 'Wszystkie osoby, które rozpoczęły udział we wsparciu.',
      unit: 'osoby',
      type: 'produkt',
      counting: 'osoby_unikalne',
      breakdowns: ['plec'],
      measurement: 'przy_wejsciu',
      scope: 'wspolny',
    },
    baseline: '0',
    target: '120',
    targetBreakdown: { plec: { k: 70, m: 50 } },
    source: 'manual',
    metricKey: null,
    metricLabel: null,
    metricParams: {},
    sortOrder: 0,
    current: {
      value: '30',
      numerator: null,
      denominator: null,
      breakdown: { plec: { k: 20, m: 10 } },
      measuredOn: '2025-03-31',
      origin: 'manual',
    },
    achieved: 2_500,
    band: 'zagrozony',
    metricFailed: false,
    version: 2,
    abilities: { update: true, remove: true, enterValue: true, measure: false },
    ...overrides,
  };
}

export function makeList(manage = true): ProjectIndicatorList {
  const manual = makeIndicator();
  const metric = makeIndicator({
    id: METRIC,
    definition: {
      ...manual.definition,
      id: '0190d000-0000-7000-8000-0000000000e2',
      code: null,
      name: 'Podmioty w partnerstwach',
      unit: 'podmioty',
      breakdowns: [],
      scope: 'projektowy',
    },
    target: '12',
    targetBreakdown: {},
    source: 'metric',
    metricKey: 'partnerships.member_entities',
    metricLabel: { pl: 'Podmioty w partnerstwach', en: 'Entities in partnerships' },
    current: {
      value: '12',
      numerator: null,
      denominator: null,
      breakdown: {},
      measuredOn: '2026-11-20',
      origin: 'metric',
    },
    achieved: 10_000,
    band: 'osiagniety',
    abilities: { update: true, remove: true, enterValue: false, measure: true },
  });
  const items = [manual, metric].map((i) =>
    manage ? i : { ...i, abilities: { update: false, remove: false, enterValue: false, measure: false } },
  );
  return {
    projectId: PROJECT,
    asOf: '2026-11-24',
    live: true,
    project: { startsOn: '2024-01-01', endsOn: '2027-12-31', elapsed: 7_245 },
    items,
    byBand: { ...bands, zagrozony: 1, osiagniety: 1 },
    abilities: { manage },
  };
}

export const series: IndicatorValueSeries = {
  indicatorId: MANUAL,
  baseline: '0',
  target: '120',
  unit: 'osoby',
  items: [
    {
      id: CORRECTION,
      measuredOn: '2025-03-31',
      value: '30',
      numerator: null,
      denominator: null,
      breakdown: { plec: { k: 20, m: 10 } },
      origin: 'manual',
      sourceNote: 'Korekta: lista z drugiej grupy',
      evidence: {
        id: '0190d000-0000-7000-8000-0000000000f1',
        filename: 'lista.pdf',
        mimeType: 'application/pdf',
        size: 15,
      },
      supersedesId: VALUE,
      supersededById: null,
      enteredBy: { id: '0190d000-0000-7000-8000-0000000000f2', name: 'Kamil Projektowy' },
      enteredAt: '2025-04-10T08:00:00.000Z',
      frozen: false,
      abilities: { correct: true },
    },
    {
      id: VALUE,
      measuredOn: '2025-03-31',
      value: '28',
      numerator: null,
      denominator: null,
      breakdown: {},
      origin: 'manual',
      sourceNote: 'Listy obecności',
      evidence: null,
      supersedesId: null,
      supersededById: CORRECTION,
      enteredBy: { id: '0190d000-0000-7000-8000-0000000000f2', name: 'Kamil Projektowy' },
      enteredAt: '2025-04-02T08:00:00.000Z',
      frozen: false,
      abilities: { correct: false },
    },
    {
      id: '0190d000-0000-7000-8000-0000000000c3',
      measuredOn: '2024-12-31',
      value: '12',
      numerator: null,
      denominator: null,
      breakdown: {},
      origin: 'manual',
      sourceNote: 'Listy obecności',
      evidence: null,
      supersedesId: null,
      supersededById: null,
      enteredBy: null,
      enteredAt: '2025-01-05T08:00:00.000Z',
      frozen: false,
      abilities: { correct: true },
    },
  ],
  points: [
    { measuredOn: '2024-12-31', value: '12' },
    { measuredOn: '2025-03-31', value: '30' },
  ],
};

export function makePeriod(overrides: Partial<ReportingPeriod> = {}): ReportingPeriod {
  return {
    id: PERIOD,
    name: '2025 – I półrocze',
    startsOn: '2025-01-01',
    endsOn: '2025-06-30',
    status: 'otwarty',
    frozenAt: null,
    frozenBy: null,
    figures: [],
    version: 1,
    abilities: { freeze: true, remove: true },
    ...overrides,
  };
}

export const frozenPeriod = makePeriod({
  status: 'zamrozony',
  frozenAt: '2026-11-24T10:00:00Z',
  frozenBy: { id: '0190d000-0000-7000-8000-0000000000f2', name: 'Kamil Projektowy' },
  version: 2,
  figures: [
    {
      projectIndicatorId: MANUAL,
      code: 'EECO01',
      name: 'Całkowita liczba osób objętych wsparciem',
      unit: 'osoby',
      target: '120',
      value: '30',
      numerator: null,
      denominator: null,
      breakdown: {},
      achieved: 2_500,
    },
  ],
  abilities: { freeze: false, remove: false },
});

export function makeDefinition(overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    ...makeIndicator().definition,
    programmeNode: null,
    project: null,
    active: true,
    usedBy: 3,
    version: 1,
    abilities: { update: false },
    ...overrides,
  };
}

export const portfolio: Portfolio = {
  asOf: '2026-11-24',
  totals: {
    projects: 2,
    indicators: 5,
    byBand: { ...bands, osiagniety: 2, zgodnie: 1, zagrozony: 1, brak_danych: 1 },
  },
  projects: [
    {
      id: PROJECT,
      number: 'FERS.04.13-IP.04-0001/23',
      title: 'Koordynacja polityki społecznej w województwie świętokrzyskim',
      shortTitle: null,
      status: 'realizacja',
      leader: {
        id: '0190d000-0000-7000-8000-0000000000aa',
        name: 'Regionalny Ośrodek Polityki Społecznej w Kielcach',
      },
      startsOn: '2023-09-01',
      endsOn: '2028-12-31',
      elapsed: 6_058,
      indicators: 3,
      byBand: { ...bands, zgodnie: 2, zagrozony: 1 },
    },
  ],
  indicators: [
    {
      definitionId: '0190d000-0000-7000-8000-0000000000e1',
      code: 'EECO01',
      name: 'Całkowita liczba osób objętych wsparciem',
      unit: 'osoby',
      type: 'produkt',
      projects: 2,
      byBand: { ...bands, osiagniety: 1, zagrozony: 1 },
      target: '1500',
      current: '750',
      achieved: 5_000,
    },
  ],
};
