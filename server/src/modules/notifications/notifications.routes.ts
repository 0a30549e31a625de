import {
  MarkAllRead,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  UnreadCount,
} from '@kooperacja/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, outOfScope } from '../identity/scope.js';
import {
  listNotifications,
  loadPreferences,
  markAllRead,
  markRead,
  savePreferences,
  unreadCount,
} from './queries.js';

const IdParams = z.object({ id: z.uuid() });
const own = { access: { authenticated: true } } as const;

/**
 * `/api/notifications`: every logged-in user, on their own notifications and preferences only.
 * Notifications hold no client data (kinds, numbers, dates), so reading them is not audited; a
 * notification of another user answers 404 and the attempt is logged.
 */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, unread first (or newest first), paged',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage },
      },
    },
    async (request) => listNotifications(db, actorOf(request).userId, request.query),
  );

  app.get(
    '/unread-count',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread (the bell)',
        response: { 200: UnreadCount },
      },
    },
    async (request) => ({ unread: await unreadCount(db, actorOf(request).userId) }),
  );

  app.post(
    '/:id/read',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const outcome = await markRead(db, actorOf(request).userId, request.params.id);
      if (outcome === 'missing') throw notFound();
      if (outcome === 'other') await outOfScope(request, 'notification', request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/read-all',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: MarkAllRead },
      },
    },
    async (request) => ({ updated: await markAllRead(db, actorOf(request).userId) }),
  );

  app.get(
    '/preferences',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'My notification preferences: per kind in the app / by e-mail, and the daily digest',
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => loadPreferences(db, actorOf(request).userId),
  );

  app.put(
    '/preferences',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'Save my notification preferences (send the version read; 409 when stale)',
        body: NotificationPreferencesUpdate,
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const saved = await savePreferences(tx, actor.userId, request.body);
        if (!saved) throw new AppError('conflict', 'notifications.preferencesChanged');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'settings.update',
          recordType: 'notification_preferences',
          recordId: actor.userId,
          before: { kinds: saved.before.kinds, dailyDigest: saved.before.dailyDigest },
          after: { kinds: saved.after.kinds, dailyDigest: saved.after.dailyDigest },
        });
        return saved.after;
      });
    },
  );
};
