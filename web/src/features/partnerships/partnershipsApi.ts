import type {
  Agreement,
  AgreementInput,
  AgreementList,
  MyPartnershipActionItemList,
  Partnership,
  PartnershipActionItem,
  PartnershipActionItemCreate,
  PartnershipCreate,
  PartnershipDashboard,
  PartnershipList,
  PartnershipListQuery,
  PartnershipMeeting,
  PartnershipMeetingInput,
  PartnershipMeetingList,
  PartnershipMemberCreate,
  PartnershipUpdate,
  Problem,
} from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

export type PartnershipListParams = Partial<Record<keyof PartnershipListQuery, string>>;

export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: (params: PartnershipListParams) => ['partnerships', 'list', params] as const,
  one: (id: string) => ['partnerships', 'one', id] as const,
  agreements: (id: string) => ['partnerships', 'one', id, 'agreements'] as const,
  meetings: (id: string) => ['partnerships', 'one', id, 'meetings'] as const,
  meeting: (id: string, meetingId: string) => ['partnerships', 'one', id, 'meetings', meetingId] as const,
  dashboard: (id: string) => ['partnerships', 'one', id, 'dashboard'] as const,
  mine: ['partnerships', 'action-items', 'mine'] as const,
};

const base = (id: string) => `/partnerships/${id}`;

export const fetchPartnerships = (params: PartnershipListParams, signal?: AbortSignal) =>
  apiFetch<PartnershipList>('/partnerships', { query: params, signal });
export const fetchPartnership = (id: string, signal?: AbortSignal) =>
  apiFetch<Partnership>(base(id), { signal });
export const createPartnership = (input: PartnershipCreate) =>
  apiFetch<Partnership>('/partnerships', { method: 'POST', json: input });
export const updatePartnership = (id: string, input: PartnershipUpdate) =>
  apiFetch<Partnership>(base(id), { method: 'PUT', json: input });
export const addMember = (id: string, input: PartnershipMemberCreate) =>
  apiFetch<Partnership>(`${base(id)}/members`, { method: 'POST', json: input });
export const endMember = (id: string, memberId: string, leftOn: string) =>
  apiFetch<Partnership>(`${base(id)}/members/${memberId}/end`, { method: 'POST', json: { leftOn } });

export const fetchAgreements = (id: string, signal?: AbortSignal) =>
  apiFetch<AgreementList>(`${base(id)}/agreements`, { signal });
export const createAgreement = (id: string, input: AgreementInput) =>
  apiFetch<Agreement>(`${base(id)}/agreements`, { method: 'POST', json: input });
export const transitionAgreement = (
  id: string,
  agreementId: string,
  body: { to: string; date: string | null; version: number },
) => apiFetch<Agreement>(`${base(id)}/agreements/${agreementId}/transition`, { method: 'POST', json: body });
export const deleteAgreement = (id: string, a: Pick<Agreement, 'id' | 'version'>) =>
  apiFetch<void>(`${base(id)}/agreements/${a.id}`, { method: 'DELETE', query: { version: a.version } });
export const agreementPdfUrl = (id: string, agreementId: string) =>
  apiUrl(`${base(id)}/agreements/${agreementId}/pdf`);
export const agreementScanUrl = (id: string, agreementId: string) =>
  apiUrl(`${base(id)}/agreements/${agreementId}/signed-scan`);
/** The scan goes as the raw body (the server checks its type by content). */
export async function uploadAgreementScan(
  id: string,
  a: Pick<Agreement, 'id' | 'version'>,
  file: File,
): Promise<Agreement> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(
    apiUrl(`${base(id)}/agreements/${a.id}/signed-scan`, { filename: file.name, version: a.version }),
    { method: 'PUT', headers, body: file },
  );
  const data = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new ApiError(
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: i18n.t('errors.http.title', { status: res.status }),
            status: res.status,
            code: 'bad_request',
          },
    );
  return data as Agreement;
}

export const fetchMeetings = (id: string, signal?: AbortSignal) =>
  apiFetch<PartnershipMeetingList>(`${base(id)}/meetings`, { signal });
export const fetchMeeting = (id: string, meetingId: string, signal?: AbortSignal) =>
  apiFetch<PartnershipMeeting>(`${base(id)}/meetings/${meetingId}`, { signal });
export const createMeeting = (id: string, input: PartnershipMeetingInput) =>
  apiFetch<PartnershipMeeting>(`${base(id)}/meetings`, { method: 'POST', json: input });
export const updateMeeting = (
  id: string,
  meetingId: string,
  meeting: PartnershipMeetingInput,
  version: number,
) =>
  apiFetch<PartnershipMeeting>(`${base(id)}/meetings/${meetingId}`, {
    method: 'PUT',
    json: { meeting, version },
  });
export const addActionItem = (id: string, meetingId: string, input: PartnershipActionItemCreate) =>
  apiFetch<PartnershipMeeting>(`${base(id)}/meetings/${meetingId}/action-items`, {
    method: 'POST',
    json: input,
  });
export const completeActionItem = (id: string, meetingId: string, itemId: string, done: boolean) =>
  apiFetch<PartnershipActionItem>(`${base(id)}/meetings/${meetingId}/action-items/${itemId}/done`, {
    method: 'POST',
    json: { done },
  });

export const fetchDashboard = (id: string, signal?: AbortSignal) =>
  apiFetch<PartnershipDashboard>(`${base(id)}/dashboard`, { signal });
export const fetchMyActionItems = (signal?: AbortSignal) =>
  apiFetch<MyPartnershipActionItemList>('/partnerships/action-items/mine', { signal });
