export * from './audit.js';
export * from './system.js';
export * from './territory.js';
