export * from './audit.js';
export * from './cases.js';
export * from './identity.js';
export * from './system.js';
export * from './territory.js';
