import type { TerritorySummary, UnitDetail, UnitKind, UnitLevel, UnitSearchResult } from '@kooperacja/domain';
import type { Topology } from 'topojson-specification';
import { apiFetch } from '../../lib/api';

export interface UnitSearchParams {
  q?: string;
  level?: UnitLevel;
  kind?: UnitKind;
  /** TERYT code of a województwo or powiat to search within. */
  within?: string;
  limit?: number;
  offset?: number;
}

export const territoryKeys = {
  all: ['territory'] as const,
  search: (params: UnitSearchParams) => ['territory', 'units', params] as const,
  unit: (teryt: string) => ['territory', 'unit', teryt] as const,
  summary: () => ['territory', 'summary'] as const,
  boundaries: () => ['territory', 'boundaries'] as const,
  index: () => ['territory', 'index'] as const,
};

export const fetchUnits = (params: UnitSearchParams, signal?: AbortSignal) =>
  apiFetch<UnitSearchResult>('/territory/units', { query: { ...params }, signal });

export const fetchUnit = (teryt: string, signal?: AbortSignal) =>
  apiFetch<UnitDetail>(`/territory/units/${encodeURIComponent(teryt)}`, { signal });

export const fetchSummary = (signal?: AbortSignal) =>
  apiFetch<TerritorySummary>('/territory/summary', { signal });

export const fetchBoundaries = (signal?: AbortSignal) =>
  apiFetch<Topology>('/territory/boundaries', { signal });
