import type { TerritorialUnit } from '@kooperacja/domain';

const base = { cityWithPowiatRights: false, hasGeometry: true, population: null } as const;

export const malopolskie: TerritorialUnit = {
  ...base,
  teryt: '12',
  level: 'wojewodztwo',
  kind: 'wojewodztwo',
  name: 'małopolskie',
  nameFull: 'województwo małopolskie',
  powiatTeryt: null,
  wojTeryt: '12',
  population: 3_430_000,
};

export const tarnowski: TerritorialUnit = {
  ...base,
  teryt: '1216',
  level: 'powiat',
  kind: 'powiat',
  name: 'tarnowski',
  nameFull: 'powiat tarnowski',
  powiatTeryt: null,
  wojTeryt: '12',
};

export const zabno: TerritorialUnit = {
  ...base,
  teryt: '1216123',
  level: 'gmina',
  kind: 'gmina_miejsko_wiejska',
  name: 'Żabno',
  nameFull: 'gmina miejsko-wiejska Żabno',
  powiatTeryt: '1216',
  wojTeryt: '12',
  population: 19_000,
};

export const szczawa: TerritorialUnit = {
  ...base,
  teryt: '1207132',
  level: 'gmina',
  kind: 'gmina_wiejska',
  name: 'Szczawa',
  nameFull: 'gmina wiejska Szczawa',
  powiatTeryt: '1207',
  wojTeryt: '12',
  hasGeometry: false,
};
