import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which seed steps (demo data, reference data) ran, so start-up seeds only once. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});
