import type { FastifyInstance } from 'fastify';
import { notificationRoutes } from './notifications.routes.js';
import { configureNotifications } from './notify.js';

/** Notifications under /api/notifications; e-mail links use PUBLIC_URL. */
export async function registerNotificationRoutes(api: FastifyInstance): Promise<void> {
  configureNotifications({ publicUrl: api.config.PUBLIC_URL });
  await api.register(notificationRoutes, { prefix: '/notifications' });
}

export { seedDemoNotifications } from './demo.js';
export { type NotifyInput, type NotifyResult, noticeEmail, notify } from './notify.js';
