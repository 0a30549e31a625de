import type { JstHistory, JstRegisterEntry, RegionMap, RegionScope } from '@kooperacja/domain';
import type { Topology } from 'topojson-specification';

/** Świętokrzyskie: two gminy of powiat kielecki and the city of Kielce (a gmina and a powiat). */
export const WOJ = '26';
export const GMINA = '2604011';
export const GMINA_2 = '2604022';
export const KIELCE = '2661011';

export const scopeOf = (...regions: RegionScope['regions']): RegionScope => ({ regions });
export const swietokrzyskie = { teryt: WOJ, name: 'świętokrzyskie', edit: true };

const square = (x: number, y: number) => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
  [x, y],
];

/** Boundaries of the units above (squares are enough for the map to draw them). */
export const topology = {
  type: 'Topology',
  arcs: [square(20, 50), square(21, 50), square(20, 51), square(20.5, 50.5)],
  objects: {
    wojewodztwa: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], id: WOJ, properties: { teryt: WOJ, name: 'świętokrzyskie' } },
      ],
    },
    powiaty: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], id: '2604', properties: { teryt: '2604', name: 'kielecki' } },
        { type: 'Polygon', arcs: [[3]], id: '2661', properties: { teryt: '2661', name: 'Kielce' } },
      ],
    },
    gminy: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], id: GMINA, properties: { teryt: GMINA, name: 'Bieliny', typ: '2' } },
        {
          type: 'Polygon',
          arcs: [[1]],
          id: GMINA_2,
          properties: { teryt: GMINA_2, name: 'Bodzentyn', typ: '3' },
        },
        { type: 'Polygon', arcs: [[2]], id: KIELCE, properties: { teryt: KIELCE, name: 'Kielce', typ: '1' } },
      ],
    },
  },
} as unknown as Topology;

const summary = { jst: 5, jstWithLpdi: 2, lpdiSharePercent: 40, gminyWithCus: 1, jstWithPartnership: 3 };

/** The map a server would send for a measure and level (asOf echoed). */
export function makeMap(measure: RegionMap['measure'], level: RegionMap['level'], asOf: string): RegionMap {
  const gminy = (rest: Pick<RegionMap['units'][number], 'category' | 'value' | 'suppressed'>[]) =>
    [
      { teryt: GMINA, name: 'Bieliny', population: 9876 },
      { teryt: GMINA_2, name: 'Bodzentyn', population: 11_234 },
      { teryt: KIELCE, name: 'Kielce', population: 187_456 },
    ].map((u, i) => ({ ...u, ...(rest[i] as (typeof rest)[number]) }));
  const powiaty = (rest: Pick<RegionMap['units'][number], 'category' | 'value' | 'suppressed'>[]) =>
    [
      { teryt: '2604', name: 'kielecki', population: 210_000 },
      { teryt: '2661', name: 'Kielce', population: 187_456 },
    ].map((u, i) => ({ ...u, ...(rest[i] as (typeof rest)[number]) }));
  const none = { category: null, value: null, suppressed: false };
  const units =
    measure === 'lpdi'
      ? level === 'gmina'
        ? gminy([
            { ...none, category: 'przyjety' },
            { ...none, category: 'brak' },
            { ...none, category: 'zaktualizowany' },
          ])
        : powiaty([
            { ...none, category: 'w_przygotowaniu' },
            { ...none, category: 'przyjety' },
          ])
      : level === 'gmina'
        ? gminy([
            { ...none, value: 12.5 },
            { ...none, suppressed: true },
            { ...none, value: 1234.5 },
          ])
        : powiaty([
            { ...none, value: 3.2 },
            { ...none, value: 8.9 },
          ]);
  return { woj: { teryt: WOJ, name: 'świętokrzyskie' }, measure, level, asOf, units, summary };
}

export function makeEntry(overrides: Partial<JstRegisterEntry> = {}): JstRegisterEntry {
  return {
    teryt: GMINA,
    name: 'Bieliny',
    level: 'gmina',
    kind: 'gmina_wiejska',
    powiatTeryt: '2604',
    population: 9876,
    lpdi: {
      status: 'w_przygotowaniu',
      preparationStartedOn: '2024-03-01',
      resolutionNumber: null,
      adoptedOn: null,
      updatedOn: null,
      periodFrom: 2025,
      periodTo: 2030,
      plannedServices: ['Asystent osobisty', 'Mieszkanie wspomagane'],
    },
    cus: {
      exists: false,
      mode: null,
      createdOn: null,
      programmeAdoptedOn: null,
      lastDiagnosisOn: null,
      ipusOpen: null,
      ipusClosed: null,
    },
    partnerships: { active: 1, models: ['kooperacje_3d'] },
    version: 3,
    updatedAt: '2025-02-10T09:30:00.000Z',
    updatedBy: 'Aleksander Analityczny',
    abilities: { edit: true },
    ...overrides,
  };
}

export const history: JstHistory = {
  items: [
    {
      id: 'h2',
      changedAt: '2025-02-10T09:30:00.000Z',
      changedBy: 'Aleksander Analityczny',
      before: {
        lpdi: {
          status: 'brak',
          preparationStartedOn: null,
          resolutionNumber: null,
          adoptedOn: null,
          updatedOn: null,
          periodFrom: null,
          periodTo: null,
          plannedServices: [],
        },
        cus: null,
      },
      after: {
        lpdi: {
          status: 'w_przygotowaniu',
          preparationStartedOn: '2024-03-01',
          resolutionNumber: null,
          adoptedOn: null,
          updatedOn: null,
          periodFrom: 2025,
          periodTo: 2030,
          plannedServices: ['Asystent osobisty', 'Mieszkanie wspomagane'],
        },
        cus: null,
      },
    },
  ],
};
