import type { Case } from './kit.js';

/**
 * Route × role case of the organiser's statistics (docs/trainings.md): counts over the trainings of
 * the caller's active institution, so there is no record of another institution to ask for — only
 * `trainings.manage` (the demo trainer) gets 200, everybody else 403 from the access layer.
 */
export const trainingsStatsCases: Record<string, Case> = {
  'GET /api/trainings/stats': {
    request: () => ({ url: '/api/trainings/stats?asOf=2026-06-30' }),
    expect: () => 200,
  },
};
