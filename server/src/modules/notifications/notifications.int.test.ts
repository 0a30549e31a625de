import type { NotificationPage, NotificationPreferences } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, login, type TestSession } from '../../../test/auth.js';
import { institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { notify } from './notify.js';

let t: TestApp;
let worker: TestSession;
let worker2: TestSession;
let supervisor: TestSession;
let ids: Record<string, string>;
let bochnia: string;

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
const emailsTo = (local: string) =>
  rows<{ subject: string; body: string }>(
    sql`select subject, body from email_outbox where to_address = ${demo(local)} order by created_at`,
  );
async function list(s: TestSession, query = '') {
  const res = await s.inject({ method: 'GET', url: `/api/notifications${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as NotificationPage;
}
async function clearAll() {
  await t.database.db.execute(sql`delete from notifications`);
  await t.database.db.execute(sql`delete from email_outbox`);
  await t.database.db.execute(sql`delete from notification_preferences`);
}

beforeAll(async () => {
  t = await createTestApp();
  [worker, worker2, supervisor] = await Promise.all([
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'pracownik2.bochnia'),
    login(t.app, 'kierownik.bochnia'),
  ]);
  const db = t.database.db;
  ids = {};
  for (const u of ['pracownik.bochnia', 'pracownik2.bochnia', 'kierownik.bochnia', 'admin.bochnia'])
    ids[u] = await userIdOf(db, u);
  bochnia = await institutionIdOf(db, 'MOPS Bochnia');
  await clearAll();
});

describe('notify()', () => {
  it('notifies the institution’s users who handle referrals, as each one’s preferences say', async () => {
    await clearAll();
    // pracownik2: only the e-mail; kierownik: nothing at all for this kind.
    await t.database.db.execute(sql`insert into notification_preferences (user_id, kinds) values
      (${ids['pracownik2.bochnia']}, ${JSON.stringify({ 'referral.received': { inApp: false, email: true } })}::jsonb),
      (${ids['kierownik.bochnia']}, ${JSON.stringify({ 'referral.received': { inApp: false, email: false } })}::jsonb)`);
    const result = await t.database.db.transaction((tx) =>
      notify(tx, {
        kind: 'referral.received',
        institutionId: bochnia,
        params: { referral: 'SK/2026/0001', institution: 'KPP Bochnia' },
        link: '/skrzynka',
      }),
    );
    expect(result.emailed).toBe(2);
    // The administrator of the institution does not handle referrals: not notified.
    expect(result.userIds).not.toContain(ids['admin.bochnia']);

    const mine = await list(worker);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'referral.received',
      params: { referral: 'SK/2026/0001', institution: 'KPP Bochnia' },
      link: '/skrzynka',
      institutionName: 'MOPS Bochnia',
      readAt: null,
    });
    expect(mine.unread).toBe(1);
    // In-app off: nothing in the list or the bell, but the e-mail notice went out.
    expect((await list(worker2)).items).toHaveLength(0);
    expect((await worker2.inject({ method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({
      unread: 0,
    });
    expect(await emailsTo('pracownik2.bochnia')).toHaveLength(1);
    expect((await list(supervisor)).items).toHaveLength(0);
    expect(await emailsTo('kierownik.bochnia')).toHaveLength(0);
    expect(await emailsTo('admin.bochnia')).toHaveLength(0);
  });

  it('sends an e-mail notice with the kind and a link only, never the parameters', async () => {
    await clearAll();
    await t.database.db.transaction((tx) =>
      notify(tx, {
        kind: 'referral.assigned',
        userIds: [ids['pracownik.bochnia'] as string],
        params: { referral: 'SK/2026/0042', case: 'MOPS-B/2026/0007', institution: 'Poradnia Kowalskiej' },
        link: '/skierowania/00000000-0000-4000-8000-000000000001',
      }),
    );
    const [mail] = await emailsTo('pracownik.bochnia');
    expect(mail?.subject).toBe('Kooperacja: Przydzielono mi skierowanie');
    expect(mail?.body).toContain('Masz nowe powiadomienie w Kooperacji: Przydzielono mi skierowanie.');
    expect(mail?.body).toContain('http://localhost:3000/skierowania/00000000-0000-4000-8000-000000000001');
    for (const v of ['SK/2026/0042', 'MOPS-B/2026/0007', 'Kowalsk']) expect(mail?.body).not.toContain(v);
  });

  it('skips the actor and notifies a user once per dedupe key', async () => {
    await clearAll();
    const send = () =>
      t.database.db.transaction((tx) =>
        notify(tx, {
          kind: 'message.received',
          userIds: [ids['pracownik.bochnia'] as string, ids['pracownik2.bochnia'] as string],
          exceptUserIds: [ids['pracownik2.bochnia'] as string],
          params: { case: 'MOPS-B/2026/0007' },
          dedupeKey: 'message:1',
        }),
      );
    expect((await send()).userIds).toEqual([ids['pracownik.bochnia']]);
    expect((await send()).userIds).toEqual([]);
    expect((await list(worker)).total).toBe(1);
    expect((await list(worker2)).total).toBe(0);
  });

  it('rolls back with the transaction of the change', async () => {
    await clearAll();
    await t.database.db
      .transaction(async (tx) => {
        await notify(tx, { kind: 'referral.answered', userIds: [ids['pracownik.bochnia'] as string] });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect((await list(worker)).total).toBe(0);
    expect(await emailsTo('pracownik.bochnia')).toHaveLength(0);
  });
});

describe('/api/notifications', () => {
  it('lists only my own notifications, unread first, and marks them read', async () => {
    await clearAll();
    const to = (u: string, kind: 'message.received' | 'referral.answered', key: string) =>
      t.database.db.transaction((tx) => notify(tx, { kind, userIds: [ids[u] as string], dedupeKey: key }));
    await to('pracownik.bochnia', 'referral.answered', 'a');
    await to('pracownik.bochnia', 'message.received', 'b');
    await to('pracownik.bochnia', 'message.received', 'c');
    await to('pracownik2.bochnia', 'message.received', 'd');

    const page = await list(worker);
    expect(page.total).toBe(3);
    expect(page.unread).toBe(3);
    const [first, second, third] = page.items;
    // Mark the oldest read: it moves last in "unread first" and stays in place by date.
    const read = await worker.inject({ method: 'POST', url: `/api/notifications/${third?.id}/read` });
    expect(read.statusCode).toBe(204);
    const after = await list(worker);
    expect(after.unread).toBe(2);
    expect(after.items.map((n) => n.id)).toEqual([first?.id, second?.id, third?.id]);
    expect(after.items[2]?.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const unreadOnly = await list(worker, '?unread=true&limit=1');
    expect(unreadOnly.total).toBe(2);
    expect(unreadOnly.items).toHaveLength(1);
    const byDate = await list(worker, '?order=newest&offset=2');
    expect(byDate.items.map((n) => n.id)).toEqual([third?.id]);

    // Another user's notification: 404, like a missing one, and the attempt is logged.
    const [other] = await rows<{ id: string }>(
      sql`select id from notifications where user_id = ${ids['pracownik2.bochnia']}`,
    );
    const denied = await worker.inject({ method: 'POST', url: `/api/notifications/${other?.id}/read` });
    expect(denied.statusCode).toBe(404);
    const [audit] = await rows<{ action: string }>(
      sql`select action from audit_log where record_type = 'notification' and record_id = ${other?.id}`,
    );
    expect(audit?.action).toBe('access.denied');
    expect((await list(worker2)).unread).toBe(1);

    const all = await worker.inject({ method: 'POST', url: '/api/notifications/read-all' });
    expect(all.json()).toEqual({ updated: 2 });
    expect((await worker.inject({ method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({
      unread: 0,
    });
    expect((await list(worker2)).unread).toBe(1);
  });

  it('saves preferences with the version read; a stale version is a conflict in the user’s language', async () => {
    await clearAll();
    const get = async () =>
      (
        await supervisor.inject({ method: 'GET', url: '/api/notifications/preferences' })
      ).json() as NotificationPreferences;
    const initial = await get();
    expect(initial.version).toBe(0);
    expect(initial.dailyDigest).toBe(true);
    expect(initial.kinds['action.dueTomorrow']).toEqual({ inApp: true, email: false });
    expect(initial.kinds['referral.received']).toEqual({ inApp: true, email: true });

    const put = (payload: object, lang = 'pl') =>
      supervisor.inject({
        method: 'PUT',
        url: '/api/notifications/preferences',
        headers: { 'accept-language': lang },
        payload,
      });
    const saved = await put({
      kinds: { 'action.dueTomorrow': { inApp: true, email: true } },
      dailyDigest: false,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      dailyDigest: false,
      kinds: {
        'action.dueTomorrow': { inApp: true, email: true },
        'referral.received': { inApp: true, email: true },
      },
    });
    const again = await put({
      kinds: { 'referral.received': { inApp: false, email: false } },
      dailyDigest: false,
      version: 1,
    });
    expect(again.json()).toMatchObject({
      version: 2,
      kinds: {
        'action.dueTomorrow': { inApp: true, email: true },
        'referral.received': { inApp: false, email: false },
      },
    });

    const stale = await put({ kinds: {}, dailyDigest: true, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('Ustawienia powiadomień zmieniono w innym oknie');
    const staleEn = await put({ kinds: {}, dailyDigest: true, version: 1 }, 'en');
    expect(staleEn.json().detail).toContain('notification settings were changed');

    const bad = await put({
      kinds: { 'nie.ma': { inApp: true, email: true } },
      dailyDigest: true,
      version: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThan(0);

    const [audit] = await rows<{ action: string }>(
      sql`select action from audit_log where record_type = 'notification_preferences' and record_id = ${ids['kierownik.bochnia']} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('settings.update');
    expect((await get()).version).toBe(2);
  });
});
