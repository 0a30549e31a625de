import type { AuditPage, AuditQuery, AuditSettings } from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

/** The filters of the audit log (everything but paging), as the API names them. */
export type AuditFilters = Partial<Omit<AuditQuery, 'limit' | 'before'>>;

export const AUDIT_PAGE_SIZE = 100;

export const auditKeys = {
  log: (filters: AuditFilters) => ['audit', 'log', filters] as const,
  settings: () => ['audit', 'settings'] as const,
};

export const fetchAuditPage = (filters: AuditFilters, before: number | undefined, signal?: AbortSignal) =>
  apiFetch<AuditPage>('/audit', { query: { ...filters, limit: AUDIT_PAGE_SIZE, before }, signal });

/** The CSV export of the same filters: a plain link, so the browser downloads it with the session cookie. */
export const auditExportUrl = (filters: AuditFilters) => apiUrl('/audit/export.csv', { ...filters });

export const fetchAuditSettings = (signal?: AbortSignal) =>
  apiFetch<AuditSettings>('/audit/settings', { signal });

export const updateAuditSettings = (settings: AuditSettings) =>
  apiFetch<AuditSettings>('/audit/settings', { method: 'PUT', json: settings });
