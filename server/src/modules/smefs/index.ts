import type { FastifyInstance } from 'fastify';
import { smefsRoutes } from './smefs.routes.js';

/** SM EFS export and import of a project's participants under /api/projects/:projectId/smefs… */
export async function registerSmefsRoutes(api: FastifyInstance): Promise<void> {
  await api.register(smefsRoutes, { prefix: '/projects' });
}

export { smefsMessages } from './messages.js';
