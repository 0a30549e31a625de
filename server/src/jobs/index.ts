import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { ConfigError } from '../config.js';
import type { Database } from '../db/database.js';
import { configureNotifications } from '../modules/notifications/notify.js';
import { runDigestOnce } from './digest.js';
import { runFollowUpRemindersOnce } from './follow-ups.js';
import { runIndicatorMeasurementsOnce } from './indicators.js';
import { runRemindersOnce } from './reminders.js';
import { runTrainingRemindersOnce } from './trainings.js';

export { DIGEST_KIND, digestEmail, runDigestOnce } from './digest.js';
export { runFollowUpRemindersOnce } from './follow-ups.js';
export { OVERDUE_LOOKBACK_DAYS, runRemindersOnce } from './reminders.js';
export { runTrainingRemindersOnce } from './trainings.js';

/**
 * Background jobs on pg-boss: deadline reminders, participants' follow-up reminders and training
 * reminders (docs/trainings.md) every hour,
 * the daily digest at 07:00 and the indicator measurements at 02:30, all in Europe/Warsaw. pg-boss
 * keeps its queues in the schema `pgboss` of the application database — on PostgreSQL through its own
 * small pool, on the embedded PGlite through its `db.executeSql` adapter over the same (single)
 * connection. Its cron runs each schedule once per slot across all instances and hands a job to one
 * worker (`for update skip locked`); the jobs themselves are idempotent
 * (dedupe keys), so even a run repeated by a retry notifies nobody twice.
 *
 * `JOBS=inline` (default): the server process runs them. `JOBS=off`: it does not — web instances
 * behind a load balancer, with `npm run worker` (server/src/cli/worker.ts) as the separate worker.
 */
export const JOB_TIME_ZONE = 'Europe/Warsaw';
export const schedules = {
  'notifications-reminders': { cron: '5 * * * *', run: runRemindersOnce },
  'notifications-digest': { cron: '0 7 * * *', run: runDigestOnce },
  'indicators-measurements': { cron: '30 2 * * *', run: runIndicatorMeasurementsOnce },
  'participants-follow-ups': { cron: '10 * * * *', run: runFollowUpRemindersOnce },
  'trainings-reminders': { cron: '20 * * * *', run: runTrainingRemindersOnce },
} as const;

export type JobsMode = 'inline' | 'off';

/** `JOBS` from the environment; a wrong value stops the start naming the variable. */
export function jobsMode(env: NodeJS.ProcessEnv = process.env): JobsMode {
  const v = env.JOBS?.trim() || 'inline';
  if (v !== 'inline' && v !== 'off') throw new ConfigError([`JOBS: must be inline or off (got "${v}")`]);
  return v;
}

interface Log {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** pg-boss over the PGlite client: statements without parameters may be several (its migrations). */
export function pgliteBossDb(client: PGlite): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const r = await client.query(text, values);
      return { rows: r.rows };
    },
  };
}

export interface JobsHandle {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** Starts pg-boss, creates the queues, (re)declares the schedules and works the jobs. */
export async function startJobs(opts: {
  database: Database;
  publicUrl: string;
  log: Log;
}): Promise<JobsHandle> {
  const { database, log } = opts;
  configureNotifications({ publicUrl: opts.publicUrl });
  const common = {
    application_name: 'kooperacja-jobs',
    schedule: true,
    supervise: true,
    // The jobs are hourly and daily: poll for work every 30 s, not every 2 s.
    pollingIntervalSeconds: 30,
    retryLimit: 3,
    retryDelay: 60,
    expireInMinutes: 30,
  } satisfies PgBoss.ConstructorOptions;
  const boss =
    database.engine === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.url, max: 2 })
      : new PgBoss({ ...common, db: pgliteBossDb((database.db as unknown as { $client: PGlite }).$client) });
  boss.on('error', (err) => log.error({ err }, 'jobs: pg-boss error'));
  await boss.start();
  for (const [name, s] of Object.entries(schedules)) {
    await boss.createQueue(name, { name, policy: 'singleton' });
    await boss.schedule(name, s.cron, {}, { tz: JOB_TIME_ZONE });
    await boss.work(name, { pollingIntervalSeconds: 30 }, async () => {
      const started = Date.now();
      const result = await s.run(database.db, new Date());
      log.info({ job: name, result, ms: Date.now() - started }, 'job done');
    });
  }
  log.info({ engine: database.engine, schedules: Object.keys(schedules) }, 'jobs started');
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
