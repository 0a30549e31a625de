import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { serverRoot } from '../paths.js';
import { lockDataDir } from './lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The drizzle database, the same type on both engines. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = path.join(serverRoot, 'drizzle');

/** PGlite needs its extension objects passed on every open. */
const pgliteExtensions = { btree_gin, pg_trgm, unaccent };

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Connection string (PostgreSQL only). */
  url?: string;
  /** Checks the database answers (health endpoint). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolMax?: number }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob; lock?: boolean };

// Serialises migrations when several app instances start at once against one PostgreSQL.
const MIGRATION_LOCK_KEY = 7_214_002;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.engine === 'postgres') {
    // JIT compilation pays off for long analytical queries, not for the short ones of an interactive
    // app: a search whose estimated cost crossed the threshold spent ~100 ms compiling (bench/README.md).
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolMax ?? 10, options: '-c jit=off' });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      url: opts.url,
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  const release = opts.dataDir && opts.lock !== false ? lockDataDir(opts.dataDir) : () => undefined;
  try {
    const client = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: pgliteExtensions,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Runs pending migrations (named SQL files in server/drizzle) on either engine. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  if (!database.url) throw new Error('PostgreSQL database without a URL');
  // One dedicated connection holds a session advisory lock while it migrates.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
