import { sql } from 'drizzle-orm';
import { type Case, type Ctx, q, uid } from './kit.js';

/** A fresh unread notification of the caller (own) or of another user (other). */
async function notificationOf(c: Ctx): Promise<string> {
  const me = c.session.me.user.id;
  const userId =
    c.rel === 'own' ? me : uid(me === uid('pracownik.bochnia') ? 'pracownik.andrychow' : 'pracownik.bochnia');
  const [row] = await q<{ id: string }>(
    sql`insert into notifications (user_id, kind, params) values (${userId}, 'message.received', '{}'::jsonb) returning id`,
  );
  return row?.id as string;
}

/** Route × role cases of the notifications capability: any logged-in user, own rows only. */
export const notificationsCases: Record<string, Case> = {
  'GET /api/notifications': { request: () => ({ url: '/api/notifications' }), expect: () => 200 },
  'GET /api/notifications/unread-count': {
    request: () => ({ url: '/api/notifications/unread-count' }),
    expect: () => 200,
  },
  'POST /api/notifications/:id/read': {
    relations: ['own', 'other'],
    request: async (c) => ({ url: `/api/notifications/${await notificationOf(c)}/read` }),
    expect: (c) => (c.rel === 'own' ? 204 : 404),
  },
  'POST /api/notifications/read-all': {
    request: () => ({ url: '/api/notifications/read-all' }),
    expect: () => 200,
  },
  'GET /api/notifications/preferences': {
    request: () => ({ url: '/api/notifications/preferences' }),
    expect: () => 200,
  },
  'PUT /api/notifications/preferences': {
    request: async (c) => {
      const [row] = await q<{ version: number }>(
        sql`select version from notification_preferences where user_id = ${c.session.me.user.id}`,
      );
      return {
        url: '/api/notifications/preferences',
        payload: {
          kinds: { 'message.received': { inApp: true, email: true } },
          dailyDigest: true,
          version: row?.version ?? 0,
        },
      };
    },
    expect: () => 200,
  },
};
