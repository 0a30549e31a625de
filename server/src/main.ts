import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { DataDirLockedError } from './db/lock.js';
import { prepareDatabase } from './db/prepare.js';
import { type JobsHandle, type JobsMode, jobsMode, startJobs } from './jobs/index.js';

function fail(message: string): never {
  process.stderr.write(`\nKooperacja: ${message}\n\n`);
  process.exit(1);
}

async function main() {
  let config: Config;
  let jobs: JobsMode;
  try {
    config = loadConfig();
    jobs = jobsMode();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database =
      config.engine === 'postgres'
        ? await openDatabase({
            engine: 'postgres',
            url: config.DATABASE_URL!,
            poolMax: config.DATABASE_POOL_MAX,
          })
        : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    fail(`cannot open the database: ${(e as Error).message}`);
  }

  const started = Date.now();
  const seeded = await prepareDatabase(database, {
    seedDemo: config.SEED_DEMO,
    demoPassword: config.DEMO_PASSWORD,
  });
  const app = await buildApp({ database, config });
  app.log.info(
    { engine: database.engine, mode: seeded.mode, seeded: seeded.ran, ms: Date.now() - started },
    'database ready',
  );

  let jobsHandle: JobsHandle | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await app.close(); // stops accepting, finishes in-flight requests
      await jobsHandle?.stop();
      await database.close();
      process.exit(0);
    } catch (e) {
      app.log.error({ err: e }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    await database.close();
    fail(`cannot listen on ${config.HOST}:${config.PORT}: ${(e as Error).message}`);
  }

  // Background jobs (reminders, daily digest) in this process unless JOBS=off (separate workers).
  if (jobs === 'inline') {
    try {
      jobsHandle = await startJobs({ database, publicUrl: config.PUBLIC_URL, log: app.log });
    } catch (e) {
      app.log.error({ err: e }, 'jobs did not start; the server runs without reminders and digests');
    }
  }
}

main().catch((e) => {
  process.stderr.write(`Kooperacja failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
