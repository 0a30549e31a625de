import type { FastifyInstance } from 'fastify';
import { applicationRoutes } from './applications.routes.js';
import { callRoutes } from './calls.routes.js';
import { publicRoutes } from './public.routes.js';
import { rankingRoutes } from './ranking.routes.js';

/**
 * Recruitment (nabór, docs/recruitment.md): calls and cohorts under /api/projects/:projectId/calls,
 * applications under /api/projects/:projectId/applications, the ranking of a cohort, and the public
 * application form under /api/public/calls.
 */
export async function registerRecruitmentRoutes(api: FastifyInstance): Promise<void> {
  await api.register(callRoutes, { prefix: '/projects/:projectId/calls' });
  await api.register(rankingRoutes, { prefix: '/projects/:projectId/calls' });
  await api.register(applicationRoutes, { prefix: '/projects/:projectId' });
  await api.register(publicRoutes, { prefix: '/public/calls' });
}

export { recruitmentMessages } from './messages.js';
