import type {
  DuplicateCheck,
  Household,
  HouseholdInput,
  Person,
  PersonInput,
  PersonList,
  PersonSearchQuery,
  PersonSensitiveInput,
} from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

export type PersonSearchParams = Partial<PersonSearchQuery>;

export interface HouseholdMemberInput {
  personId: string;
  relation: string;
  fromDate?: string;
}

export const personKeys = {
  all: () => ['persons'] as const,
  search: (params: PersonSearchParams) => ['persons', 'search', params] as const,
  person: (id: string) => ['persons', 'one', id] as const,
  households: () => ['households'] as const,
  household: (id: string) => ['households', 'one', id] as const,
};

const enc = encodeURIComponent;

export const fetchPersons = (params: PersonSearchParams, signal?: AbortSignal) =>
  apiFetch<PersonList>('/persons', { query: { ...params }, signal });

export const fetchPerson = (id: string, signal?: AbortSignal) =>
  apiFetch<Person>(`/persons/${enc(id)}`, { signal });

export const checkDuplicates = (person: PersonInput) =>
  apiFetch<DuplicateCheck>('/persons/check-duplicates', { method: 'POST', json: person });

export const createPerson = (person: PersonInput, confirmNotDuplicate: boolean) =>
  apiFetch<Person>('/persons', { method: 'POST', json: { person, confirmNotDuplicate } });

export const updatePerson = (id: string, person: PersonInput, version: number) =>
  apiFetch<Person>(`/persons/${enc(id)}`, { method: 'PUT', json: { person, version } });

export const updatePersonSensitive = (id: string, sensitive: PersonSensitiveInput, version: number) =>
  apiFetch<Person>(`/persons/${enc(id)}/sensitive`, { method: 'PUT', json: { sensitive, version } });

export interface PersonMergeInput {
  keepId: string;
  mergeId: string;
  keepVersion: number;
  mergeVersion: number;
}

export const mergePersons = (input: PersonMergeInput) =>
  apiFetch<Person>('/persons/merge', { method: 'POST', json: input });

export const fetchHousehold = (id: string, signal?: AbortSignal) =>
  apiFetch<Household>(`/households/${enc(id)}`, { signal });

export const createHousehold = (household: HouseholdInput, members: HouseholdMemberInput[]) =>
  apiFetch<Household>('/households', { method: 'POST', json: { household, members } });

export const updateHousehold = (id: string, household: HouseholdInput, version: number) =>
  apiFetch<Household>(`/households/${enc(id)}`, { method: 'PUT', json: { household, version } });

export const addHouseholdMember = (id: string, member: HouseholdMemberInput, version: number) =>
  apiFetch<Household>(`/households/${enc(id)}/members`, {
    method: 'POST',
    json: { ...member, version },
  });

export const endHouseholdMembership = (
  id: string,
  memberId: string,
  toDate: string | undefined,
  version: number,
) =>
  apiFetch<Household>(`/households/${enc(id)}/members/${enc(memberId)}/end`, {
    method: 'POST',
    json: { toDate, version },
  });
