import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Database, openDatabase, runMigrations } from '../src/db/database.js';
import { DEFAULT_SEED_CONTEXT, demoSteps, runSeeds } from '../src/seed/seeds.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { engine: 'pglite'; templateFile: string }
      | { engine: 'postgres'; adminUrl: string; template: string };
  }
}

/**
 * Migrates one template database for the whole run (reference data loaded, no demo data); every
 * test file then gets its own copy: a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on PostgreSQL.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `kooperacja_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const tplUrl = withDatabase(url, template);
    const database = await openDatabase({ engine: 'postgres', url: tplUrl, poolMax: 2 });
    await runMigrations(database);
    await seedTemplate(database);
    await database.close();
    project.provide('testDb', { engine: 'postgres', adminUrl: url, template });
    return async () => {
      const dbs = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`kooperacja_t%_${process.pid}_%`],
      );
      for (const { datname } of dbs.rows) {
        await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
      }
      await admin.end();
    };
  }
  const database = await openDatabase({ engine: 'pglite' });
  await runMigrations(database);
  await seedTemplate(database);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kooperacja-test-'));
  const templateFile = path.join(dir, 'template.tar');
  await fs.writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDb', { engine: 'pglite', templateFile });
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}

/**
 * Reference data, and the demo steps run directly: the template stays a production-mode database
 * (so seeding tests can check that demo data never lands there), yet tests can log in as demo users.
 */
async function seedTemplate(database: Database): Promise<void> {
  await runSeeds(database.db, { fresh: true, seedDemo: false });
  for (const step of demoSteps) await database.db.transaction((tx) => step.run(tx, DEFAULT_SEED_CONTEXT));
  // Statistics for the planner, as prepareDatabase gathers after seeding: the embedded engine has no
  // autovacuum, and every copy of the template starts from these.
  await database.db.execute(sql`analyze`);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
