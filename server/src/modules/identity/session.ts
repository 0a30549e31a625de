import type {} from '@fastify/cookie';
import { type Permission, permissionsOf, type Role, roles as roleDefs } from '@kooperacja/domain';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { recoveryCodes, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';
import { randomToken, safeEqual, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'kooperacja_session';
export const CSRF_HEADER = 'x-csrf-token';
const TOUCH_EVERY_MS = 60_000;

/** Roles that must use a second factor when REQUIRE_ADMIN_2FA is on. */
export const ADMIN_ROLES: readonly Role[] = ['administrator_systemu', 'administrator_instytucji'];

/** Whether any active membership holds an administrator role (REQUIRE_ADMIN_2FA applies). */
export function isAdministrator(memberships: readonly Pick<MembershipRow, 'active' | 'roles'>[]): boolean {
  return memberships.some((m) => m.active && m.roles.some((r) => ADMIN_ROLES.includes(r)));
}

/** Turns a user's second factor off: secret, replay step and recovery codes. */
export async function clearSecondFactor(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export interface MembershipRow {
  id: string;
  institutionId: string;
  institutionName: string;
  institutionType: string;
  roles: Role[];
  active: boolean;
}

/** The session behind the request's cookie, valid and not expired. */
export interface AuthSession {
  tokenHash: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  twoFactorEnabled: boolean;
  institutionId: string | null;
  csrfToken: string;
  secondFactorPending: boolean;
  expiresAt: Date;
  memberships: MembershipRow[];
  twoFactorSetupRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    authSession?: AuthSession;
  }
}

export function cookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.PUBLIC_URL.startsWith('https:'),
  };
}

export async function createSession(
  db: DbOrTx,
  config: Config,
  opts: {
    userId: string;
    institutionId: string | null;
    secondFactorPending: boolean;
    ip: string;
    userAgent?: string;
  },
) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.SESSION_ABSOLUTE_HOURS * 3600_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: opts.userId,
    institutionId: opts.institutionId,
    csrfToken,
    secondFactorPending: opts.secondFactorPending,
    expiresAt,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config), expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}

interface SessionQueryRow {
  token_hash: string;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  status: string;
  totp_enabled: boolean;
  institution_id: string | null;
  csrf_token: string;
  second_factor_pending: boolean;
  expires_at: string | Date;
  idle: boolean;
  stale: boolean;
  memberships: MembershipRow[] | null;
}

/** Loads a session by its token: one query for the session, the user and their memberships. */
export async function loadSession(db: DbOrTx, config: Config, token: string): Promise<AuthSession | null> {
  const tokenHash = sha256(token);
  const [row] = await queryRows<SessionQueryRow>(
    db,
    sql`select s.token_hash, s.user_id, u.email, u.first_name, u.last_name, u.status,
          u.totp_enabled_at is not null as totp_enabled, s.institution_id, s.csrf_token,
          s.second_factor_pending, s.expires_at,
          s.last_seen_at < now() - make_interval(mins => ${config.SESSION_IDLE_MINUTES}) or s.expires_at < now() as idle,
          s.last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_MS / 1000}) as stale,
          (select json_agg(json_build_object(
              'id', m.id, 'institutionId', m.institution_id, 'institutionName', i.name,
              'institutionType', i.type, 'roles', m.roles, 'active', m.active and i.active)
            order by i.name)
           from memberships m join institutions i on i.id = m.institution_id
           where m.user_id = u.id) as memberships
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash}`,
  );
  if (!row) return null;
  if (row.idle || row.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (row.stale) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
  }
  const memberships = (row.memberships ?? []).map((m) => ({
    ...m,
    roles: m.roles.filter((r): r is Role => r in roleDefs),
  }));
  const isAdmin = isAdministrator(memberships);
  return {
    tokenHash,
    userId: row.user_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    twoFactorEnabled: row.totp_enabled,
    institutionId: row.institution_id,
    csrfToken: row.csrf_token,
    secondFactorPending: row.second_factor_pending,
    expiresAt: new Date(row.expires_at),
    memberships,
    twoFactorSetupRequired: config.REQUIRE_ADMIN_2FA && isAdmin && !row.totp_enabled,
  };
}

/** The membership the session acts in: the chosen one if still active, else the first active one. */
export function activeMembership(
  s: Pick<AuthSession, 'memberships' | 'institutionId'>,
): MembershipRow | null {
  const active = s.memberships.filter((m) => m.active);
  return active.find((m) => m.institutionId === s.institutionId) ?? active[0] ?? null;
}

export function permissionsOfSession(s: AuthSession): Set<Permission> {
  const m = activeMembership(s);
  if (!m || s.secondFactorPending || s.twoFactorSetupRequired) return new Set();
  return permissionsOf(m.roles);
}

export async function deleteExpiredSessions(db: DbOrTx, config: Config): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, sql`now()`),
        lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${config.SESSION_IDLE_MINUTES})`),
      ),
    );
}

export async function revokeSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeUserSessions(db: DbOrTx, userId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
        : eq(sessions.userId, userId),
    );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function expectedOrigins(request: FastifyRequest, config: Config): string[] {
  const host = request.headers.host;
  return [new URL(config.PUBLIC_URL).origin, ...(host ? [`${request.protocol}://${host}`] : [])];
}

/**
 * Reads the session cookie into `request.authSession` and `request.actor`, and refuses
 * state-changing requests that fail the CSRF checks: a foreign Origin (or a cross-site fetch), or,
 * with a session, a missing or wrong X-CSRF-Token header.
 */
export function registerSessionHook(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(app.db, app.config, token);
      if (!session) clearSessionCookie(reply, app.config);
      else {
        request.authSession = session;
        if (!session.secondFactorPending) {
          const m = activeMembership(session);
          request.actor = {
            userId: session.userId,
            institutionId: m?.institutionId ?? null,
            roles: m?.roles ?? [],
            permissions: permissionsOfSession(session),
            sessionId: session.tokenHash,
          };
        }
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!expectedOrigins(request, app.config).includes(origin))
        throw new AppError('forbidden', 'csrf.origin');
    } else if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError('forbidden', 'csrf.origin');
    }
    if (request.authSession) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, request.authSession.csrfToken)) {
        throw new AppError('forbidden', 'csrf.token');
      }
    }
  });
}
