import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { startOutboxDispatcher } from './outbox.js';
import { deleteExpiredSessions, registerSessionHook } from './session.js';

export { authRoutes } from './auth.routes.js';
export { institutionRoutes } from './institutions.routes.js';
export { dictionaryRoutes, userAdminRoutes } from './users.routes.js';

/** Cookies, the session → actor hook with CSRF checks, and background clean-up. Register before routes. */
export async function registerIdentity(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  registerSessionHook(app);
  const stopOutbox = startOutboxDispatcher(app);
  const sweep = setInterval(() => {
    deleteExpiredSessions(app.db, app.config).catch((e) => app.log.warn({ err: e }, 'session sweep failed'));
  }, 10 * 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    stopOutbox();
    clearInterval(sweep);
  });
}

/** A refused permission is a denied attempt: it goes in the audit log. */
export async function auditDenied(request: Parameters<typeof actorFromRequest>[0], permission: string) {
  await writeAudit(request.server.db, actorFromRequest(request), {
    action: 'access.denied',
    outcome: 'denied',
    details: { method: request.method, route: request.routeOptions.url, permission },
  });
}
