import { notificationKinds } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';
import { warsawToday } from '../modules/cases/tasks.js';
import { enqueueEmail } from '../modules/identity/outbox.js';
import { appUrl } from '../modules/notifications/notify.js';

/**
 * The daily digest: one e-mail per user with unread notifications in the app and the daily digest on
 * (the default), with counts per kind only — no text, no client data. A user is sent a digest only
 * when something new arrived since their previous digest, and at most once per Warsaw day: the digest
 * is recorded as a hidden, read notification of kind {@link DIGEST_KIND} with the dedupe key
 * `digest:<date>`, so a second run the same day (two instances, a retry) sends nothing.
 */
export const DIGEST_KIND = 'digest.daily';

interface DigestRow {
  userId: string;
  email: string;
  counts: Record<string, number>;
}

export function digestEmail(counts: Record<string, number>) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = (lang: 'pl' | 'en') =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([k, n]) =>
          `- ${(notificationKinds as Record<string, { label: Record<string, string> }>)[k]?.label[lang] ?? k}: ${n}`,
      );
  return {
    subject: `Kooperacja: ${total} nieprzeczytanych powiadomień / unread notifications`,
    body: [
      `Masz nieprzeczytane powiadomienia w Kooperacji (${total}):`,
      ...lines('pl'),
      `Zobacz: ${appUrl('/powiadomienia')}`,
      '',
      `You have unread notifications in Kooperacja (${total}):`,
      ...lines('en'),
      `Open: ${appUrl('/powiadomienia')}`,
      '',
      '—',
      `Ustawienia powiadomień / Notification settings: ${appUrl('/konto/powiadomienia')}`,
    ].join('\n'),
  };
}

export async function runDigestOnce(db: DbOrTx, now = new Date()): Promise<{ sent: number }> {
  const today = warsawToday(now);
  const rows = await queryRows<DigestRow>(
    db,
    sql`with last as (
          select user_id, max(created_at) as at from notifications where kind = ${DIGEST_KIND} group by user_id
        )
        select u.id as "userId", u.email,
               (select json_object_agg(kind, n) from (
                  select kind, count(*)::int as n from notifications
                  where user_id = u.id and in_app and read_at is null group by kind) k) as counts
        from users u
        left join notification_preferences np on np.user_id = u.id
        left join last on last.user_id = u.id
        where u.status = 'active' and coalesce(np.daily_digest, true)
          and exists (select 1 from notifications n where n.user_id = u.id and n.in_app and n.read_at is null
                        and n.created_at <= ${now.toISOString()}::timestamptz
                        and (last.at is null or n.created_at > last.at))
          and not exists (select 1 from notifications d where d.user_id = u.id and d.dedupe_key = ${`digest:${today}`})
        order by u.id`,
  );
  let sent = 0;
  for (const r of rows) {
    const ok = await db.transaction(async (tx) => {
      const marked = await queryRows<{ id: string }>(
        tx,
        sql`insert into notifications (user_id, kind, params, dedupe_key, in_app, read_at, emailed_at, created_at)
          values (${r.userId}, ${DIGEST_KIND}, ${JSON.stringify({ date: today })}::jsonb, ${`digest:${today}`},
                  false, now(), now(), ${now.toISOString()}::timestamptz)
          on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing returning id`,
      );
      if (!marked.length) return false;
      await enqueueEmail(tx, { to: r.email, ...digestEmail(r.counts) });
      return true;
    });
    if (ok) sent++;
  }
  return { sent };
}
