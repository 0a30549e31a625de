export * from './audit/audit.schemas.js';
export * from './common/problem.schemas.js';
export * from './identifiers/identifiers.js';
export * from './identity/institutions.js';
export * from './identity/roles.js';
export * from './identity/users.schemas.js';
export * from './territory/terc.js';
export * from './territory/territory.schemas.js';
