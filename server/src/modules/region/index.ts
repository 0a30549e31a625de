import type { FastifyInstance } from 'fastify';
import { regionRoutes } from './region.routes.js';

/**
 * Regional monitoring under /api/region (docs/region.md): the JST register (LPDI, CUS) with its
 * history, the regional map with its measures and exports.
 */
export async function registerRegionRoutes(api: FastifyInstance): Promise<void> {
  await api.register(regionRoutes, { prefix: '/region' });
}

export { seedDemoRegion } from './demo.js';
export { regionMessages } from './messages.js';
