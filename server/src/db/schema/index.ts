export * from './audit.js';
export * from './cases.js';
export * from './cooperation.js';
export * from './identity.js';
export * from './sharing.js';
export * from './system.js';
export * from './territory.js';
