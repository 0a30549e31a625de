import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseError } from '../../../test/helpers.js';
import { type Database, queryRows } from '../../db/database.js';
import { seedRuns } from '../../db/schema/index.js';
import { REDACTED, writeAudit } from './audit.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const actor = {
  userId: 'u-anna',
  institutionId: 'i-mops-bochnia',
  role: 'pracownik_socjalny',
  ip: '127.0.0.1',
  requestId: 'r-1',
};
const count = async () =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`))[0]?.n ?? 0;

describe('audit log', () => {
  it('stores who did what to which record, with sensitive values redacted', async () => {
    await writeAudit(database.db, actor, {
      action: 'record.update',
      recordType: 'person',
      recordId: 'p-1',
      before: { lastName: 'Nowak', health: 'cukrzyca' },
      after: { lastName: 'Kowalska', health: 'astma' },
      sensitiveFields: ['health'],
    });
    const [row] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select action, user_id, institution_id, ip::text as ip, record_type, record_id, changes from audit_log where record_id = 'p-1'`,
    );
    expect(row).toMatchObject({
      action: 'record.update',
      user_id: 'u-anna',
      institution_id: 'i-mops-bochnia',
      ip: '127.0.0.1/32',
      record_type: 'person',
      changes: {
        health: { before: REDACTED, after: REDACTED },
        lastName: { before: 'Nowak', after: 'Kowalska' },
      },
    });
    expect(JSON.stringify(row)).not.toContain('cukrzyca');
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await writeAudit(database.db, actor, { action: 'record.read', recordType: 'case', recordId: 'c-1' });
    const before = await count();
    expect(
      await databaseError(database.db.execute(sql`update audit_log set user_id = 'someone-else'`)),
    ).toMatch(/append-only: UPDATE/);
    expect(await databaseError(database.db.execute(sql`delete from audit_log`))).toMatch(
      /append-only: DELETE/,
    );
    expect(await databaseError(database.db.execute(sql`truncate audit_log`))).toMatch(
      /append-only: TRUNCATE/,
    );
    expect(await count()).toBe(before);
  });

  it('rolls back with the change it records, and the change with it (same transaction)', async () => {
    const before = await count();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(seedRuns).values({ name: 'audited-change', version: '1' });
        await writeAudit(tx, actor, {
          action: 'record.create',
          recordType: 'seed',
          recordId: 'audited-change',
        });
        throw new Error('the change fails after its audit entry was written');
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    const rows = await queryRows(database.db, sql`select 1 from seed_runs where name = 'audited-change'`);
    expect(rows).toHaveLength(0);
  });

  it('prunes only entries older than the retention period, never with less than 2 years', async () => {
    expect(await databaseError(database.db.execute(sql`select prune_audit_log(1)`))).toMatch(
      /at least 2 years/,
    );
    const [r] = await queryRows<{ n: number }>(database.db, sql`select prune_audit_log(2)::int as n`);
    expect(r?.n).toBe(0); // every entry is recent
    // Announcing a prune does not unlock recent entries.
    const refused = await databaseError(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('kooperacja.audit_prune', 'on', true)`);
        await tx.execute(sql`delete from audit_log`);
      }),
    );
    expect(refused).toMatch(/append-only: DELETE/);
  });
});
