import type { FastifyInstance } from 'fastify';
import { activityRoutes } from './activities.routes.js';
import { attendanceRoutes } from './attendance.routes.js';
import { episodeRoutes } from './episodes.routes.js';

/**
 * Support delivered by projects (docs/support.md) under /api/projects/:projectId/support…: forms of
 * support, the schedule of sessions, participants' episodes, attendance lists (also as PDF), the
 * occupancy of flats and one participant's support.
 */
export async function registerSupportRoutes(api: FastifyInstance): Promise<void> {
  await api.register(async (scope) => {
    await scope.register(activityRoutes, { prefix: '/projects' });
    await scope.register(episodeRoutes, { prefix: '/projects' });
    await scope.register(attendanceRoutes, { prefix: '/projects' });
  });
}

export { supportMessages } from './messages.js';
