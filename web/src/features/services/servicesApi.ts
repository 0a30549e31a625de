import type {
  Service,
  ServiceActiveChange,
  ServiceInput,
  ServiceList,
  ServiceMapCounts,
  ServiceSearchQuery,
} from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

/** Filters of the resource map (list and map share them); empty ones are left out of the URL. */
export type ServiceFilters = Partial<Omit<ServiceSearchQuery, 'limit' | 'offset'>>;
export type ServiceSearchParams = ServiceFilters & { limit?: number; offset?: number };

export const serviceKeys = {
  all: () => ['services'] as const,
  lists: () => ['services', 'list'] as const,
  list: (params: ServiceSearchParams) => ['services', 'list', params] as const,
  map: (filters: ServiceFilters) => ['services', 'map', filters] as const,
  one: (id: string) => ['services', 'one', id] as const,
};

export const fetchServices = (params: ServiceSearchParams, signal?: AbortSignal) =>
  apiFetch<ServiceList>('/services', { query: { ...params }, signal });

export const fetchServiceMap = (filters: ServiceFilters, signal?: AbortSignal) =>
  apiFetch<ServiceMapCounts>('/services/map', { query: { ...filters }, signal });

export const fetchService = (id: string, signal?: AbortSignal) =>
  apiFetch<Service>(`/services/${id}`, { signal });

export const createService = (input: ServiceInput) =>
  apiFetch<Service>('/services', { method: 'POST', json: input });

export const updateService = (id: string, service: ServiceInput, version: number) =>
  apiFetch<Service>(`/services/${id}`, { method: 'PUT', json: { service, version } });

export const setServiceActive = (id: string, change: ServiceActiveChange) =>
  apiFetch<Service>(`/services/${id}/active`, { method: 'PUT', json: change });
