import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../test/auth.js';
import { insertCase, insertPlan, userIdOf } from '../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { queryRows } from '../db/database.js';
import { notify } from '../modules/notifications/notify.js';
import { DIGEST_KIND, jobsMode, runDigestOnce, runRemindersOnce, startJobs } from './index.js';

let t: TestApp;
let workerId: string;
let supervisorId: string;
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);

// 23:30 UTC on 10 March is already 00:30 on 11 March in Warsaw: "today" is the 11th there.
const NOW = new Date('2026-03-10T23:30:00Z');

beforeAll(async () => {
  t = await createTestApp();
  workerId = await userIdOf(t.database.db, 'pracownik.bochnia');
  supervisorId = await userIdOf(t.database.db, 'kierownik.bochnia');
});

async function remindersFor(ids: string[]) {
  return rows<{ kind: string; user_id: string; key: string; params: Record<string, unknown>; link: string }>(
    sql`select kind, user_id, dedupe_key as key, params, link from notifications
        where ${sql.join(
          ids.map((id) => sql`dedupe_key like ${`%:${id}:%`}`),
          sql` or `,
        )} order by dedupe_key`,
  );
}

describe('runRemindersOnce', () => {
  it('reminds the responsible person the day before and after the deadline by the Warsaw date, once', async () => {
    const db = t.database.db;
    const c = await insertCase(db, { institution: 'MOPS Bochnia', lead: 'pracownik.bochnia' });
    const { planId, actionIds } = await insertPlan(db, {
      caseId: c.caseId,
      actions: [
        { description: 'Jutro (12.03)', deadline: '2026-03-12', responsibleUserId: workerId },
        { description: 'Dziś (11.03)', deadline: '2026-03-11', responsibleUserId: workerId },
        { description: 'Wczoraj (10.03)', deadline: '2026-03-10', responsibleUserId: supervisorId },
        { description: 'Dawno', deadline: '2025-11-01', responsibleUserId: workerId },
        { description: 'Zrobione', deadline: '2026-03-09', responsibleUserId: workerId, status: 'wykonane' },
        { description: 'Bez osoby', deadline: '2026-03-12', responsibleUserId: null },
      ],
    });
    const [meeting] = await rows<{ id: string }>(
      sql`insert into meetings (case_id, title, starts_at) values (${c.caseId}, 'ZZK', '2026-03-01T10:00:00Z') returning id`,
    );
    const [item] = await rows<{ id: string }>(
      sql`insert into meeting_action_items (meeting_id, description, owner_institution_id, owner_user_id, due_on)
          select ${meeting?.id}, 'Zadanie ze spotkania', c.institution_id, ${workerId}, '2026-03-09' from cases c where c.id = ${c.caseId}
          returning id`,
    );
    const watched = [...actionIds, item?.id as string];

    await runRemindersOnce(db, NOW);
    const first = await remindersFor(watched);
    expect(first.map((n) => [n.kind, n.user_id, n.key.split(':')[2]])).toEqual([
      ['action.dueTomorrow', workerId, actionIds[0]],
      ['action.overdue', workerId, item?.id],
      ['action.overdue', supervisorId, actionIds[2]],
    ]);
    const planReminder = first.find((n) => n.key.includes(actionIds[0] as string));
    expect(planReminder?.params).toEqual({ source: 'plan', due: '2026-03-12', case: c.number });
    expect(planReminder?.link).toBe(`/sprawy/${c.caseId}?zakladka=plany&plan=${planId}`);
    // The action's own text (which may describe the client) is never a parameter.
    expect(JSON.stringify(first)).not.toContain('Jutro');

    // A second run (another instance, a retry, the next hour) adds nothing.
    const second = await runRemindersOnce(db, NOW);
    expect(await remindersFor(watched)).toHaveLength(3);
    expect(second).toEqual({ dueTomorrow: 0, overdue: 0 });

    // Later the same Warsaw day: nothing new. On the 13th the actions due on the 11th and the 12th
    // are overdue (one notice each, for that deadline).
    await runRemindersOnce(db, new Date('2026-03-11T12:00:00Z'));
    expect(await remindersFor(watched)).toHaveLength(3);
    await runRemindersOnce(db, new Date('2026-03-13T08:00:00Z'));
    const later = await remindersFor(watched);
    expect(later.map((n) => `${n.kind} ${n.key.split(':')[2]}`).sort()).toEqual(
      [
        `action.dueTomorrow ${actionIds[0]}`,
        `action.overdue ${actionIds[0]}`,
        `action.overdue ${actionIds[1]}`,
        `action.overdue ${actionIds[2]}`,
        `action.overdue ${item?.id}`,
      ].sort(),
    );
  });
});

describe('runDigestOnce', () => {
  it('sends one digest a day with counts only, when something new is unread and the digest is on', async () => {
    const db = t.database.db;
    await db.execute(sql`delete from notifications`);
    await db.execute(sql`delete from email_outbox`);
    await db.execute(
      sql`insert into notification_preferences (user_id, daily_digest) values (${supervisorId}, false)`,
    );
    const send = (userId: string, key: string) =>
      db.transaction((tx) =>
        notify(tx, {
          kind: 'message.received',
          userIds: [userId],
          params: { case: 'MOPS-B/2026/0001' },
          dedupeKey: key,
        }),
      );
    await send(workerId, 'm1');
    await send(workerId, 'm2');
    await send(supervisorId, 'm3');
    const digests = () =>
      rows<{ to_address: string; subject: string; body: string }>(
        sql`select to_address, subject, body from email_outbox where subject like '%nieprzeczytanych%' order by created_at`,
      );

    const day1 = new Date(Date.now() + 60_000);
    expect(await runDigestOnce(db, day1)).toEqual({ sent: 1 });
    const [mail] = await digests();
    expect(mail?.to_address).toBe(demo('pracownik.bochnia'));
    expect(mail?.body).toContain('Nowa wiadomość w sprawie: 2');
    expect(mail?.body).not.toContain('MOPS-B/2026/0001');
    // Twice the same day: nothing more.
    expect(await runDigestOnce(db, new Date(day1.getTime() + 60_000))).toEqual({ sent: 0 });
    // The next day with nothing new: no repeat of the same news.
    const day2 = new Date(day1.getTime() + 24 * 3600_000);
    expect(await runDigestOnce(db, day2)).toEqual({ sent: 0 });
    const [digestRow] = await rows<{ in_app: boolean; read_at: string | null }>(
      sql`select in_app, read_at from notifications where kind = ${DIGEST_KIND} and user_id = ${workerId}`,
    );
    expect(digestRow?.in_app).toBe(false);
    expect(digestRow?.read_at).not.toBeNull();
    expect(await digests()).toHaveLength(1);
    // Something new arrives: the next day's digest goes out again, still with counts only.
    await db.execute(
      sql`insert into notifications (user_id, kind, created_at) values (${workerId}, 'referral.received', ${new Date(day2.getTime() - 3600_000).toISOString()}::timestamptz)`,
    );
    expect(await runDigestOnce(db, day2)).toEqual({ sent: 1 });
    const last = (await digests()).at(-1);
    expect(last?.body).toContain('Masz nieprzeczytane powiadomienia w Kooperacji (3)');
    expect(last?.body).toContain('Nowe skierowanie do mojej instytucji: 1');
  });
});

describe('startJobs', () => {
  it('runs pg-boss on this database (PGlite through its adapter, or PostgreSQL), with both schedules in Europe/Warsaw', async () => {
    const quiet = { info: () => undefined, error: () => undefined };
    const jobs = await startJobs({ database: t.database, publicUrl: 'http://localhost:3000', log: quiet });
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]).sort()).toEqual([
        ['notifications-digest', '0 7 * * *', 'Europe/Warsaw'],
        ['notifications-reminders', '5 * * * *', 'Europe/Warsaw'],
      ]);
      // A job sent to the queue is worked by this process.
      await jobs.boss.send('notifications-reminders', {});
      const queue = await jobs.boss.getQueue('notifications-reminders');
      expect(queue?.policy).toBe('singleton');
    } finally {
      await jobs.stop();
    }
    // The application database is still usable after pg-boss stopped.
    expect(await rows(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});

describe('JOBS', () => {
  it('is inline by default, off on request, and anything else stops the start naming the variable', () => {
    expect(jobsMode({})).toBe('inline');
    expect(jobsMode({ JOBS: 'off' })).toBe('off');
    expect(() => jobsMode({ JOBS: 'sometimes' })).toThrow(/JOBS/);
  });
});
