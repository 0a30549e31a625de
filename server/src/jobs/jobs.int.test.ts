import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../test/auth.js';
import { insertCase, insertPlan, userIdOf } from '../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { queryRows } from '../db/database.js';
import { notify } from '../modules/notifications/notify.js';
import {
  DIGEST_KIND,
  jobsMode,
  runDigestOnce,
  runFollowUpRemindersOnce,
  runRemindersOnce,
  startJobs,
} from './index.js';

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
    // An item of the case-team meeting owned by the police (a team partner): their reminder leads
    // to the shared view of the case, the only one they can open.
    const policeId = await userIdOf(db, 'policja.bochnia');
    const [partnerItem] = await rows<{ id: string }>(
      sql`insert into meeting_action_items (meeting_id, description, owner_institution_id, owner_user_id, due_on)
          select ${meeting?.id}, 'Zadanie policji', i.id, ${policeId}, '2026-03-12' from institutions i
          where i.short_name = 'KPP Bochnia' returning id`,
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
    const [partnerReminder] = await remindersFor([partnerItem?.id as string]);
    expect(partnerReminder).toMatchObject({
      kind: 'action.dueTomorrow',
      user_id: policeId,
      link: `/wspolpraca/${c.caseId}`,
    });
    expect(first.find((n) => n.key.includes(item?.id as string))?.link).toBe(`/sprawy/${c.caseId}`);
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

describe('runFollowUpRemindersOnce', () => {
  it('tells the project team two weeks before a six-month follow-up and on its day, once a day, naming no participant', async () => {
    const db = t.database.db;
    const [project] = await rows<{ id: string; number: string }>(
      sql`select pr.id, pr.number from projects pr
          where exists (select 1 from project_team pt join users u on u.id = pt.user_id
                        where pt.project_id = pr.id and u.email = ${demo('koordynator.andrychow')})
            and exists (select 1 from participants pa where pa.project_id = pr.id)
          order by pr.number limit 1`,
    );
    const projectId = project?.id as string;
    const [participant] = await rows<{ id: string }>(
      sql`select id from participants where project_id = ${projectId} order by technical_id limit 1`,
    );
    // The participant left on 10.01.2031: the follow-up falls due on 10.07.2031.
    await db.execute(
      sql`update participants set left_on = '2031-01-10', follow_up_due_on = '2031-07-10', follow_up_on = null,
            follow_up_result = '[]'::jsonb where id = ${participant?.id}`,
    );
    const team = await rows<{ user_id: string }>(
      sql`select user_id from project_team where project_id = ${projectId} order by user_id`,
    );
    expect(team.length).toBeGreaterThan(0);
    const toDo = async (day: string) =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from participants where project_id = ${projectId} and left_on is not null
                and follow_up_on is null and follow_up_due_on <= ${day}::date + 14`,
        )
      )[0]?.n;
    const sent = () =>
      rows<{ user_id: string; params: Record<string, unknown>; link: string; key: string }>(
        sql`select user_id, params, link, dedupe_key as key from notifications
            where kind = 'participant.followUpDue' and dedupe_key like ${`%:${projectId}:%`}
            order by dedupe_key, user_id`,
      );

    // 26.06.2031 (Warsaw): two weeks before. Every member of the team, once, however often it runs.
    await runFollowUpRemindersOnce(db, new Date('2031-06-26T08:00:00Z'));
    await runFollowUpRemindersOnce(db, new Date('2031-06-26T15:00:00Z'));
    const first = await sent();
    expect(first.map((n) => n.user_id)).toEqual(team.map((m) => m.user_id));
    expect(first[0]?.params).toEqual({
      project: project?.number,
      count: await toDo('2031-06-26'),
      due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(first[0]?.link).toBe(`/projekty/${projectId}?karta=uczestnicy&pomiar=1`);

    // The days between: nothing. On the day it falls due: once more.
    await runFollowUpRemindersOnce(db, new Date('2031-06-27T08:00:00Z'));
    expect(await sent()).toHaveLength(team.length);
    await runFollowUpRemindersOnce(db, new Date('2031-07-10T08:00:00Z'));
    expect(await sent()).toHaveLength(team.length * 2);

    // A recorded follow-up is never reminded of: the same participant, had they left on 01.02.2031
    // and been measured already, gives nothing two weeks before 01.08.2031.
    await db.execute(
      sql`update participants set left_on = '2031-02-01', follow_up_due_on = '2031-08-01',
            follow_up_on = '2031-07-15', follow_up_result = '["pracuje"]'::jsonb where id = ${participant?.id}`,
    );
    expect(await runFollowUpRemindersOnce(db, new Date('2031-07-18T08:00:00Z'))).toEqual({
      projects: 0,
      notified: 0,
    });
    await db.execute(sql`update participants set follow_up_on = null where id = ${participant?.id}`);
    expect((await runFollowUpRemindersOnce(db, new Date('2031-07-18T08:00:00Z'))).notified).toBe(team.length);
    // Nobody outside the project's team is told.
    const [outsiders] = await rows<{ n: number }>(
      sql`select count(*)::int as n from notifications n where kind = 'participant.followUpDue'
            and not exists (select 1 from project_team pt where pt.user_id = n.user_id
                            and n.dedupe_key like '%:' || pt.project_id || ':%')`,
    );
    expect(outsiders?.n).toBe(0);
  });
});

describe('startJobs', () => {
  it('runs pg-boss on this database (PGlite through its adapter, or PostgreSQL), with every schedule in Europe/Warsaw', async () => {
    const quiet = { info: () => undefined, error: () => undefined };
    const jobs = await startJobs({ database: t.database, publicUrl: 'http://localhost:3000', log: quiet });
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]).sort()).toEqual([
        ['indicators-measurements', '30 2 * * *', 'Europe/Warsaw'],
        ['notifications-digest', '0 7 * * *', 'Europe/Warsaw'],
        ['notifications-reminders', '5 * * * *', 'Europe/Warsaw'],
        ['participants-follow-ups', '10 * * * *', 'Europe/Warsaw'],
        ['trainings-reminders', '20 * * * *', 'Europe/Warsaw'],
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
