import { z } from 'zod';

/**
 * The closed list of audited actions. Modules add theirs here, so the auditor's filter and the
 * documentation always know every action that can appear.
 */
export const auditActions = {
  'auth.login': { pl: 'Logowanie', en: 'Login' },
  'auth.login_failed': { pl: 'Nieudane logowanie', en: 'Failed login' },
  'auth.locked': { pl: 'Blokada konta po nieudanych logowaniach', en: 'Account locked after failed logins' },
  'auth.logout': { pl: 'Wylogowanie', en: 'Logout' },
  'auth.logout_everywhere': { pl: 'Wylogowanie ze wszystkich urządzeń', en: 'Logout everywhere' },
  'auth.switch_institution': { pl: 'Zmiana aktywnej instytucji', en: 'Active institution switched' },
  'auth.password_changed': { pl: 'Zmiana hasła', en: 'Password changed' },
  'auth.password_reset_requested': { pl: 'Prośba o reset hasła', en: 'Password reset requested' },
  'auth.password_reset': { pl: 'Ustawienie hasła z linku', en: 'Password set from a link' },
  'auth.2fa_enabled': { pl: 'Włączenie drugiego składnika', en: 'Second factor enabled' },
  'auth.2fa_disabled': { pl: 'Wyłączenie drugiego składnika', en: 'Second factor disabled' },
  'auth.2fa_failed': { pl: 'Błędny kod drugiego składnika', en: 'Wrong second-factor code' },
  'auth.recovery_code_used': { pl: 'Użycie kodu odzyskiwania', en: 'Recovery code used' },
  'access.denied': { pl: 'Odmowa dostępu', en: 'Access denied' },
  'record.read': { pl: 'Odczyt danych', en: 'Record read' },
  'record.create': { pl: 'Utworzenie', en: 'Record created' },
  'record.update': { pl: 'Zmiana', en: 'Record updated' },
  'record.delete': { pl: 'Usunięcie', en: 'Record deleted' },
  'export.download': { pl: 'Eksport / pobranie', en: 'Export / download' },
  'audit.read': { pl: 'Przeglądanie dziennika', en: 'Audit log viewed' },
  'audit.export': { pl: 'Eksport dziennika', en: 'Audit log exported' },
  'audit.prune': { pl: 'Usunięcie wpisów po okresie przechowywania', en: 'Entries pruned after retention' },
  'settings.update': { pl: 'Zmiana ustawień', en: 'Settings changed' },
  'territory.load': { pl: 'Wczytanie danych TERYT', en: 'TERYT data loaded' },
} as const satisfies Record<string, { pl: string; en: string }>;
export type AuditAction = keyof typeof auditActions;
export const auditActionKeys = Object.keys(auditActions) as [AuditAction, ...AuditAction[]];
export const AuditActionKey = z.enum(auditActionKeys);

export const auditOutcomes = ['success', 'denied', 'failure'] as const;
export const AuditOutcome = z.enum(auditOutcomes);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });

export const AuditQuery = z.object({
  userId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
  action: AuditActionKey.optional(),
  outcome: AuditOutcome.optional(),
  recordType: z.string().trim().max(50).optional(),
  recordId: z.string().trim().max(100).optional(),
  /** Inclusive dates (Europe/Warsaw). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset paging: entries older than this id. */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  outcome: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AUDIT_RETENTION_MIN_YEARS = 2;
export const AuditSettings = z.object({
  retentionYears: z.number().int().min(AUDIT_RETENTION_MIN_YEARS).max(50),
});
export type AuditSettings = z.infer<typeof AuditSettings>;
