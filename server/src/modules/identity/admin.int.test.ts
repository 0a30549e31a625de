import type { Institution, Problem, User, UserList } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, login, type TestSession } from '../../../test/auth.js';
import { createTestApp, databaseError, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

let t: TestApp;
let sys: TestSession;
let bochnia: TestSession;
let auditor: TestSession;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  [sys, bochnia, auditor] = await Promise.all([
    login(t.app, 'admin'),
    login(t.app, 'admin.bochnia'),
    login(t.app, 'audytor'),
  ]);
  const rows = await queryRows<{ email: string; id: string }>(
    t.database.db,
    sql`select email, id from users`,
  );
  for (const r of rows) ids.set(r.email.split('@')[0] as string, r.id);
  const inst = await queryRows<{ short_name: string; id: string }>(
    t.database.db,
    sql`select short_name, id from institutions where short_name is not null`,
  );
  for (const r of inst) ids.set(r.short_name, r.id);
});

const id = (key: string) => {
  const v = ids.get(key);
  if (!v) throw new Error(`no fixture ${key}`);
  return v;
};

describe('need-to-know scoping of users', () => {
  it('an administrator of MOPS Bochnia sees only users of MOPS Bochnia', async () => {
    const res = await bochnia.inject({ method: 'GET', url: '/api/admin/users' });
    const list = res.json() as UserList;
    expect(list.items.map((u) => u.email).sort()).toEqual(
      [
        demo('admin.bochnia'),
        demo('kierownik.bochnia'),
        demo('pracownik.bochnia'),
        demo('pracownik2.bochnia'),
      ].sort(),
    );
  });

  it('asking for a user of OPS Andrychów answers 404 like a missing record, and the attempt is in the log', async () => {
    const target = id('koordynator.andrychow');
    const res = await bochnia.inject({ method: 'GET', url: `/api/admin/users/${target}` });
    expect(res.statusCode).toBe(404);
    const missing = await bochnia.inject({
      method: 'GET',
      url: '/api/admin/users/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect((res.json() as Problem).detail).toBe((missing.json() as Problem).detail);
    const [entry] = await queryRows<{ action: string; outcome: string; user_id: string }>(
      t.database.db,
      sql`select action, outcome, user_id from audit_log where record_type = 'user' and record_id = ${target}`,
    );
    expect(entry).toEqual({ action: 'access.denied', outcome: 'denied', user_id: bochnia.me.user.id });
  });

  it('the system administrator sees every user and reading one is logged', async () => {
    const target = id('koordynator.andrychow');
    const res = await sys.inject({ method: 'GET', url: `/api/admin/users/${target}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as User).abilities).toMatchObject({ update: true, manageMemberships: true });
    const rows = await queryRows(
      t.database.db,
      sql`select 1 from audit_log where action = 'record.read' and record_id = ${target}`,
    );
    expect(rows).toHaveLength(1);
  });

  it('a social worker is refused the admin API (403) and the refusal is logged', async () => {
    const worker = await login(t.app, 'pracownik.bochnia');
    const res = await worker.inject({ method: 'GET', url: '/api/admin/users' });
    expect(res.statusCode).toBe(403);
    const rows = await queryRows(
      t.database.db,
      sql`select 1 from audit_log where action = 'access.denied' and user_id = ${worker.me.user.id} and details->>'permission' = 'institution.admin'`,
    );
    expect(rows).toHaveLength(1);
  });
});

describe('user administration', () => {
  it('creates a user with an invitation in the outbox; a duplicate e-mail is a field error', async () => {
    const payload = {
      email: 'Nowa.Pracownica@demo.kooperacja.pl',
      firstName: 'Nowa',
      lastName: 'Pracownica',
      membership: { institutionId: id('MOPS Bochnia'), roles: ['pracownik_socjalny'] },
    };
    const res = await bochnia.inject({ method: 'POST', url: '/api/admin/users', payload });
    expect(res.statusCode).toBe(201);
    expect((res.json() as User).email).toBe('nowa.pracownica@demo.kooperacja.pl');
    const mail = await queryRows<{ subject: string; body: string }>(
      t.database.db,
      sql`select subject, body from email_outbox where to_address = 'nowa.pracownica@demo.kooperacja.pl'`,
    );
    expect(mail[0]?.body).toMatch(/\/haslo\/ustaw\?token=/);
    const dup = await bochnia.inject({ method: 'POST', url: '/api/admin/users', payload });
    expect(dup.statusCode).toBe(400);
    expect((dup.json() as Problem).errors?.[0]).toMatchObject({ field: 'email', code: 'user.emailTaken' });
  });

  it('an institution admin cannot create users in another institution nor grant the auditor role', async () => {
    const other = await bochnia.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        email: 'x1@demo.kooperacja.pl',
        firstName: 'X',
        lastName: 'Y',
        membership: { institutionId: id('OPS Andrychów'), roles: ['pracownik_socjalny'] },
      },
    });
    expect(other.statusCode).toBe(400);
    const auditorRole = await bochnia.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        email: 'x2@demo.kooperacja.pl',
        firstName: 'X',
        lastName: 'Y',
        membership: { institutionId: id('MOPS Bochnia'), roles: ['audytor'] },
      },
    });
    expect((auditorRole.json() as Problem).errors?.[0]).toMatchObject({
      field: 'membership.roles',
      code: 'membership.roleNotAllowed',
    });
  });

  it('detects a concurrent edit of a user (409) instead of overwriting it', async () => {
    const target = id('kierownik.bochnia');
    const user = (await bochnia.inject({ method: 'GET', url: `/api/admin/users/${target}` })).json() as User;
    const body = {
      firstName: user.firstName,
      lastName: 'Kierowniczy-Nowak',
      status: 'active',
      version: user.version,
    };
    expect(
      (await bochnia.inject({ method: 'PUT', url: `/api/admin/users/${target}`, payload: body })).statusCode,
    ).toBe(200);
    const stale = await sys.inject({
      method: 'PUT',
      url: `/api/admin/users/${target}`,
      payload: { ...body, lastName: 'Inny' },
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('conflict');
  });

  it('blocking a user ends their sessions and stops their login', async () => {
    const victim = await login(t.app, 'pracownik.bochnia');
    const user = (
      await bochnia.inject({ method: 'GET', url: `/api/admin/users/${victim.me.user.id}` })
    ).json() as User;
    const res = await bochnia.inject({
      method: 'PUT',
      url: `/api/admin/users/${user.id}`,
      payload: {
        firstName: user.firstName,
        lastName: user.lastName,
        status: 'blocked',
        version: user.version,
      },
    });
    expect(res.statusCode).toBe(200);
    expect((await victim.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(login(t.app, 'pracownik.bochnia')).rejects.toThrow(/401/);
    const again = res.json() as User;
    await bochnia.inject({
      method: 'PUT',
      url: `/api/admin/users/${user.id}`,
      payload: {
        firstName: again.firstName,
        lastName: again.lastName,
        status: 'active',
        version: again.version,
      },
    });
  });

  it('shows the outbox to the system administrator only', async () => {
    expect((await sys.inject({ method: 'GET', url: '/api/admin/outbox' })).json()).toMatchObject({
      smtpConfigured: false,
    });
    expect((await bochnia.inject({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(403);
  });
});

describe('institutions', () => {
  const input = {
    name: 'Centrum Usług Społecznych w Testowie',
    type: 'cus',
    sector: 'pomoc_spoleczna',
    teryt: '1201022',
    postalCode: '32-700',
    nip: '526-000-12-46',
  };

  it('validates NIP, REGON, postal code and TERYT field by field, in Polish or English', async () => {
    const res = await sys.inject({
      method: 'POST',
      url: '/api/institutions',
      payload: { ...input, nip: '1234567890', regon: '123456789', postalCode: '32700', teryt: '9999999' },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as Problem).errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['nip', 'postalCode', 'regon']);
    const en = await sys.inject({
      method: 'POST',
      url: '/api/institutions',
      headers: { 'accept-language': 'en' },
      payload: { ...input, nip: '1234567890' },
    });
    expect((en.json() as Problem).errors?.[0]?.message).toMatch(/Invalid NIP/);
    const unit = await sys.inject({
      method: 'POST',
      url: '/api/institutions',
      payload: { ...input, nip: '', teryt: '1299999' },
    });
    expect((unit.json() as Problem).errors?.[0]).toMatchObject({
      field: 'teryt',
      code: 'territory.unknownUnit',
    });
  });

  it('registers an institution (audited), finds it by name without diacritics and by TERYT, refuses a duplicate NIP', async () => {
    const res = await sys.inject({
      method: 'POST',
      url: '/api/institutions',
      payload: { ...input, nip: '5260001246' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Institution;
    expect(created).toMatchObject({ nip: '5260001246', unitName: 'Bochnia', abilities: { update: true } });
    const found = await bochnia.inject({ method: 'GET', url: '/api/institutions?q=uslug testow' });
    expect((found.json() as { items: Institution[] }).items.map((i) => i.id)).toEqual([created.id]);
    const inPowiat = await bochnia.inject({ method: 'GET', url: '/api/institutions?teryt=1201&limit=200' });
    expect((inPowiat.json() as { total: number }).total).toBeGreaterThanOrEqual(10);
    const dup = await sys.inject({
      method: 'POST',
      url: '/api/institutions',
      payload: { ...input, name: 'Inna nazwa', nip: '5260001246' },
    });
    expect((dup.json() as Problem).errors?.[0]).toMatchObject({ field: 'nip', code: 'institution.nipTaken' });
    const audit = await queryRows(
      t.database.db,
      sql`select 1 from audit_log where action = 'record.create' and record_id = ${created.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('lets an institution admin edit their own institution but not another (403), with optimistic locking', async () => {
    const own = (
      await bochnia.inject({ method: 'GET', url: `/api/institutions/${id('MOPS Bochnia')}` })
    ).json() as Institution;
    expect(own.abilities.update).toBe(true);
    const { id: _i, abilities: _a, unitName: _u, userCount: _c, ...fields } = own;
    const ok = await bochnia.inject({
      method: 'PUT',
      url: `/api/institutions/${own.id}`,
      payload: { ...fields, phone: '14 000 00 00' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await bochnia.inject({
      method: 'PUT',
      url: `/api/institutions/${own.id}`,
      payload: { ...fields, phone: '14 111 11 11' },
    });
    expect(stale.statusCode).toBe(409);
    const other = (
      await bochnia.inject({ method: 'GET', url: `/api/institutions/${id('OPS Andrychów')}` })
    ).json() as Institution;
    expect(other.abilities.update).toBe(false);
    const { id: _j, abilities: _b, unitName: _v, userCount: _d, ...otherFields } = other;
    expect(
      (await bochnia.inject({ method: 'PUT', url: `/api/institutions/${other.id}`, payload: otherFields }))
        .statusCode,
    ).toBe(403);
  });
});

describe('audit log', () => {
  it('refuses UPDATE and DELETE at the database', async () => {
    expect(await databaseError(t.database.db.execute(sql`update audit_log set action = 'x'`))).toMatch(
      /append-only/,
    );
    expect(await databaseError(t.database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
  });

  it('the auditor filters the log by action and record, and the viewing itself is logged', async () => {
    const res = await auditor.inject({
      method: 'GET',
      url: `/api/audit?action=access.denied&recordId=${id('koordynator.andrychow')}`,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { action: string; userName: string; institutionName: string }[] };
    expect(page.items[0]).toMatchObject({
      action: 'access.denied',
      userName: 'Beata Bocheńska',
      institutionName: 'Miejski Ośrodek Pomocy Społecznej w Bochni',
    });
    const viewed = await queryRows(
      t.database.db,
      sql`select 1 from audit_log where action = 'audit.read' and user_id = ${auditor.me.user.id}`,
    );
    expect(viewed.length).toBeGreaterThan(0);
  });

  it('pages with a keyset cursor and filters by date range', async () => {
    const first = (await auditor.inject({ method: 'GET', url: '/api/audit?limit=2' })).json() as {
      items: { id: number }[];
      nextBefore: number;
    };
    expect(first.items).toHaveLength(2);
    const second = (
      await auditor.inject({ method: 'GET', url: `/api/audit?limit=2&before=${first.nextBefore}` })
    ).json() as { items: { id: number }[] };
    expect(second.items[0]?.id).toBeLessThan(first.items[1]?.id ?? 0);
    const future = (await auditor.inject({ method: 'GET', url: '/api/audit?from=2099-01-01' })).json() as {
      items: unknown[];
    };
    expect(future.items).toEqual([]);
  });

  it('exports CSV with formula injection neutralised; the export is logged', async () => {
    const res = await auditor.inject({ method: 'GET', url: '/api/audit/export.csv?action=auth.login' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dziennik-zdarzen-/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^"id";"czas";"użytkownik"/);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1]).toMatch(/"\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}"/);
    const logged = await queryRows(t.database.db, sql`select 1 from audit_log where action = 'audit.export'`);
    expect(logged).toHaveLength(1);
  });

  it('keeps retention at two years at least; only the system administrator changes it', async () => {
    expect((await auditor.inject({ method: 'GET', url: '/api/audit/settings' })).json()).toEqual({
      retentionYears: 2,
    });
    expect(
      (await sys.inject({ method: 'PUT', url: '/api/audit/settings', payload: { retentionYears: 1 } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await auditor.inject({ method: 'PUT', url: '/api/audit/settings', payload: { retentionYears: 5 } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await sys.inject({ method: 'PUT', url: '/api/audit/settings', payload: { retentionYears: 5 } }))
        .statusCode,
    ).toBe(200);
    expect((await sys.inject({ method: 'POST', url: '/api/audit/prune' })).json()).toEqual({
      deleted: 0,
      retentionYears: 5,
    });
  });
});
