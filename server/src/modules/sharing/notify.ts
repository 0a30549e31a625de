import type { NotificationKind, NotificationParams } from '@kooperacja/domain';
import type { DbOrTx } from '../../db/database.js';
import { notify } from '../notifications/notify.js';

/**
 * Notifications of cooperation events, inside the transaction of the change. Parameters name
 * institutions and numbers only, never the client (the e-mail notice carries no client data).
 */
export async function notifyUsers(
  tx: DbOrTx,
  n: {
    userIds: string[];
    kind: NotificationKind;
    params: NotificationParams;
    link: string;
    except?: string;
    /** Notify each user once per key (e.g. one invitation per meeting, however often it is edited). */
    dedupeKey?: string;
  },
): Promise<void> {
  const userIds = n.userIds.filter((u) => u !== n.except);
  if (!userIds.length) return;
  await notify(tx, { kind: n.kind, userIds, params: n.params, link: n.link, dedupeKey: n.dedupeKey ?? null });
}

/** Everyone in an institution who handles referrals (its inbox). */
export async function notifyInstitution(
  tx: DbOrTx,
  n: {
    institutionId: string;
    kind: NotificationKind;
    params: NotificationParams;
    link: string;
    except?: string;
  },
): Promise<void> {
  await notify(tx, {
    kind: n.kind,
    institutionId: n.institutionId,
    permission: 'referrals.handle',
    exceptUserIds: n.except ? [n.except] : [],
    params: n.params,
    link: n.link,
  });
}
