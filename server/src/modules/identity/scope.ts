import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../http/access.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';

/** The actor of a route that declares a permission (the guard has already checked it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'auth.required');
  return request.actor;
}

/**
 * A record exists but lies outside the actor's scope: log the attempt and answer 404, exactly as
 * for a record that does not exist, so its existence does not leak.
 */
export async function outOfScope(
  request: FastifyRequest,
  recordType: string,
  recordId: string,
): Promise<never> {
  await writeAudit(request.server.db, actorFromRequest(request), {
    action: 'access.denied',
    outcome: 'denied',
    recordType,
    recordId,
    details: { method: request.method, route: request.routeOptions.url, reason: 'out_of_scope' },
  });
  throw notFound();
}

/** A single-field validation error. */
export function fieldError(field: string, code: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation_failed', 'validation.summary', { count: 1 }, [{ field, code, params }]);
}

export const conflict = () => new AppError('conflict', 'record.conflict');

/** PostgreSQL foreign-key violation (a referenced record does not exist). */
export function isForeignKeyViolation(e: unknown): boolean {
  return (e as { cause?: { code?: string } })?.cause?.code === '23503';
}

/** PostgreSQL unique violation (drizzle wraps the driver's error as `cause`). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err =
    (e as { cause?: { code?: string; constraint?: string } })?.cause ??
    (e as { code?: string; constraint?: string });
  return (
    err?.code === '23505' && (!constraint || err.constraint === constraint || String(e).includes(constraint))
  );
}

/**
 * Word-by-word search over a `search_text()` column: every word typed must occur, in any order,
 * diacritics- and case-insensitive ("uslug testow" finds "Centrum Usług Społecznych w Testowie").
 */
export function matchesWords(column: SQL, q: string): SQL {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return sql.join(
    words.map((w) => sql`${column} like '%' || search_text(${w}) || '%'`),
    sql` and `,
  );
}
