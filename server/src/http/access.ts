import type { Permission, Role } from '@kooperacja/domain';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from './problem.js';

/**
 * Every API route says who may call it: `{ public: true }` for routes anyone may call (health,
 * reference data, the public application form), or the permission it needs. A route that says
 * neither stops the server at start-up: access is denied by default, never forgotten.
 */
export type RouteAccess =
  | { public: true; reason: string }
  /** Any logged-in user, whatever their roles (their own profile, session, second factor). */
  | { authenticated: true }
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The authenticated actor; set by the identity module from the session cookie. */
    actor?: Actor;
  }
}

/** Who is calling: the user, the institution they act for, and what their roles there allow. */
export interface Actor {
  userId: string;
  /** The active institution (null only for a user without any active membership). */
  institutionId: string | null;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  sessionId: string;
}

export class UndeclaredAccessError extends Error {
  constructor(method: string, url: string) {
    super(`Route ${method} ${url} declares neither a permission nor that it is public (config.access)`);
    this.name = 'UndeclaredAccessError';
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Installs the deny-by-default guard; returns the live list of registered API routes. */
export function registerAccessControl(
  app: FastifyInstance,
  onDenied?: (request: FastifyRequest, permission: Permission) => Promise<void>,
): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('actor', undefined);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    // Documentation routes registered by @fastify/swagger-ui are public by nature.
    if (route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) throw new UndeclaredAccessError(methods.join(','), route.url);
    for (const method of methods) routes.push({ method, url: route.url, access });
  });

  // preValidation: after the identity module's onRequest hook, before input validation (401 before 400).
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    if (!request.actor) throw new AppError('unauthenticated', 'auth.required');
    if ('permission' in access && !request.actor.permissions.has(access.permission)) {
      await onDenied?.(request, access.permission);
      throw new AppError('forbidden', 'auth.forbidden');
    }
  });

  return routes;
}
