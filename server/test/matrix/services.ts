import type { Case } from './kit.js';

/** Route × role cases of the services capability. */
export const servicesCases: Record<string, Case> = {};
