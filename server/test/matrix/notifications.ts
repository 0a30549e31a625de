import type { Case } from './kit.js';

/** Route × role cases of the notifications capability. */
export const notificationsCases: Record<string, Case> = {};
