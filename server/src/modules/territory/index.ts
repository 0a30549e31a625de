export { loadBundledTerritory, loadTerritory, parsePopulation, referenceFiles } from './load-territory.js';
export { getUnit, searchUnits, territorySummary } from './territory.queries.js';
export { territoryRoutes } from './territory.routes.js';
