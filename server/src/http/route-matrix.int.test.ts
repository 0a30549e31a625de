/**
 * The route × role matrix: every registered API route, called by every role (one demo user each)
 * on a record of their own institution and of another, answers as the policy says: 401 without a
 * session, 403 without the permission, 404 for a record outside the user's scope, 2xx otherwise.
 * A route without a case here fails the test, so the matrix always covers 100 % of the routes.
 */
import { type Role, roles } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../test/auth.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { queryRows } from '../db/database.js';
import type { RouteAccess } from './access.js';

type Rel = 'own' | 'other';
interface Req {
  url: string;
  payload?: unknown;
}
interface Ctx {
  role: Role;
  session: TestSession;
  rel: Rel;
}
interface Case {
  /** Relations worth testing; routes without a record have only 'own'. */
  relations?: Rel[];
  request(ctx: Ctx): Promise<Req> | Req;
  /** The status for a caller who holds the route's permission (any caller for `authenticated`). */
  expect(ctx: Ctx): number;
  /** The call ends the caller's session (log in again afterwards). */
  endsSession?: boolean;
}

const demoUserOf: Record<Role, string> = {
  administrator_systemu: 'admin',
  administrator_instytucji: 'admin.bochnia',
  pracownik_socjalny: 'pracownik.bochnia',
  kierownik: 'kierownik.bochnia',
  pracownik_partnera: 'policja.bochnia',
  koordynator_projektu: 'koordynator.andrychow',
  animator_partnerstwa: 'animator.bochnia',
  analityk_regionalny: 'analityk.kielce',
  trener: 'trener',
  audytor: 'audytor',
};

let t: TestApp;
const sessions = new Map<Role, TestSession>();
const userIds = new Map<string, string>();

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}
const uid = (local: string) => userIds.get(local) as string;
const isSys = (c: Ctx) => c.role === 'administrator_systemu';
let seq = 0;

/** Another user of the caller's institution (own) or a user outside it (other). */
async function targetUser(c: Ctx): Promise<string> {
  const inst = c.session.me.activeInstitutionId;
  if (c.rel === 'other')
    return uid(c.role === 'koordynator_projektu' ? 'pracownik.bochnia' : 'koordynator.andrychow');
  const [row] = await q<{ user_id: string }>(
    sql`select user_id from memberships where institution_id = ${inst} and user_id <> ${c.session.me.user.id} order by user_id limit 1`,
  );
  return row?.user_id ?? c.session.me.user.id;
}

async function targetInstitution(c: Ctx): Promise<string> {
  if (c.rel === 'own') return c.session.me.activeInstitutionId as string;
  const [row] = await q<{ id: string }>(
    sql`select id from institutions where id <> ${c.session.me.activeInstitutionId} and short_name = 'OPS Andrychów'
        union all select id from institutions where short_name = 'MOPS Bochnia' and id <> ${c.session.me.activeInstitutionId} limit 1`,
  );
  return row?.id as string;
}

const scopedAdmin = (ok: number) => (c: Ctx) => (isSys(c) || c.rel === 'own' ? ok : 404);
const both: Rel[] = ['own', 'other'];

const cases: Record<string, Case> = {
  'GET /api/auth/me': { request: () => ({ url: '/api/auth/me' }), expect: () => 200 },
  'POST /api/auth/logout-everywhere': {
    request: () => ({ url: '/api/auth/logout-everywhere' }),
    expect: () => 204,
    endsSession: true,
  },
  'POST /api/auth/institution': {
    request: (c) => ({
      url: '/api/auth/institution',
      payload: { institutionId: c.session.me.activeInstitutionId },
    }),
    expect: () => 200,
  },
  'POST /api/auth/password/change': {
    request: () => ({
      url: '/api/auth/password/change',
      payload: { currentPassword: 'to-nie-jest-haslo', newPassword: 'Zupełnie nowe długie hasło 9' },
    }),
    expect: () => 400,
  },
  'POST /api/auth/2fa/setup': { request: () => ({ url: '/api/auth/2fa/setup' }), expect: () => 200 },
  'POST /api/auth/2fa/enable': {
    request: () => ({ url: '/api/auth/2fa/enable', payload: { code: '000000' } }),
    expect: () => 400,
  },
  'POST /api/auth/2fa/disable': {
    request: () => ({ url: '/api/auth/2fa/disable', payload: { password: 'to-nie-jest-haslo' } }),
    expect: () => 400,
  },
  'GET /api/dictionaries/identity': {
    request: () => ({ url: '/api/dictionaries/identity' }),
    expect: () => 200,
  },
  'GET /api/institutions': { request: () => ({ url: '/api/institutions?limit=5' }), expect: () => 200 },
  'GET /api/institutions/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/institutions/${await targetInstitution(c)}` }),
    expect: () => 200,
  },
  'POST /api/institutions': {
    request: () => ({
      url: '/api/institutions',
      payload: { name: `Instytucja testowa ${++seq}`, type: 'ngo', sector: 'ngo', teryt: '1201011' },
    }),
    expect: () => 201,
  },
  'PUT /api/institutions/:id': {
    relations: both,
    request: async (c) => {
      const id = await targetInstitution(c);
      const res = await c.session.inject({ method: 'GET', url: `/api/institutions/${id}` });
      const {
        id: _i,
        abilities: _a,
        unitName: _u,
        userCount: _c,
        ...fields
      } = res.json() as Record<string, unknown>;
      return { url: `/api/institutions/${id}`, payload: fields };
    },
    expect: (c) => (isSys(c) || c.rel === 'own' ? 200 : 403),
  },
  'GET /api/admin/users': { request: () => ({ url: '/api/admin/users' }), expect: () => 200 },
  'GET /api/admin/users/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}` }),
    expect: scopedAdmin(200),
  },
  'POST /api/admin/users': {
    request: (c) => ({
      url: '/api/admin/users',
      payload: {
        email: `nowy${++seq}@demo.kooperacja.pl`,
        firstName: 'Nowy',
        lastName: 'Użytkownik',
        membership: { institutionId: c.session.me.activeInstitutionId, roles: ['pracownik_socjalny'] },
      },
    }),
    expect: () => 201,
  },
  'PUT /api/admin/users/:id': {
    relations: both,
    request: async (c) => {
      const id = await targetUser(c);
      const [u] = await q<{ first_name: string; last_name: string; status: string; version: number }>(
        sql`select first_name, last_name, status, version from users where id = ${id}`,
      );
      return {
        url: `/api/admin/users/${id}`,
        payload: { firstName: u?.first_name, lastName: u?.last_name, status: u?.status, version: u?.version },
      };
    },
    expect: scopedAdmin(200),
  },
  'PUT /api/admin/users/:id/memberships/:institutionId': {
    relations: both,
    request: async (c) => {
      const id = await targetUser(c);
      const [m] = await q<{ institution_id: string; roles: string[] }>(
        sql`select institution_id, roles from memberships where user_id = ${id} order by institution_id limit 1`,
      );
      return {
        url: `/api/admin/users/${id}/memberships/${m?.institution_id}`,
        payload: { roles: m?.roles, active: true },
      };
    },
    expect: scopedAdmin(200),
  },
  'POST /api/admin/users/:id/password-link': {
    relations: both,
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}/password-link` }),
    expect: scopedAdmin(202),
  },
  'POST /api/admin/users/:id/2fa-reset': {
    relations: both,
    // The targets have no second factor: nothing to reset (403) — or the user is out of scope (404).
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}/2fa-reset` }),
    expect: scopedAdmin(403),
  },
  'GET /api/admin/outbox': { request: () => ({ url: '/api/admin/outbox' }), expect: () => 200 },
  'GET /api/audit': { request: () => ({ url: '/api/audit?limit=5' }), expect: () => 200 },
  'GET /api/audit/export.csv': {
    request: () => ({ url: '/api/audit/export.csv?action=auth.logout' }),
    expect: () => 200,
  },
  'GET /api/audit/settings': {
    request: () => ({ url: '/api/audit/settings' }),
    expect: (c) => (c.role === 'audytor' || isSys(c) ? 200 : 403),
  },
  'PUT /api/audit/settings': {
    request: () => ({ url: '/api/audit/settings', payload: { retentionYears: 2 } }),
    expect: () => 200,
  },
  'POST /api/audit/prune': { request: () => ({ url: '/api/audit/prune' }), expect: () => 200 },
};

interface Route {
  method: string;
  url: string;
  access: RouteAccess;
}
let routes: Route[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const seen = new Set<string>();
  routes = t.app.apiRoutes
    .map((r) => ({ ...r, url: r.url.length > 5 ? r.url.replace(/\/$/, '') : r.url }))
    .filter((r) => {
      const key = `${r.method} ${r.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  for (const r of await q<{ email: string; id: string }>(sql`select email, id from users`)) {
    userIds.set(r.email.split('@')[0] as string, r.id);
  }
  for (const role of Object.keys(roles) as Role[]) sessions.set(role, await login(t.app, demoUserOf[role]));
});

const guarded = () => routes.filter((r) => !('public' in r.access));

describe('route × role matrix', () => {
  it('has a case for every non-public route, and every public route says why it is public', () => {
    const missing = guarded()
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !cases[k]);
    expect(missing).toEqual([]);
    const stale = Object.keys(cases).filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    expect(stale).toEqual([]);
    for (const r of routes)
      if ('public' in r.access) expect(r.access.reason.length, `${r.method} ${r.url}`).toBeGreaterThan(5);
  });

  it('answers 401 problem+json to every non-public route without a session', async () => {
    const fails: string[] = [];
    for (const r of guarded()) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401 || !String(res.headers['content-type']).includes('problem+json'))
        fails.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(fails).toEqual([]);
  });

  it('answers every role on its own and another institution’s records as the policy says', async () => {
    const fails: string[] = [];
    let calls = 0;
    for (const r of guarded()) {
      const c = cases[`${r.method} ${r.url}`];
      if (!c) continue;
      for (const role of Object.keys(roles) as Role[]) {
        for (const rel of c.relations ?? ['own']) {
          let session = sessions.get(role) as TestSession;
          const ctx: Ctx = { role, session, rel };
          const holds =
            'permission' in r.access ? session.me.permissions.includes(r.access.permission) : true;
          const expected = holds ? c.expect(ctx) : 403;
          const req = await c.request(ctx);
          const res = await session.inject({
            method: r.method as 'GET',
            url: req.url,
            payload: req.payload as object,
          });
          calls++;
          if (res.statusCode !== expected)
            fails.push(
              `${role} ${rel} ${r.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (c.endsSession && holds) {
            session = await login(t.app, demoUserOf[role]);
            sessions.set(role, session);
          }
        }
      }
    }
    expect(fails).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  });
});
