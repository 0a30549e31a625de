import { bigserial, index, inet, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log (RODO accountability, KRI): who read or changed what, when, from where.
 * No foreign keys and no cascades: entries outlive the records and users they name. The database
 * refuses UPDATE, DELETE and TRUNCATE (migration 0003); retention pruning is the only deletion path.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull().default('success'),
    userId: text('user_id'),
    institutionId: text('institution_id'),
    role: text('role'),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    recordType: text('record_type'),
    recordId: text('record_id'),
    /** Changed fields: { field: { before, after } }, special-category values redacted. */
    changes: jsonb('changes'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_record_idx').on(t.recordType, t.recordId, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_institution_idx').on(t.institutionId, t.at),
  ],
);
