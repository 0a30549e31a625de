/**
 * The DEGURBA table: the system administrator checks a file first (every wrong line named, in the
 * user's language, nothing written), imports it all or nothing, and a project reader looks a gmina up.
 */
import type { DegurbaImportResult, DegurbaLookup, DegurbaSummary } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

let t: TestApp;
let admin: TestSession;
let coordinator: TestSession;

const importCsv = async (csv: string, apply: boolean, lang = 'pl') => {
  const res = await admin.inject({
    method: 'POST',
    url: '/api/degurba/import',
    payload: { csv, apply },
    headers: { 'accept-language': lang },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DegurbaImportResult;
};
const rows = () =>
  queryRows<{ teryt: string; degurba: number }>(
    t.database.db,
    sql`select teryt, degurba from degurba_units order by teryt`,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  coordinator = await login(t.app, 'koordynator.andrychow');
});

describe('DEGURBA import', () => {
  it('previews every wrong line and writes nothing, even when asked to import', async () => {
    const csv = 'teryt;degurba\n1218013;2\n9999999;1\n1261011;5\n1218013;3\n';
    for (const apply of [false, true]) {
      const r = await importCsv(csv, apply);
      expect(r.applied).toBe(false);
      expect(r.errors).toEqual([
        { line: 3, code: 'degurba.unknownGmina', message: 'Gminy 9999999 nie ma w rejestrze TERYT.' },
        { line: 4, code: 'degurba.level', message: 'Stopień urbanizacji to 1, 2 albo 3 (jest „5”).' },
        { line: 5, code: 'degurba.duplicate', message: 'Gmina 1218013 już była w wierszu 2.' },
      ]);
    }
    expect(await rows()).toEqual([]);
    const english = await importCsv('1218013;x', false, 'en');
    expect(english.errors[0]?.message).toBe('The degree of urbanisation is 1, 2 or 3 (got “x”).');
  });

  it('imports a correct file all at once, then updates only what the next file changes', async () => {
    const first = await importCsv('\uFEFFTERYT;DEGURBA\r\n1218013;2\r\n1261011;1\r\n', true);
    expect(first).toMatchObject({
      rows: 2,
      errors: [],
      applied: true,
      changes: 2,
      byLevel: { '1': 1, '2': 1, '3': 0 },
    });
    expect(await rows()).toEqual([
      { teryt: '1218013', degurba: 2 },
      { teryt: '1261011', degurba: 1 },
    ]);
    const second = await importCsv('1218013;3\n1261011;1\n', true);
    expect(second).toMatchObject({ applied: true, changes: 1 });
    const summary = (await admin.inject({ method: 'GET', url: '/api/degurba' })).json() as DegurbaSummary;
    expect(summary).toMatchObject({ total: 2, byLevel: { '1': 1, '2': 0, '3': 1 } });
    expect(summary.gminas).toBeGreaterThan(2000);
    expect(summary.importedAt).not.toBeNull();
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'record.update' and record_type = 'degurba_table'`,
    );
    expect(audit?.n).toBe(2);
  });

  it('lets a project reader look a gmina up, and keeps the import to the system administrator', async () => {
    const found = (
      await coordinator.inject({ method: 'GET', url: '/api/degurba/1218013' })
    ).json() as DegurbaLookup;
    expect(found).toEqual({ teryt: '1218013', degurba: 3 });
    const none = (
      await coordinator.inject({ method: 'GET', url: '/api/degurba/1201011' })
    ).json() as DegurbaLookup;
    expect(none).toEqual({ teryt: '1201011', degurba: null });
    const refused = await coordinator.inject({
      method: 'POST',
      url: '/api/degurba/import',
      payload: { csv: '1218013;1', apply: true },
    });
    expect(refused.statusCode).toBe(403);
    expect((await rows()).find((r) => r.teryt === '1218013')?.degurba).toBe(3);
  });
});
