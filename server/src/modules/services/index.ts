import type { FastifyInstance } from 'fastify';
import { serviceRoutes } from './services.routes.js';

/** The resource map / catalogue of services under /api/services. */
export async function registerServiceRoutes(api: FastifyInstance): Promise<void> {
  await api.register(serviceRoutes, { prefix: '/services' });
}

export { seedDemoServices } from './demo.js';
export { serviceMessages } from './messages.js';
