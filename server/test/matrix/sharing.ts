import type { Case } from './kit.js';

/** Route × role cases of the sharing capability. */
export const sharingCases: Record<string, Case> = {};
