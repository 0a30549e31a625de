import { apiFetch } from '../../lib/api';

/** `GET /api/health` (not part of the shared domain contract). */
export interface HealthStatus {
  status: 'ok' | string;
  database: 'ok' | string;
  engine: 'pglite' | 'postgres' | string;
  version: string;
}

export const fetchHealth = (signal?: AbortSignal) => apiFetch<HealthStatus>('/health', { signal });
