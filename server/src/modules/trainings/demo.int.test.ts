/**
 * The training demo (demo:trainings): the step runs in a few seconds on a database holding the other
 * demo steps and skips without the ROPS Kielce project; the seed 001 indicators computed from its
 * records show real progress towards 688 and 654; the full workshop has its waiting list, MGOPS
 * Chęciny's head has self-registrations to decide, and the open e-learning edition takes
 * `pracownik.bochnia` at once.
 */
import type { ProjectIndicatorList, Registration, Training } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { type DbOrTx, queryRows, type Tx } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { computeMetric } from '../indicators/metrics/index.js';
import { seedDemoTrainings } from './demo.js';

let t: TestApp;
const FERS = 'FERS.04.13-IP.04-0001/23';
const q = <T>(db: DbOrTx, query: ReturnType<typeof sql>) => queryRows<T>(db, query);

beforeAll(async () => {
  t = await createTestApp();
});

/** Runs `fn` in a transaction that is rolled back, with the training records emptied first. */
async function withoutTrainings(fn: (tx: Tx) => Promise<void>): Promise<void> {
  const rollback = new Error('roll back');
  await expect(
    t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`truncate training_attendance, training_test_attempts, training_certificates, training_lesson_progress,
              training_registrations, training_sessions, training_editions, training_questions, training_lessons,
              training_learners, trainings cascade`,
      );
      await fn(tx);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
}

const count = async (db: DbOrTx, table: string) =>
  (await q<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]?.n ?? 0;

describe('the demo step', () => {
  it('makes the trainings, staff and their records in a few seconds, and does nothing a second time', async () => {
    await withoutTrainings(async (tx) => {
      const started = Date.now();
      await seedDemoTrainings(tx);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await count(tx, 'trainings')).toBe(8);
      expect(await count(tx, 'training_learners')).toBeGreaterThan(500);
      expect(await count(tx, 'training_attendance')).toBeGreaterThan(1000);
      const learners = await count(tx, 'training_learners');
      await seedDemoTrainings(tx);
      expect(await count(tx, 'training_learners')).toBe(learners);
    });
  });

  it('adds nothing without the ROPS Kielce project', async () => {
    await withoutTrainings(async (tx) => {
      await tx.execute(sql`update projects set number = 'X/FERS' where number = ${FERS}`);
      await seedDemoTrainings(tx);
      expect(await count(tx, 'trainings')).toBe(0);
    });
  });
});

describe('the demo data', () => {
  it('gives the seed 001 indicators, computed from the records, real progress towards 688 and 654', async () => {
    const coordinator = await login(t.app, 'koordynator.kielce');
    const [project] = await q<{ id: string }>(
      t.database.db,
      sql`select id from projects where number = ${FERS}`,
    );
    const list = (
      await coordinator.inject({ method: 'GET', url: `/api/projects/${project?.id}/indicators` })
    ).json() as ProjectIndicatorList;
    const byKey = new Map(list.items.map((i) => [i.metricKey, i]));
    const supported = byKey.get('staff.supported');
    const raised = byKey.get('staff.qualifications_raised');
    expect([supported?.target, raised?.target]).toEqual(['688', '654']);
    const value = (i: typeof supported) => Number(i?.current?.value);
    expect(value(supported)).toBeGreaterThan(400);
    expect(value(supported)).toBeLessThan(688);
    expect(value(raised)).toBeGreaterThan(250);
    expect(value(raised)).toBeLessThan(value(supported));
    // About 85 % women, as the targets' breakdown (585 / 103).
    const women = supported?.current?.breakdown.plec?.k ?? 0;
    expect(women / value(supported)).toBeGreaterThan(0.8);
    // The stored figure is today's value of the metric.
    const today = warsawToday();
    const now = await computeMetric(t.database.db, 'staff.supported', {
      projectId: project?.id as string,
      asOf: today,
      params: {},
    });
    expect(supported?.current?.value).toBe(now.value);
    // The values grew over 2024–2026.
    const earlier = await computeMetric(t.database.db, 'staff.supported', {
      projectId: project?.id as string,
      asOf: '2024-12-31',
      params: {},
    });
    expect(Number(earlier.value)).toBeGreaterThan(50);
    expect(Number(earlier.value)).toBeLessThan(value(supported) / 2);
  });

  it('has a full workshop needing approval with a waiting list, and self-registrations for a head to decide', async () => {
    const worker = await login(t.app, 'pracownik.bochnia');
    const [workshop] = await q<{ id: string }>(
      t.database.db,
      sql`select id from trainings where title = 'Kooperacja w praktyce — warsztaty dwudniowe'
            and organiser_institution_id = (select id from institutions where short_name = 'ROPS Kielce')`,
    );
    const training = (
      await worker.inject({ method: 'GET', url: `/api/trainings/${workshop?.id}` })
    ).json() as Training;
    const upcoming = training.editions.find((e) => e.startsOn > warsawToday());
    expect(upcoming).toMatchObject({ requiresApproval: true, capacity: 12, confirmed: 12, waiting: 3 });
    expect(upcoming?.pending).toBeGreaterThanOrEqual(2);

    const head = await login(t.app, 'kierownik.checiny');
    const approvals = (await head.inject({ method: 'GET', url: '/api/trainings/approvals' })).json() as {
      items: Registration[];
    };
    expect(approvals.items.length).toBeGreaterThanOrEqual(3);
    expect(approvals.items.every((i) => i.status === 'do_akceptacji' && i.abilities.decide)).toBe(true);
    const statuses = await q<{ status: string }>(
      t.database.db,
      sql`select distinct status from training_registrations`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'do_akceptacji',
      'odrzucona',
      'potwierdzona',
      'rezerwowa',
      'wycofana',
    ]);
  });

  it('lets pracownik.bochnia register for the open e-learning edition at once and see its lessons', async () => {
    const worker = await login(t.app, 'pracownik.bochnia');
    const [course] = await q<{ id: string }>(
      t.database.db,
      sql`select id from trainings where title = 'Podstawy pracy w zespole interdyscyplinarnym'`,
    );
    const training = (
      await worker.inject({ method: 'GET', url: `/api/trainings/${course?.id}` })
    ).json() as Training;
    expect(training.questionCount).toBeGreaterThanOrEqual(5);
    const open = training.editions.find((e) => e.registrationOpen);
    expect(open).toMatchObject({ requiresApproval: false, sessions: [] });
    expect(open?.endsOn.slice(0, 4)).toBe(String(Number(warsawToday().slice(0, 4)) + 1));
    const res = await worker.inject({
      method: 'POST',
      url: `/api/trainings/${course?.id}/editions/${open?.id}/registrations`,
      payload: { kind: 'self', sex: 'k' },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as Registration).status).toBe('potwierdzona');
    const lessons = await worker.inject({ method: 'GET', url: `/api/trainings/${course?.id}/lessons` });
    expect(lessons.statusCode).toBe(200);
    expect((lessons.json() as { items: unknown[] }).items).toHaveLength(4);
  });
});
