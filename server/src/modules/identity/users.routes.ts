import {
  auditActions,
  MembershipInput,
  OutboxList,
  type Role,
  RoleKey,
  roles,
  sectors,
  User,
  UserCreateInput,
  UserList,
  UserSearchQuery,
  UserUpdateInput,
} from '@kooperacja/domain';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { emailOutbox, memberships, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { issuePasswordLink } from './auth.routes.js';
import { institutionTypeList } from './institutions.routes.js';
import {
  canManageMembershipsIn,
  grantableRoles,
  type UserTarget,
  userAbilities,
  userInScope,
} from './policies.js';
import {
  actorOf,
  conflict,
  fieldError,
  isForeignKeyViolation,
  isUniqueViolation,
  matchesWords,
  outOfScope,
} from './scope.js';
import { clearSecondFactor, revokeUserSessions } from './session.js';

const IdParams = z.object({ id: z.uuid() });

interface UserRow extends UserTarget {
  email: string;
  firstName: string;
  lastName: string;
  hasPassword: boolean;
  lastLoginAt: string | null;
  version: number;
  memberships: {
    id: string;
    institutionId: string;
    institutionName: string;
    institutionType: string;
    roles: Role[];
    active: boolean;
  }[];
}

/** Users with their memberships; `where` is SQL over the alias `u`. */
async function selectUsers(db: DbOrTx, where: SQL, limit = 1, offset = 0): Promise<UserRow[]> {
  return queryRows<UserRow>(
    db,
    sql`select u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", u.status,
          u.totp_enabled_at is not null as "twoFactorEnabled", u.password_hash is not null as "hasPassword",
          to_char(u.last_login_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastLoginAt", u.version,
          coalesce((select json_agg(json_build_object('id', m.id, 'institutionId', m.institution_id,
              'institutionName', i.name, 'institutionType', i.type, 'roles', m.roles, 'active', m.active)
              order by i.name)
            from memberships m join institutions i on i.id = m.institution_id where m.user_id = u.id), '[]') as memberships
        from users u where ${where}
        order by u.last_name, u.first_name, u.id
        limit ${limit} offset ${offset}`,
  );
}

/** Scope by construction: which users an administrator may see at all. */
function usersInScope(actor: Actor): SQL {
  if (actor.permissions.has('system.admin')) return sql`true`;
  return sql`exists (select 1 from memberships sm where sm.user_id = u.id and sm.institution_id = ${actor.institutionId})`;
}

function present(actor: Actor, row: UserRow): User {
  return { ...row, abilities: userAbilities(actor, row) } as User;
}

function checkRoles(actor: Actor, field: string, wanted: readonly Role[]) {
  const allowed = grantableRoles(actor);
  if (wanted.some((r) => !allowed.includes(r))) throw fieldError(field, 'membership.roleNotAllowed');
}

const userAuditView = (r: Pick<UserRow, 'firstName' | 'lastName' | 'status' | 'email'>) => ({
  email: r.email,
  firstName: r.firstName,
  lastName: r.lastName,
  status: r.status,
});

export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  /** Loads a user in the actor's scope, or logs the attempt and answers 404. */
  async function userForActor(request: Parameters<typeof actorOf>[0], id: string, tx: DbOrTx = db) {
    const actor = actorOf(request);
    const [row] = await selectUsers(tx, sql`u.id = ${id}`);
    if (!row) throw notFound();
    if (!userInScope(actor, row)) await outOfScope(request, 'user', id);
    return { actor, row };
  }

  app.get(
    '/users',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Users the administrator manages (all for a system administrator)',
        querystring: UserSearchQuery,
        response: { 200: UserList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const conds: SQL[] = [usersInScope(actor)];
      if (q.q) conds.push(matchesWords(sql`u.name_search`, q.q));
      if (q.status) conds.push(sql`u.status = ${q.status}`);
      if (q.institutionId || q.role) {
        conds.push(
          sql`exists (select 1 from memberships fm where fm.user_id = u.id
                ${q.institutionId ? sql`and fm.institution_id = ${q.institutionId}` : sql``}
                ${q.role ? sql`and ${q.role} = any(fm.roles)` : sql``})`,
        );
      }
      const where = sql.join(conds, sql` and `);
      const [items, count] = await Promise.all([
        selectUsers(db, where, q.limit, q.offset),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from users u where ${where}`),
      ]);
      return {
        total: count[0]?.n ?? 0,
        items: items.map((r) => present(actor, r)),
        abilities: { create: grantableRoles(actor).length > 0 },
      };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'One user with memberships',
        params: IdParams,
        response: { 200: User },
      },
    },
    async (request) => {
      const { actor, row } = await userForActor(request, request.params.id);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'user',
        recordId: row.id,
      });
      return present(actor, row);
    },
  );

  app.post(
    '/users',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Create a user with a first membership; an invitation link goes to the e-mail outbox',
        body: UserCreateInput,
        response: { 201: User },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      if (!canManageMembershipsIn(actor, input.membership.institutionId)) {
        throw fieldError('membership.institutionId', 'membership.roleNotAllowed');
      }
      checkRoles(actor, 'membership.roles', input.membership.roles);
      const id = await db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(users)
            .values({ email: input.email, firstName: input.firstName, lastName: input.lastName })
            .returning();
          if (!created) throw new Error('insert returned nothing');
          await tx.insert(memberships).values({
            userId: created.id,
            institutionId: input.membership.institutionId,
            roles: input.membership.roles,
          });
          await issuePasswordLink(tx, config.PUBLIC_URL, created, 'invite');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'user',
            recordId: created.id,
            before: null,
            after: { ...userAuditView({ ...created, status: 'active' }), membership: input.membership },
          });
          return created.id;
        })
        .catch((e) => {
          if (isUniqueViolation(e, 'users_email_uq')) throw fieldError('email', 'user.emailTaken');
          if (isForeignKeyViolation(e)) {
            throw fieldError('membership.institutionId', 'institution.inactive');
          }
          throw e;
        });
      const [row] = await selectUsers(db, sql`u.id = ${id}`);
      return reply.status(201).send(present(actor, row as UserRow));
    },
  );

  app.put(
    '/users/:id',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Change a user’s name or status (blocking ends their sessions)',
        params: IdParams,
        body: UserUpdateInput,
        response: { 200: User },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      const { actor, row } = await userForActor(request, request.params.id);
      const abilities = userAbilities(actor, row);
      if (!abilities.update) throw new AppError('forbidden', 'auth.forbidden');
      if (input.status !== row.status && !abilities.block) {
        throw fieldError('status', row.id === actor.userId ? 'user.cannotBlockSelf' : 'auth.forbidden');
      }
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(users)
          .set({ ...input, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(users.id, row.id), eq(users.version, version)))
          .returning({ id: users.id });
        if (!updated.length) throw conflict();
        if (input.status === 'blocked') await revokeUserSessions(tx, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'user',
          recordId: row.id,
          before: userAuditView(row),
          after: userAuditView({ ...row, ...input }),
        });
      });
      const [fresh] = await selectUsers(db, sql`u.id = ${row.id}`);
      return present(actor, fresh as UserRow);
    },
  );

  app.put(
    '/users/:id/memberships/:institutionId',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Grant or change a user’s roles in an institution, or deactivate the membership',
        params: z.object({ id: z.uuid(), institutionId: z.uuid() }),
        body: z.object({ roles: MembershipInput.shape.roles, active: z.boolean().default(true) }),
        response: { 200: User },
      },
    },
    async (request) => {
      const { id, institutionId } = request.params;
      const { actor, row } = await userForActor(request, id);
      if (!canManageMembershipsIn(actor, institutionId)) throw new AppError('forbidden', 'auth.forbidden');
      checkRoles(actor, 'roles', request.body.roles);
      const before = row.memberships.find((m) => m.institutionId === institutionId) ?? null;
      await db
        .transaction(async (tx) => {
          await tx
            .insert(memberships)
            .values({ userId: id, institutionId, roles: request.body.roles, active: request.body.active })
            .onConflictDoUpdate({
              target: [memberships.userId, memberships.institutionId],
              set: { roles: request.body.roles, active: request.body.active },
            });
          await writeAudit(tx, actorFromRequest(request), {
            action: before ? 'record.update' : 'record.create',
            recordType: 'membership',
            recordId: `${id}:${institutionId}`,
            before: before ? { roles: before.roles, active: before.active } : null,
            after: { roles: request.body.roles, active: request.body.active },
          });
        })
        .catch((e) => {
          if (isForeignKeyViolation(e)) throw notFound();
          throw e;
        });
      const [fresh] = await selectUsers(db, sql`u.id = ${id}`);
      return present(actor, fresh as UserRow);
    },
  );

  app.post(
    '/users/:id/password-link',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Send the user a one-time link to set a new password',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { actor, row } = await userForActor(request, request.params.id);
      if (!userAbilities(actor, row).sendPasswordReset) throw new AppError('forbidden', 'auth.forbidden');
      await db.transaction(async (tx) => {
        await issuePasswordLink(tx, config.PUBLIC_URL, row, 'reset');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'auth.password_reset_requested',
          recordType: 'user',
          recordId: row.id,
          details: { byAdministrator: true },
        });
      });
      return reply.status(202).send();
    },
  );

  app.post(
    '/users/:id/2fa-reset',
    {
      config: { access: { permission: 'institution.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Turn off a user’s second factor (lost phone); they set it up again at next login',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { actor, row } = await userForActor(request, request.params.id);
      if (!userAbilities(actor, row).resetTwoFactor) throw new AppError('forbidden', 'auth.forbidden');
      await db.transaction(async (tx) => {
        await clearSecondFactor(tx, row.id);
        await revokeUserSessions(tx, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'auth.2fa_disabled',
          recordType: 'user',
          recordId: row.id,
          details: { byAdministrator: true },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/outbox',
    {
      config: { access: { permission: 'system.admin' } },
      schema: {
        tags: ['admin'],
        summary: 'The e-mail outbox (bodies shown only while no SMTP server is configured)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: OutboxList },
      },
    },
    async (request) => {
      const smtp = !!config.SMTP_URL;
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(emailOutbox)
          .orderBy(desc(emailOutbox.createdAt))
          .limit(request.query.limit)
          .offset(request.query.offset),
        db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox),
      ]);
      await writeAudit(db, actorFromRequest(request), { action: 'record.read', recordType: 'email_outbox' });
      return {
        smtpConfigured: smtp,
        total: count?.n ?? 0,
        items: rows.map((m) => ({
          id: m.id,
          to: m.toAddress,
          subject: m.subject,
          body: smtp ? null : m.body,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
          lastError: m.lastError,
        })),
      };
    },
  );
};

const Label = z.object({ pl: z.string(), en: z.string() });

export const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/identity',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['dictionaries'],
        summary: 'Institution types, sectors, roles and audit actions with their labels',
        response: {
          200: z.object({
            institutionTypes: z.array(z.object({ key: z.string(), label: Label, sector: z.string() })),
            sectors: z.array(z.object({ key: z.string(), label: Label })),
            roles: z.array(z.object({ key: RoleKey, label: Label, permissions: z.array(z.string()) })),
            auditActions: z.array(z.object({ key: z.string(), label: Label })),
          }),
        },
      },
    },
    async () => ({
      institutionTypes: institutionTypeList(),
      sectors: Object.entries(sectors).map(([key, label]) => ({ key, label })),
      roles: (Object.keys(roles) as Role[]).map((key) => ({
        key,
        label: roles[key].label,
        permissions: [...roles[key].permissions],
      })),
      auditActions: Object.entries(auditActions).map(([key, label]) => ({ key, label })),
    }),
  );
};
