import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.js';
import { openDatabase, queryRows } from './database.js';
import { prepareDatabase } from './prepare.js';

const target = inject('testDb');

// Several app instances behind a load balancer start at once against one PostgreSQL: migrations and
// reference data must be applied exactly once, and every instance must come up.
describe.runIf(target.engine === 'postgres')('start-up on a shared PostgreSQL', () => {
  it('lets three instances prepare one empty database at the same time', async () => {
    if (target.engine !== 'postgres') return;
    const name = `kooperacja_tp${randomBytes(3).toString('hex')}_${target.template.split('_')[2]}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: target.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = withDatabase(target.adminUrl, name);
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ engine: 'postgres', url, poolMax: 2 })),
    );
    try {
      const results = await Promise.all(instances.map((d) => prepareDatabase(d, { seedDemo: false })));
      // Each reference step ran once, in one of the three instances.
      expect(results.flatMap((r) => r.ran).sort()).toEqual([
        'reference:indicators',
        'reference:programmes',
        'reference:territory',
      ]);
      const [row] = await queryRows<{ n: number }>(
        instances[0]!.db,
        sql`select count(*)::int as n from territorial_units where level = 'gmina'`,
      );
      expect(row?.n).toBe(2479);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
