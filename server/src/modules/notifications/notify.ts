import {
  channelsFor,
  institutionNotificationPermission,
  type NotificationKind,
  type NotificationParams,
  notificationKinds,
  type Permission,
  type Role,
  roles,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { enqueueEmail } from '../identity/outbox.js';

/**
 * `notify()`: the one way other modules tell users something happened. Call it INSIDE the
 * transaction of the change, so the notification (and its e-mail notice in the outbox) exists only if
 * the change commits.
 */
export interface NotifyInput {
  kind: NotificationKind;
  /** Named recipients (e.g. the worker a referral was assigned to). */
  userIds?: readonly string[];
  /**
   * The institution the notification is about. Without `userIds`, every active user of this
   * institution holding `permission` is notified (e.g. a new referral in the institution's inbox).
   */
  institutionId?: string | null;
  /** Defaults to the kind's institution permission (`referrals.handle` for `referral.received`). */
  permission?: Permission;
  /** Never notify these users (the actor who caused the event). */
  exceptUserIds?: readonly string[];
  /** Parameters of the message text: numbers, dates, institution names — never client data. */
  params?: NotificationParams;
  /** A path inside the app, e.g. `/skierowania/<id>`. */
  link?: string | null;
  /**
   * Makes the call idempotent per user: a second call with the same key for the same user does
   * nothing (jobs that run twice, retries). Keys are free text, e.g. `action.overdue:plan:<id>:<date>`.
   */
  dedupeKey?: string | null;
}

export interface NotifyResult {
  /** Users who got a new notification row (in the app, or kept as the record of an e-mail notice). */
  userIds: string[];
  /** E-mail notices queued in the outbox. */
  emailed: number;
}

let publicUrl = 'http://localhost:3000';
/** The public address put in e-mail links (PUBLIC_URL), set when the app or the worker starts. */
export function configureNotifications(opts: { publicUrl: string }): void {
  publicUrl = opts.publicUrl.replace(/\/+$/, '');
}
export const appUrl = (path: string | null | undefined) =>
  `${publicUrl}${path?.startsWith('/') ? path : '/powiadomienia'}`;

/** Roles that hold a permission (a membership's roles are stored, permissions are derived). */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(roles) as Role[]).filter((r) =>
    (roles[r].permissions as readonly string[]).includes(permission),
  );
}

interface Recipient {
  id: string;
  email: string;
  kinds: Record<string, { inApp: boolean; email: boolean }> | null;
}

async function recipients(tx: DbOrTx, input: NotifyInput): Promise<Recipient[]> {
  const except = sql.param([...(input.exceptUserIds ?? [])]);
  if (input.userIds) {
    if (input.userIds.length === 0) return [];
    return queryRows<Recipient>(
      tx,
      sql`select u.id, u.email, np.kinds from users u
          left join notification_preferences np on np.user_id = u.id
          where u.id = any(${sql.param([...new Set(input.userIds)])}::uuid[]) and u.status = 'active'
            and not (u.id = any(${except}::uuid[]))
          order by u.id`,
    );
  }
  if (!input.institutionId) throw new Error('notify: give userIds or institutionId');
  const permission = input.permission ?? institutionNotificationPermission[input.kind];
  if (!permission) throw new Error(`notify: ${input.kind} to an institution needs a permission`);
  return queryRows<Recipient>(
    tx,
    sql`select distinct u.id, u.email, np.kinds from memberships m
        join users u on u.id = m.user_id
        join institutions i on i.id = m.institution_id
        left join notification_preferences np on np.user_id = u.id
        where m.institution_id = ${input.institutionId} and m.active and i.active and u.status = 'active'
          and m.roles && ${sql.param(rolesWith(permission))}::text[]
          and not (u.id = any(${except}::uuid[]))
        order by u.id`,
  );
}

/** The e-mail notice: the kind's label and a link, nothing else (no client data ever leaves). */
export function noticeEmail(kind: string, link: string | null | undefined) {
  const label = (notificationKinds as Record<string, { label: { pl: string; en: string } }>)[kind]?.label ?? {
    pl: kind,
    en: kind,
  };
  return {
    subject: `Kooperacja: ${label.pl}`,
    body: [
      `Masz nowe powiadomienie w Kooperacji: ${label.pl}.`,
      `Zobacz: ${appUrl(link)}`,
      '',
      `You have a new notification in Kooperacja: ${label.en}.`,
      `Open: ${appUrl(link)}`,
      '',
      '—',
      `Ustawienia powiadomień / Notification settings: ${appUrl('/konto/powiadomienia')}`,
    ].join('\n'),
  };
}

/**
 * Notifies users as their preferences say: a row in the app (`inApp`), an e-mail notice in the outbox
 * (`email`), both or neither. A row is written also when only the e-mail goes out (already read, not
 * shown), so its dedupe key stops a second e-mail.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<NotifyResult> {
  const result: NotifyResult = { userIds: [], emailed: 0 };
  const params = input.params ?? {};
  for (const r of await recipients(tx, input)) {
    const channels = channelsFor(input.kind, r.kinds);
    if (!channels.inApp && !channels.email) continue;
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into notifications (user_id, institution_id, kind, params, link, dedupe_key, in_app, read_at, emailed_at)
          values (${r.id}, ${input.institutionId ?? null}, ${input.kind}, ${JSON.stringify(params)}::jsonb,
                  ${input.link ?? null}, ${input.dedupeKey ?? null}, ${channels.inApp},
                  ${channels.inApp ? null : sql`now()`}, ${channels.email ? sql`now()` : null})
          on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
          returning id`,
    );
    if (inserted.length === 0) continue;
    result.userIds.push(r.id);
    if (channels.email) {
      await enqueueEmail(tx, { to: r.email, ...noticeEmail(input.kind, input.link) });
      result.emailed++;
    }
  }
  return result;
}
