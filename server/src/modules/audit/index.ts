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
export { auditRoutes, csvCell, retentionYears } from './audit.routes.js';
