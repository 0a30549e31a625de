import { sql } from 'drizzle-orm';
import { isInitialised, runSeeds } from '../seed/seeds.js';
import type { Database } from './database.js';
import { runMigrations } from './database.js';

/** Start-up database work: migrate, load reference data, seed a new demo database once. */
export async function prepareDatabase(
  database: Database,
  opts: { seedDemo: boolean; demoPassword?: string },
) {
  const fresh = !(await isInitialised(database.db));
  await runMigrations(database);
  const result = await runSeeds(database.db, {
    fresh,
    seedDemo: opts.seedDemo,
    ...(opts.demoPassword ? { ctx: { demoPassword: opts.demoPassword } } : {}),
  });
  // Fresh statistics after loading data: without them the embedded engine (which has no
  // autovacuum) planned the person search on a just-seeded database so badly that it never ended.
  if (result.ran.length > 0) await database.db.execute(sql`analyze`);
  return result;
}
