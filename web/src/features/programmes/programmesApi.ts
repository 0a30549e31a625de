import type {
  CatalogueImportResult,
  ProgrammeNodeDetail,
  ProgrammeNodeInput,
  ProgrammeNodeUpdate,
  ProgrammePlacementList,
  ProgrammeTree,
} from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

export const programmeKeys = {
  all: () => ['programmes'] as const,
  tree: () => ['programmes', 'tree'] as const,
  placements: () => ['programmes', 'placements'] as const,
  node: (id: string) => ['programmes', 'node', id] as const,
};

export const fetchProgrammeTree = (signal?: AbortSignal) =>
  apiFetch<ProgrammeTree>('/programmes', { signal });

export const fetchPlacements = (signal?: AbortSignal) =>
  apiFetch<ProgrammePlacementList>('/programmes/placements', { signal });

export const fetchProgrammeNode = (id: string, signal?: AbortSignal) =>
  apiFetch<ProgrammeNodeDetail>(`/programmes/${id}`, { signal });

export const createProgrammeNode = (input: ProgrammeNodeInput) =>
  apiFetch<ProgrammeNodeDetail>('/programmes', { method: 'POST', json: input });

export const updateProgrammeNode = (id: string, body: ProgrammeNodeUpdate) =>
  apiFetch<ProgrammeNodeDetail>(`/programmes/${id}`, { method: 'PUT', json: body });

export const setProgrammeNodeActive = (id: string, active: boolean, version: number) =>
  apiFetch<ProgrammeNodeDetail>(`/programmes/${id}/active`, { method: 'PUT', json: { active, version } });

export const deleteProgrammeNode = (id: string, version: number) =>
  apiFetch<null>(`/programmes/${id}`, { method: 'DELETE', query: { version } });

/** The address of the JSON export (the whole catalogue, or one programme). */
export const exportUrl = (programmeId?: string) =>
  apiUrl('/programmes/export', programmeId ? { programme: programmeId } : undefined);

export const importCatalogue = (document: unknown, dryRun: boolean) =>
  apiFetch<CatalogueImportResult>('/programmes/import', {
    method: 'POST',
    query: { dryRun: dryRun ? 'true' : 'false' },
    json: document,
  });
