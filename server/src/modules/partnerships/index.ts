import type { FastifyInstance } from 'fastify';
import { agreementRoutes } from './agreements.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { partnershipRoutes } from './partnerships.routes.js';

/** Partnerships, cooperation agreements, partnership meetings and the dashboard under /api/partnerships. */
export async function registerPartnershipRoutes(api: FastifyInstance): Promise<void> {
  await api.register(partnershipRoutes, { prefix: '/partnerships' });
  await api.register(agreementRoutes, { prefix: '/partnerships' });
  await api.register(meetingRoutes, { prefix: '/partnerships' });
}

export { seedDemoPartnerships } from './demo.js';
