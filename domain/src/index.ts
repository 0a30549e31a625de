export * from './common/problem.schemas.js';
export * from './identifiers/identifiers.js';
export * from './identity/roles.js';
export * from './territory/terc.js';
export * from './territory/territory.schemas.js';
