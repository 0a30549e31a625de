import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.js';
import { type Database, queryRows } from '../db/database.js';
import { seedRuns } from '../db/schema/index.js';
import { loadBundledTerritory, referenceFiles } from '../modules/territory/index.js';
import { runSeeds, type SeedStep } from './seeds.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const counter = (name: string, runs: string[]): SeedStep => ({
  name,
  version: '1',
  run: async () => {
    runs.push(name);
  },
});

describe('seeding', () => {
  it('runs demo steps once on a new demo database, and never again', async () => {
    await database.db.delete(seedRuns).where(sql`${seedRuns.name} like 'database:%'`);
    const runs: string[] = [];
    const demo = [counter('demo:a', runs), counter('demo:b', runs)];
    const first = await runSeeds(database.db, { fresh: true, seedDemo: true, reference: [], demo });
    expect(first).toEqual({ mode: 'demo', ran: ['demo:a', 'demo:b'] });
    const second = await runSeeds(database.db, { fresh: false, seedDemo: true, reference: [], demo });
    expect(second.ran).toEqual([]);
    expect(runs).toEqual(['demo:a', 'demo:b']);
    // A later capability adds a demo step: an existing demo database gets it at the next start.
    const third = await runSeeds(database.db, {
      fresh: false,
      seedDemo: true,
      reference: [],
      demo: [...demo, counter('demo:c', runs)],
    });
    expect(third.ran).toEqual(['demo:c']);
  });

  it('never seeds demo data into a database that was created for real data', async () => {
    const other = await createTestDatabase(); // the template is a production-mode database
    try {
      const runs: string[] = [];
      const r = await runSeeds(other.db, {
        fresh: false,
        seedDemo: true,
        reference: [],
        demo: [counter('demo:a', runs)],
      });
      expect(r).toEqual({ mode: 'production', ran: [] });
      expect(runs).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('rolls a failed step back completely and runs it again next time', async () => {
    const failing: SeedStep = {
      name: 'demo:failing',
      version: '1',
      run: async (tx) => {
        await tx.insert(seedRuns).values({ name: 'half-written', version: 'x' });
        throw new Error('boom');
      },
    };
    await expect(
      runSeeds(database.db, { fresh: false, seedDemo: true, reference: [], demo: [failing] }),
    ).rejects.toThrow('boom');
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`select name from seed_runs where name in ('half-written', 'demo:failing')`,
    );
    expect(rows).toEqual([]);
  });
});

describe('loading a newer TERC file', () => {
  it('updates names, adds new units and deactivates units that left the register', async () => {
    const original = await fs.readFile(referenceFiles.terc, 'utf8');
    const lines = original.split(/\r?\n/);
    const edited = lines
      .filter((l) => !l.startsWith('12;01;01;1;')) // gmina miejska Bochnia disappears
      .map((l) => (l.startsWith('12;16;15;3;') ? l.replace('Żabno', 'Żabno Nowe') : l))
      .concat('12;16;99;2;Nowa Gmina;gmina wiejska;2027-01-01');
    const file = `${referenceFiles.terc}.test-${process.pid}.csv`;
    await fs.writeFile(file, edited.join('\r\n'));
    try {
      const result = await loadBundledTerritory(database.db, file);
      expect(result).toMatchObject({ gmina: 2479, deactivated: 1 });
      const rows = await queryRows<{ teryt: string; name: string; active: boolean }>(
        database.db,
        sql`select teryt, name, active from territorial_units where teryt in ('1201011', '1216153', '1216992') order by teryt`,
      );
      expect(rows).toEqual([
        { teryt: '1201011', name: 'Bochnia', active: false },
        { teryt: '1216153', name: 'Żabno Nowe', active: true },
        { teryt: '1216992', name: 'Nowa Gmina', active: true },
      ]);
    } finally {
      await fs.rm(file, { force: true });
      await loadBundledTerritory(database.db);
    }
    const [back] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from territorial_units where active and level = 'gmina'`,
    );
    // The disappeared unit is back, and the one that only the edited file had is now inactive.
    expect(back?.n).toBe(2479);
  });
});
