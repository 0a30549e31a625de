import {
  LoginInput,
  LoginResult,
  Me,
  PasswordChangeInput,
  PasswordForgotInput,
  PasswordResetInput,
  RecoveryCodes,
  SecondFactorInput,
  SwitchInstitutionInput,
  TotpEnableInput,
  TotpSetup,
} from '@kooperacja/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { passwordTokens, recoveryCodes, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';
import { type AuditActor, actorFromRequest, writeAudit } from '../audit/index.js';
import { buildMe } from './me.js';
import { enqueueEmail } from './outbox.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import {
  type AuthSession,
  clearSecondFactor,
  clearSessionCookie,
  createSession,
  isAdministrator,
  loadSession,
  revokeSession,
  revokeUserSessions,
  setSessionCookie,
} from './session.js';
import { accountKey, checkThrottle, clearFailures, ipKey, recordFailure } from './throttle.js';
import { randomToken, sha256 } from './tokens.js';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp.js';

const loginAccess = { public: true, reason: 'logging in' } as const;
const RESET_TOKEN_HOURS = 1;
export const INVITE_TOKEN_DAYS = 7;
const RECOVERY_CODE_COUNT = 10;

export function passwordPolicyError(field: string, password: string, email: string): AppError | null {
  const problem = passwordProblem(password, email);
  return problem
    ? new AppError('validation_failed', 'validation.summary', { count: 1 }, [
        { field, code: `password.${problem}` },
      ])
    : null;
}

export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomToken(8)
      .replace(/[^a-zA-Z0-9]/g, 'x')
      .slice(0, 10)
      .toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;
  });
}

function requireSession(request: FastifyRequest): AuthSession {
  if (!request.authSession) throw new AppError('unauthenticated', 'auth.required');
  return request.authSession;
}

function refuse(reply: FastifyReply, verdict: { reason: 'locked' | 'slow_down'; retryAfter: number }): never {
  reply.header('retry-after', String(verdict.retryAfter));
  throw verdict.reason === 'locked'
    ? new AppError('rate_limited', 'auth.locked', { minutes: Math.ceil(verdict.retryAfter / 60) })
    : new AppError('rate_limited', 'auth.slowDown', { seconds: verdict.retryAfter });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    secondFactorPending: boolean,
    institutionId: string | null,
  ) {
    const created = await createSession(db, config, {
      userId,
      institutionId,
      secondFactorPending,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, config, created.token, created.expiresAt);
    return created;
  }

  async function completeLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    audit: AuditActor,
  ) {
    const [first] = await queryRows<{ institution_id: string }>(
      db,
      sql`select m.institution_id from memberships m join institutions i on i.id = m.institution_id
          where m.user_id = ${userId} and m.active and i.active order by i.name limit 1`,
    );
    const created = await startSession(request, reply, userId, false, first?.institution_id ?? null);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
      await writeAudit(
        tx,
        { ...audit, userId, institutionId: first?.institution_id ?? null },
        { action: 'auth.login' },
      );
    });
    const session = await loadSession(db, config, created.token);
    if (!session) throw new Error('session vanished right after login');
    return buildMe(session, config);
  }

  app.post(
    '/login',
    {
      config: { access: loginAccess },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: LoginInput,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const audit = actorFromRequest(request);
      const keys = [accountKey(email), ipKey(request.ip)];
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const verdict = await checkThrottle(db, config, keys);
      if (!verdict.allowed) {
        await writeAudit(
          db,
          { ...audit, userId: user?.id ?? null },
          {
            action: 'auth.login_failed',
            outcome: 'denied',
            details: { email, reason: verdict.reason },
          },
        );
        refuse(reply, verdict);
      }
      const ok = (await verifyPassword(user?.passwordHash, password)) && user?.status === 'active';
      if (!ok || !user) {
        await db.transaction(async (tx) => {
          const locked = await recordFailure(tx, config, keys);
          await writeAudit(
            tx,
            { ...audit, userId: user?.id ?? null },
            {
              action: 'auth.login_failed',
              outcome: 'failure',
              details: { email, reason: 'invalid_credentials' },
            },
          );
          for (const key of locked) {
            await writeAudit(
              tx,
              { ...audit, userId: user?.id ?? null },
              {
                action: 'auth.locked',
                outcome: 'denied',
                details: {
                  key: key.startsWith('ip:') ? 'ip' : 'account',
                  email,
                  minutes: config.LOGIN_LOCK_MINUTES,
                },
              },
            );
          }
        });
        throw new AppError('unauthenticated', 'auth.invalidCredentials');
      }
      await clearFailures(db, [keys[0] as string]);
      if (request.authSession) await revokeSession(db, request.authSession.tokenHash);
      if (user.totpEnabledAt) {
        const created = await startSession(request, reply, user.id, true, null);
        return { status: 'second_factor_required' as const, csrfToken: created.csrfToken };
      }
      return { status: 'ok' as const, me: await completeLogin(request, reply, user.id, audit) };
    },
  );

  app.post(
    '/login/second-factor',
    {
      config: { access: loginAccess },
      schema: {
        tags: ['auth'],
        summary: 'Second step of the login: a TOTP code or a recovery code',
        body: SecondFactorInput,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const pending = request.authSession;
      if (!pending?.secondFactorPending) throw new AppError('unauthenticated', 'auth.required');
      const audit = { ...actorFromRequest(request), userId: pending.userId };
      const keys = [accountKey(pending.email), ipKey(request.ip)];
      const verdict = await checkThrottle(db, config, keys);
      if (!verdict.allowed) refuse(reply, verdict);
      const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
      if (!user?.totpSecret) throw new AppError('unauthenticated', 'auth.required');
      let accepted = false;
      await db.transaction(async (tx) => {
        if (request.body.code) {
          const step = verifyTotp(user.totpSecret as string, request.body.code, user.totpLastStep);
          if (step !== null) {
            await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
            accepted = true;
          }
        } else if (request.body.recoveryCode) {
          const hash = sha256(normaliseRecoveryCode(request.body.recoveryCode));
          const used = await tx
            .update(recoveryCodes)
            .set({ usedAt: sql`now()` })
            .where(
              and(
                eq(recoveryCodes.userId, user.id),
                eq(recoveryCodes.codeHash, hash),
                isNull(recoveryCodes.usedAt),
              ),
            )
            .returning({ id: recoveryCodes.id });
          if (used.length) {
            accepted = true;
            await writeAudit(tx, audit, { action: 'auth.recovery_code_used' });
          }
        }
      });
      if (!accepted) {
        await db.transaction(async (tx) => {
          await recordFailure(tx, config, keys);
          await writeAudit(tx, audit, { action: 'auth.2fa_failed', outcome: 'failure' });
        });
        throw new AppError('unauthenticated', 'auth.secondFactorInvalid');
      }
      await clearFailures(db, [keys[0] as string]);
      // A new session token once fully authenticated (no session fixation across the two steps).
      await revokeSession(db, pending.tokenHash);
      return { status: 'ok' as const, me: await completeLogin(request, reply, user.id, audit) };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: { public: true, reason: 'ends the caller’s own session, if any' } },
      schema: { tags: ['auth'], summary: 'Log out: ends this session' },
    },
    async (request, reply) => {
      const s = request.authSession;
      if (s) {
        await db.transaction(async (tx) => {
          await revokeSession(tx, s.tokenHash);
          await writeAudit(tx, { ...actorFromRequest(request), userId: s.userId }, { action: 'auth.logout' });
        });
      }
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  app.post(
    '/logout-everywhere',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'Log out on every device: ends all sessions of the user' },
    },
    async (request, reply) => {
      const s = requireSession(request);
      await db.transaction(async (tx) => {
        await revokeUserSessions(tx, s.userId);
        await writeAudit(tx, actorFromRequest(request), { action: 'auth.logout_everywhere' });
      });
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'The user, memberships, active institution, permissions',
        response: { 200: Me },
      },
    },
    async (request) => buildMe(requireSession(request), config),
  );

  app.post(
    '/institution',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Switch the active institution (one of the user’s active memberships)',
        body: SwitchInstitutionInput,
        response: { 200: Me },
      },
    },
    async (request) => {
      const s = requireSession(request);
      const target = s.memberships.find((m) => m.active && m.institutionId === request.body.institutionId);
      if (!target)
        throw new AppError('validation_failed', 'validation.summary', { count: 1 }, [
          { field: 'institutionId', code: 'institution.notMember' },
        ]);
      await db.transaction(async (tx) => {
        await tx
          .update(sessions)
          .set({ institutionId: target.institutionId })
          .where(eq(sessions.tokenHash, s.tokenHash));
        await writeAudit(
          tx,
          { ...actorFromRequest(request), institutionId: target.institutionId, role: target.roles.join(',') },
          {
            action: 'auth.switch_institution',
            details: { from: request.actor?.institutionId ?? null, to: target.institutionId },
          },
        );
      });
      return buildMe({ ...s, institutionId: target.institutionId }, config);
    },
  );

  app.post(
    '/password/change',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; other sessions end',
        body: PasswordChangeInput,
      },
    },
    async (request, reply) => {
      const s = requireSession(request);
      const [user] = await db.select().from(users).where(eq(users.id, s.userId));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('validation_failed', 'validation.summary', { count: 1 }, [
          { field: 'currentPassword', code: 'password.currentWrong' },
        ]);
      }
      const policy = passwordPolicyError('newPassword', request.body.newPassword, user.email);
      if (policy) throw policy;
      const hash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash: hash, passwordChangedAt: sql`now()` })
          .where(eq(users.id, user.id));
        await revokeUserSessions(tx, user.id, s.tokenHash);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'auth.password_changed',
          recordType: 'user',
          recordId: user.id,
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/password/forgot',
    {
      config: {
        access: {
          public: true,
          reason: 'password reset request; answers the same whether or not the account exists',
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time link to set a new password',
        body: PasswordForgotInput,
      },
    },
    async (request, reply) => {
      const [user] = await db.select().from(users).where(eq(users.email, request.body.email));
      if (user && user.status === 'active') {
        await db.transaction(async (tx) => {
          const recent = await tx
            .select({ h: passwordTokens.tokenHash })
            .from(passwordTokens)
            .where(
              and(
                eq(passwordTokens.userId, user.id),
                gt(passwordTokens.createdAt, sql`now() - interval '1 minute'`),
              ),
            );
          if (recent.length) return;
          await issuePasswordLink(tx, config.PUBLIC_URL, user, 'reset');
          await writeAudit(
            tx,
            { ...actorFromRequest(request), userId: user.id },
            {
              action: 'auth.password_reset_requested',
              recordType: 'user',
              recordId: user.id,
            },
          );
        });
      }
      return reply.status(202).send();
    },
  );

  app.post(
    '/password/reset',
    {
      config: { access: { public: true, reason: 'sets a password from a one-time link' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a one-time link token',
        body: PasswordResetInput,
      },
    },
    async (request, reply) => {
      const tokenHash = sha256(request.body.token);
      const [row] = await db
        .select({ userId: passwordTokens.userId, email: users.email, status: users.status })
        .from(passwordTokens)
        .innerJoin(users, eq(users.id, passwordTokens.userId))
        .where(
          and(
            eq(passwordTokens.tokenHash, tokenHash),
            isNull(passwordTokens.usedAt),
            gt(passwordTokens.expiresAt, sql`now()`),
          ),
        );
      if (row?.status !== 'active') throw new AppError('bad_request', 'auth.tokenInvalid');
      const policy = passwordPolicyError('password', request.body.password, row.email);
      if (policy) throw policy;
      const hash = await hashPassword(request.body.password);
      await db.transaction(async (tx) => {
        const used = await tx
          .update(passwordTokens)
          .set({ usedAt: sql`now()` })
          .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt)))
          .returning({ h: passwordTokens.tokenHash });
        if (!used.length) throw new AppError('bad_request', 'auth.tokenInvalid');
        await tx
          .update(passwordTokens)
          .set({ usedAt: sql`now()` })
          .where(and(eq(passwordTokens.userId, row.userId), isNull(passwordTokens.usedAt)));
        await tx
          .update(users)
          .set({ passwordHash: hash, passwordChangedAt: sql`now()` })
          .where(eq(users.id, row.userId));
        await revokeUserSessions(tx, row.userId);
        await clearFailures(tx, [accountKey(row.email)]);
        await writeAudit(
          tx,
          { ...actorFromRequest(request), userId: row.userId },
          {
            action: 'auth.password_reset',
            recordType: 'user',
            recordId: row.userId,
          },
        );
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/2fa/setup',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up TOTP: a new secret and its QR code',
        response: { 200: TotpSetup },
      },
    },
    async (request) => {
      const s = requireSession(request);
      if (s.twoFactorEnabled) throw new AppError('conflict', 'totp.alreadyEnabled');
      const secret = generateTotpSecret();
      await db.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, s.userId));
      const uri = otpauthUri(secret, s.email);
      const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { secret, otpauthUri: uri, qrSvg };
    },
  );

  app.post(
    '/2fa/enable',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP with a code from the app; returns recovery codes (shown once)',
        body: TotpEnableInput,
        response: { 200: RecoveryCodes },
      },
    },
    async (request) => {
      const s = requireSession(request);
      const [user] = await db.select().from(users).where(eq(users.id, s.userId));
      if (!user?.totpSecret || user.totpEnabledAt) throw new AppError('conflict', 'totp.notStarted');
      const step = verifyTotp(user.totpSecret, request.body.code, null);
      if (step === null) {
        throw new AppError('validation_failed', 'validation.summary', { count: 1 }, [
          { field: 'code', code: 'totp.wrongCode' },
        ]);
      }
      const codes = newRecoveryCodes();
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpEnabledAt: sql`now()`, totpLastStep: step })
          .where(eq(users.id, user.id));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
        await tx
          .insert(recoveryCodes)
          .values(codes.map((c) => ({ userId: user.id, codeHash: sha256(normaliseRecoveryCode(c)) })));
        await writeAudit(tx, actorFromRequest(request), {
          action: 'auth.2fa_enabled',
          recordType: 'user',
          recordId: user.id,
        });
      });
      return { recoveryCodes: codes };
    },
  );

  app.post(
    '/2fa/disable',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor off (not for administrators when it is required)',
        body: z.object({ password: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const s = requireSession(request);
      if (config.REQUIRE_ADMIN_2FA && isAdministrator(s.memberships))
        throw new AppError('forbidden', 'totp.requiredForRole');
      const [user] = await db.select().from(users).where(eq(users.id, s.userId));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.password))) {
        throw new AppError('validation_failed', 'validation.summary', { count: 1 }, [
          { field: 'password', code: 'password.currentWrong' },
        ]);
      }
      await db.transaction(async (tx) => {
        await clearSecondFactor(tx, user.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'auth.2fa_disabled',
          recordType: 'user',
          recordId: user.id,
        });
      });
      return reply.status(204).send();
    },
  );
};

/** Creates a one-time link (reset: 1 hour, invitation: 7 days) and queues the e-mail carrying it. */
export async function issuePasswordLink(
  tx: Parameters<typeof enqueueEmail>[0],
  publicUrl: string,
  user: { id: string; email: string; firstName: string },
  purpose: 'reset' | 'invite',
): Promise<void> {
  const token = randomToken();
  const hours = purpose === 'reset' ? RESET_TOKEN_HOURS : INVITE_TOKEN_DAYS * 24;
  await tx.insert(passwordTokens).values({
    tokenHash: sha256(token),
    userId: user.id,
    purpose,
    expiresAt: new Date(Date.now() + hours * 3600_000),
  });
  const link = `${publicUrl.replace(/\/$/, '')}/haslo/ustaw?token=${encodeURIComponent(token)}`;
  const body =
    purpose === 'reset'
      ? `Dzień dobry ${user.firstName},\n\nktoś (zapewne Ty) poprosił o ustawienie nowego hasła w systemie Kooperacja.\nUstaw je tutaj w ciągu ${RESET_TOKEN_HOURS} godziny:\n\n${link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło się nie zmieni.\n\n— Kooperacja`
      : `Dzień dobry ${user.firstName},\n\nzałożono dla Ciebie konto w systemie Kooperacja (${user.email}).\nUstaw hasło w ciągu ${INVITE_TOKEN_DAYS} dni:\n\n${link}\n\n— Kooperacja`;
  await enqueueEmail(tx, {
    to: user.email,
    subject: purpose === 'reset' ? 'Kooperacja: ustaw nowe hasło' : 'Kooperacja: zaproszenie do systemu',
    body,
  });
}
