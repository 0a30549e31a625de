import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { type BuildAppOptions, buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { withDatabase } from './global-setup.js';
import { watchStatement } from './watchdog.js';

interface SqlClient {
  query(q: string, ...rest: unknown[]): Promise<unknown>;
  exec(q: string, ...rest: unknown[]): Promise<unknown>;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** Tells the watchdog (watchdog.ts) each statement sent to the embedded engine. */
function watchStatements(client: SqlClient): void {
  const wrap = (c: SqlClient) => {
    const { query, exec } = c;
    c.query = (q, ...rest) => {
      watchStatement(q);
      return query.call(c, q, ...rest);
    };
    c.exec = (q, ...rest) => {
      watchStatement(q);
      return exec.call(c, q, ...rest);
    };
    return c;
  };
  wrap(client);
  const { transaction } = client;
  client.transaction = <T>(fn: (tx: SqlClient) => Promise<T>) =>
    transaction.call(client, (tx) => fn(wrap(tx))) as Promise<T>;
}

/** A fresh database for this test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<Database> {
  const t = inject('testDb');
  if (t.engine === 'pglite') {
    const buf = await fs.readFile(t.templateFile);
    const database = await openDatabase({ engine: 'pglite', loadDataDir: new Blob([buf]) });
    watchStatements((database.db as unknown as { $client: SqlClient }).$client);
    return database;
  }
  const name = `kooperacja_t${randomBytes(4).toString('hex')}_${t.template.split('_')[2]}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: t.adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${t.template}`);
        break;
      } catch (e) {
        // Two files copying the template at the same moment: PostgreSQL refuses one; try again.
        if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openDatabase({
    engine: 'postgres',
    url: withDatabase(t.adminUrl, name),
    poolMax: 4,
  });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: t.adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await a.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
}

/** Builds the app on a fresh database; closed automatically after the file's tests. */
export async function createTestApp(opts: Partial<Omit<BuildAppOptions, 'database'>> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: opts.config ?? testConfig(), ...opts });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database };
}

/** Drizzle wraps database errors ("Failed query: …"); the database's own message is the cause. */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message}\n${err.cause?.message ?? ''}`;
  }
  throw new Error('expected the database to refuse the statement');
}
