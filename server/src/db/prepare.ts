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
  return runSeeds(database.db, {
    fresh,
    seedDemo: opts.seedDemo,
    ...(opts.demoPassword ? { ctx: { demoPassword: opts.demoPassword } } : {}),
  });
}
