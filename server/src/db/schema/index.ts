export * from './system.js';
export * from './territory.js';
