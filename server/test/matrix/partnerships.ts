import type { Case } from './kit.js';

/** Route × role cases of the partnerships capability. */
export const partnershipsCases: Record<string, Case> = {};
