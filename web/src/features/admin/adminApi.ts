import type {
  Institution,
  InstitutionInput,
  InstitutionList,
  InstitutionSearchQuery,
  InstitutionType,
  OutboxList,
  Role,
  Sector,
  User,
  UserCreateInput,
  UserList,
  UserSearchQuery,
  UserUpdateInput,
} from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

/** A label in both UI languages, as the dictionaries endpoint sends it. */
export interface LocalizedLabel {
  pl: string;
  en: string;
}

/** `GET /api/dictionaries/identity`: the lists the admin and audit screens offer, with their labels. */
export interface IdentityDictionaries {
  institutionTypes: { key: InstitutionType; label: LocalizedLabel; sector: Sector }[];
  sectors: { key: Sector; label: LocalizedLabel }[];
  roles: { key: Role; label: LocalizedLabel; permissions: string[] }[];
  auditActions: { key: string; label: LocalizedLabel }[];
}

export type InstitutionSearchParams = Partial<InstitutionSearchQuery>;
export type UserSearchParams = Partial<UserSearchQuery>;

export interface OutboxParams {
  limit?: number;
  offset?: number;
}

export interface MembershipChange {
  roles: Role[];
  active: boolean;
}

export const adminKeys = {
  dictionaries: () => ['dictionaries', 'identity'] as const,
  institutions: () => ['admin', 'institutions'] as const,
  institutionSearch: (params: InstitutionSearchParams) =>
    ['admin', 'institutions', 'search', params] as const,
  institution: (id: string) => ['admin', 'institutions', 'one', id] as const,
  users: () => ['admin', 'users'] as const,
  userSearch: (params: UserSearchParams) => ['admin', 'users', 'search', params] as const,
  user: (id: string) => ['admin', 'users', 'one', id] as const,
  outbox: (params: OutboxParams) => ['admin', 'outbox', params] as const,
};

export const fetchIdentityDictionaries = (signal?: AbortSignal) =>
  apiFetch<IdentityDictionaries>('/dictionaries/identity', { signal });

export const fetchInstitutions = (params: InstitutionSearchParams, signal?: AbortSignal) =>
  apiFetch<InstitutionList>('/institutions', { query: { ...params }, signal });

export const fetchInstitution = (id: string, signal?: AbortSignal) =>
  apiFetch<Institution>(`/institutions/${encodeURIComponent(id)}`, { signal });

export const createInstitution = (input: InstitutionInput) =>
  apiFetch<Institution>('/institutions', { method: 'POST', json: input });

export const updateInstitution = (id: string, input: InstitutionInput & { version: number }) =>
  apiFetch<Institution>(`/institutions/${encodeURIComponent(id)}`, { method: 'PUT', json: input });

export const fetchUsers = (params: UserSearchParams, signal?: AbortSignal) =>
  apiFetch<UserList>('/admin/users', { query: { ...params }, signal });

export const fetchUser = (id: string, signal?: AbortSignal) =>
  apiFetch<User>(`/admin/users/${encodeURIComponent(id)}`, { signal });

export const createUser = (input: UserCreateInput) =>
  apiFetch<User>('/admin/users', { method: 'POST', json: input });

export const updateUser = (id: string, input: UserUpdateInput) =>
  apiFetch<User>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PUT', json: input });

export const setMembership = (userId: string, institutionId: string, change: MembershipChange) =>
  apiFetch<User>(
    `/admin/users/${encodeURIComponent(userId)}/memberships/${encodeURIComponent(institutionId)}`,
    { method: 'PUT', json: change },
  );

export const sendPasswordLink = (userId: string) =>
  apiFetch<void>(`/admin/users/${encodeURIComponent(userId)}/password-link`, { method: 'POST' });

export const resetTwoFactor = (userId: string) =>
  apiFetch<void>(`/admin/users/${encodeURIComponent(userId)}/2fa-reset`, { method: 'POST' });

export const fetchOutbox = (params: OutboxParams, signal?: AbortSignal) =>
  apiFetch<OutboxList>('/admin/outbox', { query: { ...params }, signal });
