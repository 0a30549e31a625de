// `npm run seed:reset`: wipes the database and starts over with reference and demo data.
// On PostgreSQL it drops every table of the application: it asks for --yes to be sure.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { prepareDatabase } from '../db/prepare.js';

const config = loadConfig();
if (config.engine === 'postgres' && !process.argv.includes('--yes')) {
  process.stderr.write(
    'seed:reset drops all Kooperacja data in the PostgreSQL database of DATABASE_URL.\n' +
      'Run it again with --yes (npm run seed:reset -- --yes) if that is what you want.\n',
  );
  process.exit(2);
}

if (config.engine === 'pglite') {
  // Take the lock first so a running server is never pulled from under its feet.
  const probe = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  await probe.close();
  const entries = fs.readdirSync(config.dataDir).filter((e) => e !== '.kooperacja.lock');
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    process.stderr.write(
      `${config.dataDir} does not look like a Kooperacja data folder; nothing was deleted.\n`,
    );
    process.exit(2);
  }
  for (const entry of entries) {
    fs.rmSync(`${config.dataDir}/${entry}`, { recursive: true, force: true });
  }
}
const database =
  config.engine === 'postgres'
    ? await openDatabase({ engine: 'postgres', url: config.DATABASE_URL!, poolMax: 2 })
    : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
if (config.engine === 'postgres') {
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  // The job queue's own schema (pg-boss): its history belongs to the data being wiped.
  await database.db.execute(sql`drop schema if exists pgboss cascade`);
  await database.db.execute(sql`drop schema public cascade`);
  await database.db.execute(sql`create schema public`);
}
const result = await prepareDatabase(database, { seedDemo: true, demoPassword: config.DEMO_PASSWORD });
await database.close();
process.stdout.write(`Database reset (${config.engine}); seeded: ${result.ran.join(', ') || 'nothing'}\n`);
