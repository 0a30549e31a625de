import type { Me, Problem } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demo, login, sessionCookie, withSession } from '../../../test/auth.js';
import { createTestApp, type TestApp, testConfig } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { totpAt } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const auditRows = (where: ReturnType<typeof sql>) =>
  queryRows<{
    action: string;
    outcome: string;
    user_id: string | null;
    details: Record<string, unknown> | null;
    record_id: string | null;
  }>(
    t.database.db,
    sql`select action, outcome, user_id, details, record_id from audit_log where ${where} order by id`,
  );

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login and session', () => {
  it('logs in with the right password, sets a httpOnly SameSite=Lax cookie and answers /me', async () => {
    const res = await post('/api/auth/login', { email: demo('pracownik.bochnia'), password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = res.json() as { status: string; me: Me };
    expect(body.me.roles).toEqual(['pracownik_socjalny']);
    expect(body.me.permissions).toContain('cases.write');
    expect(body.me.permissions).not.toContain('audit.read');
    const s = withSession(
      t.app,
      sessionCookie(res.headers['set-cookie']),
      body.me.session.csrfToken,
      body.me,
    );
    const me = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect((me.json() as Me).user.email).toBe(demo('pracownik.bochnia'));
    const [entry] = await auditRows(sql`action = 'auth.login' and user_id = ${body.me.user.id}`);
    expect(entry).toBeDefined();
  });

  it('answers a wrong password and an unknown account with the same 401, and logs both', async () => {
    const wrong = await post('/api/auth/login', {
      email: demo('policja.bochnia'),
      password: 'zle-haslo-123456',
    });
    const unknown = await post('/api/auth/login', {
      email: 'nikt@demo.kooperacja.pl',
      password: 'zle-haslo-123456',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect((wrong.json() as Problem).detail).toBe((unknown.json() as Problem).detail);
    expect((wrong.json() as Problem).detail).toBe('Nieprawidłowy e-mail lub hasło.');
    const failed = await auditRows(
      sql`action = 'auth.login_failed' and details->>'email' in ('policja.bochnia@demo.kooperacja.pl', 'nikt@demo.kooperacja.pl')`,
    );
    expect(failed).toHaveLength(2);
  });

  it('logs out: the session no longer works', async () => {
    const s = await login(t.app, 'animator.bochnia');
    expect((await s.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const a = await login(t.app, 'kierownik.bochnia');
    const b = await login(t.app, 'kierownik.bochnia');
    expect((await a.inject({ method: 'POST', url: '/api/auth/logout-everywhere' })).statusCode).toBe(204);
    expect((await b.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes and 12 hours after login', async () => {
    const idle = await login(t.app, 'analityk.kielce');
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${idle.me.user.id}`,
    );
    expect((await idle.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const old = await login(t.app, 'analityk.kielce');
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${old.me.user.id}`,
    );
    expect((await old.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('switches the active institution only to one of the user’s memberships', async () => {
    const s = await login(t.app, 'trener');
    expect(s.me.memberships).toHaveLength(2);
    const other = s.me.memberships.find((m) => m.institutionId !== s.me.activeInstitutionId);
    const res = await s.inject({
      method: 'POST',
      url: '/api/auth/institution',
      payload: { institutionId: other?.institutionId },
    });
    expect(res.statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      activeInstitutionId: other?.institutionId,
    });
    const mops = await login(t.app, 'pracownik.bochnia');
    const refused = await s.inject({
      method: 'POST',
      url: '/api/auth/institution',
      payload: { institutionId: mops.me.activeInstitutionId },
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problem).errors?.[0]?.field).toBe('institutionId');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the X-CSRF-Token of the session', async () => {
    const s = await login(t.app, 'koordynator.andrychow');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Problem).detail).toMatch(/X-CSRF-Token/);
  });

  it('refuses a request from a foreign Origin, even with the token', async () => {
    const s = await login(t.app, 'koordynator.andrychow');
    const res = await s.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    const login2 = await post(
      '/api/auth/login',
      { email: demo('koordynator.andrychow'), password: DEMO_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(login2.statusCode).toBe(403);
  });
});

describe('brute force', () => {
  it('slows down, then locks the account after ten failures; the right password is refused during the lock; every attempt is audited', async () => {
    const email = demo('audytor');
    const attempt = (password: string) =>
      post('/api/auth/login', { email, password }, { 'x-forwarded-for': '10.0.0.9' });
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const res = await attempt(`zle-haslo-nr-${i}-xyz`);
      statuses.push(res.statusCode);
      if (i === 3) {
        // The fourth attempt right away must wait.
        const early = await attempt('zle-haslo-za-wczesnie');
        expect(early.statusCode).toBe(429);
        expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
        expect((early.json() as Problem).detail).toMatch(/Spróbuj ponownie za \d+ s/);
      }
      // Waiting out the growing delay, without waiting in the test.
      await t.database.db.execute(
        sql`update login_throttle set last_failure_at = now() - interval '2 minutes'`,
      );
    }
    expect(statuses.join(',')).toBe(Array(10).fill(401).join(','));
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect((locked.json() as Problem).detail).toMatch(/zablokowane/);
    const audit = await auditRows(sql`details->>'email' = ${email}`);
    expect(audit.filter((a) => a.action === 'auth.login_failed' && a.outcome === 'failure')).toHaveLength(10);
    expect(audit.filter((a) => a.action === 'auth.locked')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'auth.login_failed' && a.outcome === 'denied')).toHaveLength(2);
    // After the lock the account works again.
    await t.database.db.execute(
      sql`update login_throttle set locked_until = now() - interval '1 second' where key = ${`account:${email}`}`,
    );
    const after = await attempt(DEMO_PASSWORD);
    expect(after.statusCode, after.body).toBe(200);
    await t.database.db.execute(sql`delete from login_throttle`);
  });
});

describe('second factor (TOTP)', () => {
  it('sets up TOTP, then asks for a code at login; a wrong or reused code fails; a recovery code works once', async () => {
    const s = await login(t.app, 'policja.bochnia');
    const setup = await s.inject({ method: 'POST', url: '/api/auth/2fa/setup' });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json() as {
      secret: string;
      otpauthUri: string;
      qrSvg: string;
    };
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toContain('<svg');
    const wrongEnable = await s.inject({
      method: 'POST',
      url: '/api/auth/2fa/enable',
      payload: { code: '000000' === totpAt(secret) ? '111111' : '000000' },
    });
    expect(wrongEnable.statusCode).toBe(400);
    // One code, kept: asking for a fresh one later could cross a 30-second step and get a new code.
    const enablingCode = totpAt(secret);
    const enable = await s.inject({
      method: 'POST',
      url: '/api/auth/2fa/enable',
      payload: { code: enablingCode },
    });
    expect(enable.statusCode).toBe(200);
    const { recoveryCodes } = enable.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const first = await post('/api/auth/login', { email: demo('policja.bochnia'), password: DEMO_PASSWORD });
    expect(first.json()).toMatchObject({ status: 'second_factor_required' });
    const pendingCookie = sessionCookie(first.headers['set-cookie']);
    const csrf = (first.json() as { csrfToken: string }).csrfToken;
    const headers = { cookie: pendingCookie, 'x-csrf-token': csrf };
    // The half-logged-in session has no access.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    // The enabling code was already used: it is refused (also in the next step, inside the window).
    const reused = await post('/api/auth/login/second-factor', { code: enablingCode }, headers);
    expect(reused.statusCode).toBe(401);
    const recovery = await post('/api/auth/login/second-factor', { recoveryCode: recoveryCodes[0] }, headers);
    expect(recovery.statusCode).toBe(200);
    expect((recovery.json() as { me: Me }).me.user.twoFactorEnabled).toBe(true);

    const again = await post('/api/auth/login', { email: demo('policja.bochnia'), password: DEMO_PASSWORD });
    const h2 = {
      cookie: sessionCookie(again.headers['set-cookie']),
      'x-csrf-token': (again.json() as { csrfToken: string }).csrfToken,
    };
    const usedTwice = await post('/api/auth/login/second-factor', { recoveryCode: recoveryCodes[0] }, h2);
    expect(usedTwice.statusCode).toBe(401);
    const audit = await auditRows(
      sql`user_id = ${s.me.user.id} and action in ('auth.2fa_enabled', 'auth.recovery_code_used', 'auth.2fa_failed')`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'auth.2fa_enabled',
      'auth.2fa_failed',
      'auth.recovery_code_used',
      'auth.2fa_failed',
    ]);
  });

  it('with REQUIRE_ADMIN_2FA an administrator without TOTP has no permissions until they set it up', async () => {
    const strict = await createTestApp({ config: testConfig({ REQUIRE_ADMIN_2FA: 'true' }) });
    const s = await login(strict.app, 'admin.bochnia');
    expect(s.me.twoFactorSetupRequired).toBe(true);
    expect(s.me.permissions).toEqual([]);
    expect((await s.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(403);
    const setup = (await s.inject({ method: 'POST', url: '/api/auth/2fa/setup' })).json() as {
      secret: string;
    };
    expect(
      (
        await s.inject({
          method: 'POST',
          url: '/api/auth/2fa/enable',
          payload: { code: totpAt(setup.secret) },
        })
      ).statusCode,
    ).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(200);
    // …and cannot turn it off again.
    const off = await s.inject({
      method: 'POST',
      url: '/api/auth/2fa/disable',
      payload: { password: DEMO_PASSWORD },
    });
    expect(off.statusCode).toBe(403);
    // A social worker is not required to.
    const worker = await login(strict.app, 'pracownik.bochnia');
    expect(worker.me.twoFactorSetupRequired).toBe(false);
  });
});

describe('password links', () => {
  it('sends a one-time link through the outbox; a common password is refused; the link works once and ends old sessions', async () => {
    const old = await login(t.app, 'koordynator.andrychow');
    const forgot = await post('/api/auth/password/forgot', { email: demo('koordynator.andrychow') });
    expect(forgot.statusCode).toBe(202);
    const unknown = await post('/api/auth/password/forgot', { email: 'nikt@demo.kooperacja.pl' });
    expect(unknown.statusCode).toBe(202);
    const [mail] = await queryRows<{ body: string }>(
      t.database.db,
      sql`select body from email_outbox where to_address = ${demo('koordynator.andrychow')} order by created_at desc limit 1`,
    );
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail?.body ?? '')?.[1] ?? '');
    expect(token.length).toBeGreaterThan(20);

    const weak = await post('/api/auth/password/reset', { token, password: 'Password1234!' });
    expect(weak.statusCode).toBe(400);
    expect((weak.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'password.common' }),
    ]);
    const short = await post('/api/auth/password/reset', { token, password: 'krótkie' });
    expect((short.json() as Problem).errors?.[0]?.field).toBe('password');

    const newPassword = 'Lipowy miód z Andrychowa 7';
    expect((await post('/api/auth/password/reset', { token, password: newPassword })).statusCode).toBe(204);
    expect((await old.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await post('/api/auth/password/reset', { token, password: newPassword })).statusCode).toBe(400);
    await login(t.app, 'koordynator.andrychow', newPassword);
  });
});
