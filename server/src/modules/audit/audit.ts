import type { AuditAction } from '@kooperacja/domain';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/database.js';
import { auditLog } from '../../db/schema/index.js';

export { type AuditAction, auditActionKeys as auditActions } from '@kooperacja/domain';

/** Who acts and from where; built from the request by the identity module. */
export interface AuditActor {
  userId?: string | null;
  institutionId?: string | null;
  role?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export function actorFromRequest(request: FastifyRequest): AuditActor {
  return {
    userId: request.actor?.userId ?? null,
    institutionId: request.actor?.institutionId ?? null,
    role: request.actor?.roles.join(',') || null,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    requestId: request.id,
  };
}

export interface AuditEntry {
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failure';
  recordType?: string;
  recordId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields whose values are special-category data (RODO art. 9): logged as changed, never their value. */
  sensitiveFields?: readonly string[];
  details?: Record<string, unknown>;
}

export const REDACTED = '[redacted]';

/** The fields that differ between before and after, with special-category values redacted. */
export function auditDiff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  sensitive: readonly string[] = [],
): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of [...keys].sort()) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = sensitive.includes(k)
      ? { before: b === null ? null : REDACTED, after: a === null ? null : REDACTED }
      : { before: b, after: a };
  }
  return out;
}

/**
 * Writes one audit entry. Call it with the transaction of the change it records: if the entry
 * cannot be written, the change rolls back with it (fail-closed).
 */
export async function writeAudit(db: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const changes =
    entry.before !== undefined || entry.after !== undefined
      ? auditDiff(entry.before, entry.after, entry.sensitiveFields)
      : null;
  await db.insert(auditLog).values({
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    userId: actor.userId ?? null,
    institutionId: actor.institutionId ?? null,
    role: actor.role ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    changes,
    details: entry.details ?? null,
  });
}
