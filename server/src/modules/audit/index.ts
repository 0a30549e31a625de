export {
  type AuditAction,
  type AuditActor,
  type AuditEntry,
  actorFromRequest,
  auditActions,
  auditDiff,
  REDACTED,
  writeAudit,
} from './audit.js';
