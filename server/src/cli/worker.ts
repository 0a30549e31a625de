// `npm run worker`: the background jobs (reminders, daily digest) without HTTP. With PostgreSQL, run
// one or more beside web instances started with JOBS=off. The embedded PGlite folder is locked to one
// process, so there the server runs the jobs itself (JOBS=inline, the default).
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { openDatabase, runMigrations } from '../db/database.js';
import { DataDirLockedError } from '../db/lock.js';
import { startJobs } from '../jobs/index.js';

function fail(message: string): never {
  process.stderr.write(`\nKooperacja worker: ${message}\n\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
const log = pino({ level: config.LOG_LEVEL, base: { role: 'worker' } });

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database =
    config.engine === 'postgres'
      ? await openDatabase({ engine: 'postgres', url: config.DATABASE_URL!, poolMax: 4 })
      : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
} catch (e) {
  if (e instanceof DataDirLockedError)
    fail(`${e.message}\nOn the embedded database the server runs the jobs itself (JOBS=inline).`);
  fail(`cannot open the database: ${(e as Error).message}`);
}

// The schema must be current; migrations take an advisory lock, so starting beside servers is safe.
await runMigrations(database);
const jobs = await startJobs({ database, publicUrl: config.PUBLIC_URL, log });

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'worker shutting down');
  const timer = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  try {
    await jobs.stop();
    await database.close();
    process.exit(0);
  } catch (e) {
    log.error({ err: e }, 'error during worker shutdown');
    process.exit(1);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
