import {
  type ChannelPreference,
  channelsFor,
  type Notification,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  notificationKindKeys,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { isoColumn } from '../../db/sql.js';

const iso = isoColumn;

export interface ListOptions {
  unread: boolean;
  order: 'unreadFirst' | 'newest';
  limit: number;
  offset: number;
}

/** The user's own notifications shown in the app (never another user's), paged. */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  o: ListOptions,
): Promise<NotificationPage> {
  const where = o.unread
    ? sql`n.user_id = ${userId} and n.in_app and n.read_at is null`
    : sql`n.user_id = ${userId} and n.in_app`;
  const order =
    o.order === 'unreadFirst'
      ? sql`(n.read_at is null) desc, n.created_at desc, n.id desc`
      : sql`n.created_at desc, n.id desc`;
  const items = await queryRows<Notification>(
    db,
    sql`select n.id, n.kind, n.params, n.link, n.institution_id as "institutionId",
          coalesce(i.short_name, i.name) as "institutionName",
          ${iso('n.created_at')} as "createdAt",
          case when n.read_at is null then null else ${iso('n.read_at')} end as "readAt"
        from notifications n left join institutions i on i.id = n.institution_id
        where ${where} order by ${order} limit ${o.limit} offset ${o.offset}`,
  );
  const [counts] = await queryRows<{ total: number; unread: number }>(
    db,
    sql`select (select count(*) from notifications n where ${where})::int as total,
               (select count(*) from notifications where user_id = ${userId} and read_at is null)::int as unread`,
  );
  return { items, total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** Unread notifications of the user (rows kept only for e-mail are written read). */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from notifications where user_id = ${userId} and read_at is null`,
  );
  return row?.unread ?? 0;
}

/** Marks one notification read; 'missing' when it does not exist, 'other' when it is not the user's. */
export async function markRead(db: DbOrTx, userId: string, id: string): Promise<'ok' | 'missing' | 'other'> {
  const [row] = await queryRows<{ user_id: string }>(
    db,
    sql`select user_id from notifications where id = ${id}`,
  );
  if (!row) return 'missing';
  if (row.user_id !== userId) return 'other';
  await db.execute(
    sql`update notifications set read_at = now() where id = ${id} and user_id = ${userId} and read_at is null`,
  );
  return 'ok';
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null returning id`,
  );
  return rows.length;
}

interface PreferenceRow {
  kinds: Record<string, ChannelPreference>;
  dailyDigest: boolean;
  version: number;
}

async function preferenceRow(db: DbOrTx, userId: string): Promise<PreferenceRow | undefined> {
  const [row] = await queryRows<PreferenceRow>(
    db,
    sql`select kinds, daily_digest as "dailyDigest", version from notification_preferences where user_id = ${userId}`,
  );
  return row;
}

/** Every kind with its effective channels (the user's choice or the default). */
function effective(row: PreferenceRow | undefined): NotificationPreferences {
  const kinds = Object.fromEntries(
    notificationKindKeys.map((k) => [k, channelsFor(k, row?.kinds)]),
  ) as NotificationPreferences['kinds'];
  return { kinds, dailyDigest: row?.dailyDigest ?? true, version: row?.version ?? 0 };
}

export async function loadPreferences(db: DbOrTx, userId: string): Promise<NotificationPreferences> {
  return effective(await preferenceRow(db, userId));
}

/**
 * Saves preferences with optimistic concurrency: `version` 0 creates the row (only if none exists),
 * otherwise the row must still be at that version. Returns null when stale (409).
 */
export async function savePreferences(
  tx: DbOrTx,
  userId: string,
  input: NotificationPreferencesUpdate,
): Promise<{ before: NotificationPreferences; after: NotificationPreferences } | null> {
  const row = await preferenceRow(tx, userId);
  if ((row?.version ?? 0) !== input.version) return null;
  const kinds = { ...(row?.kinds ?? {}), ...input.kinds };
  const saved = row
    ? await queryRows<PreferenceRow>(
        tx,
        sql`update notification_preferences
            set kinds = ${JSON.stringify(kinds)}::jsonb, daily_digest = ${input.dailyDigest},
                version = version + 1, updated_at = now()
            where user_id = ${userId} and version = ${input.version}
            returning kinds, daily_digest as "dailyDigest", version`,
      )
    : await queryRows<PreferenceRow>(
        tx,
        sql`insert into notification_preferences (user_id, kinds, daily_digest)
            values (${userId}, ${JSON.stringify(kinds)}::jsonb, ${input.dailyDigest})
            on conflict (user_id) do nothing
            returning kinds, daily_digest as "dailyDigest", version`,
      );
  if (!saved[0]) return null;
  return { before: effective(row), after: effective(saved[0]) };
}
