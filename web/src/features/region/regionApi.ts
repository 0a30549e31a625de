import type {
  JstHistory,
  JstRegisterEntry,
  JstRegisterList,
  JstRegisterUpdate,
  RegionMap,
  RegionMeasure,
  RegionScope,
} from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

/** What the regional map shows: the measure, the level and the day (YYYY-MM-DD). */
export interface RegionMapParams {
  measure: RegionMeasure;
  level: 'gmina' | 'powiat';
  asOf: string;
}

export const regionKeys = {
  all: ['region'] as const,
  scope: () => ['region', 'scope'] as const,
  woj: (woj: string) => ['region', woj] as const,
  map: (woj: string, params: RegionMapParams) => ['region', woj, 'map', params] as const,
  list: (woj: string) => ['region', woj, 'jst'] as const,
  entry: (woj: string, teryt: string) => ['region', woj, 'jst', teryt] as const,
  history: (woj: string, teryt: string) => ['region', woj, 'jst', teryt, 'history'] as const,
};

const base = (woj: string) => `/region/${encodeURIComponent(woj)}`;
const mapQuery = (p: RegionMapParams) => ({ measure: p.measure, level: p.level, asOf: p.asOf });

export const fetchRegionScope = (signal?: AbortSignal) => apiFetch<RegionScope>('/region', { signal });
export const fetchRegionMap = (woj: string, params: RegionMapParams, signal?: AbortSignal) =>
  apiFetch<RegionMap>(`${base(woj)}/map`, { query: mapQuery(params), signal });
export const fetchJstList = (woj: string, signal?: AbortSignal) =>
  apiFetch<JstRegisterList>(`${base(woj)}/jst`, { signal });
export const fetchJstEntry = (woj: string, teryt: string, signal?: AbortSignal) =>
  apiFetch<JstRegisterEntry>(`${base(woj)}/jst/${encodeURIComponent(teryt)}`, { signal });
export const fetchJstHistory = (woj: string, teryt: string, signal?: AbortSignal) =>
  apiFetch<JstHistory>(`${base(woj)}/jst/${encodeURIComponent(teryt)}/history`, { signal });
export const updateJstEntry = (woj: string, teryt: string, body: JstRegisterUpdate) =>
  apiFetch<JstRegisterEntry>(`${base(woj)}/jst/${encodeURIComponent(teryt)}`, { method: 'PUT', json: body });

/** The server's file of the map's table (the same query as the map): CSV or XLSX. */
export const regionMapFileUrl = (woj: string, format: 'csv' | 'xlsx', params: RegionMapParams) =>
  apiUrl(`${base(woj)}/map.${format}`, mapQuery(params));

/** The regional report on a day (summary, map, ROPS project indicators, the register): PDF or XLSX. */
export const regionReportUrl = (woj: string, format: 'pdf' | 'xlsx', asOf: string) =>
  apiUrl(`${base(woj)}/report.${format}`, { asOf });
