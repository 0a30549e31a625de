import type {
  CaseActionItemCreate,
  CaseMeeting,
  CaseMeetingActionItem,
  CaseMeetingInput,
  CaseMeetingList,
  CaseMessage,
  CaseTeam,
  ConsentInput,
  InboxQuery,
  Referral,
  ReferralAnswer,
  ReferralCreate,
  ReferralList,
  SharedCase,
  TeamInvite,
} from '@kooperacja/domain';
import { apiFetch, apiUrl } from '../../lib/api';

/** Bodies as the client sends them (the parsed shapes of the domain schemas are valid input). */
export type TeamInviteBody = TeamInvite;
export type ConsentBody = ConsentInput;
export type ReferralBody = ReferralCreate;
export type ReferralAnswerBody = ReferralAnswer;
export type CaseMeetingBody = CaseMeetingInput;
export type CaseActionItemBody = CaseActionItemCreate;
/** Case-team meetings are read from the owner's case or from the partner's shared view. */
export type MeetingSide = 'owner' | 'partner';
export interface BlueCardBody {
  since: string | null;
  version: number;
}
export type InboxParams = Partial<Record<keyof InboxQuery, string>>;
/** An invitation in the inbox of the invited institution (`TeamInvitation` of the domain). */
export interface TeamInvitation {
  id: string;
  caseNumber: string;
  fromInstitution: { id: string; name: string };
  invitedBy: { id: string; name: string };
  subjectName: string;
  role: TeamInvite['role'];
  purpose: string | null;
  scopes: TeamInvite['scopes'];
  startsOn: string;
  endsOn: string | null;
  createdAt: string;
  version: number;
}
/** A row of `GET /shared-cases`. */
export interface SharedCaseSummary {
  id: string;
  number: string;
  owner: { id: string; name: string };
  subjectName: string;
  via: ('team' | 'referral')[];
  scopes: TeamInvite['scopes'];
}
export interface Assignee {
  id: string;
  name: string;
}

const enc = encodeURIComponent;
const casePath = (caseId: string) => `/cases/${enc(caseId)}`;

/** Query keys: the case-side ones live under the case detail key, so a case change reloads them too. */
export const sharingKeys = {
  team: (caseId: string) => ['cases', 'detail', caseId, 'team'] as const,
  caseReferrals: (caseId: string) => ['cases', 'detail', caseId, 'referrals'] as const,
  messages: (caseId: string, referralId: string | null) =>
    ['cases', 'detail', caseId, 'messages', referralId ?? 'team'] as const,
  referralsRoot: ['referrals'] as const,
  inbox: (params: InboxParams) => ['referrals', 'inbox', params] as const,
  referral: (id: string) => ['referrals', 'one', id] as const,
  assignees: ['referrals', 'assignees'] as const,
  invitations: ['team-invitations'] as const,
  sharedRoot: ['shared-cases'] as const,
  shared: (caseId: string) => ['shared-cases', caseId] as const,
  meetings: (side: MeetingSide, caseId: string) =>
    side === 'owner'
      ? (['cases', 'detail', caseId, 'meetings'] as const)
      : (['shared-cases', caseId, 'meetings'] as const),
  meeting: (side: MeetingSide, caseId: string, meetingId: string) =>
    [...sharingKeys.meetings(side, caseId), meetingId] as const,
};

// ————— owner side —————

export const fetchTeam = (caseId: string, signal?: AbortSignal) =>
  apiFetch<CaseTeam>(`${casePath(caseId)}/team`, { signal });
export const inviteMember = (caseId: string, body: TeamInviteBody) =>
  apiFetch<{ id: string }>(`${casePath(caseId)}/team`, { method: 'POST', json: body });
export const endMember = (caseId: string, memberId: string, body: { reason: string; version: number }) =>
  apiFetch<void>(`${casePath(caseId)}/team/${enc(memberId)}/end`, { method: 'POST', json: body });

export const addConsent = (caseId: string, body: ConsentBody) =>
  apiFetch<{ id: string }>(`${casePath(caseId)}/consents`, { method: 'POST', json: body });
export const withdrawConsent = (
  caseId: string,
  consentId: string,
  body: { withdrawnOn: string; version: number },
) =>
  apiFetch<void>(`${casePath(caseId)}/consents/${enc(consentId)}/withdraw`, { method: 'POST', json: body });
/** Links the scan of the signed consent form (an attachment of the case just uploaded). */
export const attachConsentScan = (caseId: string, consentId: string, attachmentId: string, version: number) =>
  apiFetch<void>(`${casePath(caseId)}/consents/${enc(consentId)}/signed-scan`, {
    method: 'PUT',
    json: { attachmentId, version },
  });
/** The consent form to print (a plain link: the session cookie authorises it). */
export const consentPdfUrl = (caseId: string, consentId: string) =>
  apiUrl(`${casePath(caseId)}/consents/${enc(consentId)}/pdf`);

export const setBlueCard = (caseId: string, body: BlueCardBody) =>
  apiFetch<{ version: number }>(`${casePath(caseId)}/blue-card`, { method: 'PUT', json: body });

export const fetchCaseReferrals = (caseId: string, signal?: AbortSignal) =>
  apiFetch<ReferralList>(`${casePath(caseId)}/referrals`, { signal });
export const createReferral = (caseId: string, body: ReferralBody) =>
  apiFetch<{ id: string; number: string }>(`${casePath(caseId)}/referrals`, { method: 'POST', json: body });

export const fetchMessages = (caseId: string, referralId: string | null, signal?: AbortSignal) =>
  apiFetch<{ items: CaseMessage[] }>(`${casePath(caseId)}/messages`, {
    query: { referralId },
    signal,
  });
export const postMessage = (caseId: string, body: { body: string; referralId?: string | null }) =>
  apiFetch<{ id: string }>(`${casePath(caseId)}/messages`, { method: 'POST', json: body });

// ————— receiving side —————

export const fetchInbox = (params: InboxParams, signal?: AbortSignal) =>
  apiFetch<ReferralList>('/referrals/inbox', { query: params, signal });
export const fetchAssignees = (signal?: AbortSignal) =>
  apiFetch<{ items: Assignee[] }>('/referrals/assignees', { signal });
export const fetchReferral = (id: string, signal?: AbortSignal) =>
  apiFetch<Referral>(`/referrals/${enc(id)}`, { signal });
export const answerReferral = (id: string, body: ReferralAnswerBody) =>
  apiFetch<Referral>(`/referrals/${enc(id)}/answer`, { method: 'POST', json: body });
export const assignReferral = (id: string, body: { userId: string; version: number }) =>
  apiFetch<Referral>(`/referrals/${enc(id)}/assign`, { method: 'POST', json: body });

export const fetchInvitations = (signal?: AbortSignal) =>
  apiFetch<{ items: TeamInvitation[] }>('/team-invitations', { signal });
export const answerInvitation = (
  memberId: string,
  body:
    | { answer: 'accept'; userId: string; version: number }
    | { answer: 'decline'; reason: string; version: number },
) => apiFetch<void>(`/team-invitations/${enc(memberId)}`, { method: 'POST', json: body });

export const fetchSharedCases = (signal?: AbortSignal) =>
  apiFetch<{ items: SharedCaseSummary[] }>('/shared-cases', { signal });
export const fetchSharedCase = (caseId: string, signal?: AbortSignal) =>
  apiFetch<SharedCase>(`/shared-cases/${enc(caseId)}`, { signal });
export const addPartnerNote = (caseId: string, body: string) =>
  apiFetch<{ id: string }>(`/shared-cases/${enc(caseId)}/notes`, { method: 'POST', json: { body } });
export const completeSharedAction = (caseId: string, actionId: string) =>
  apiFetch<void>(`/shared-cases/${enc(caseId)}/actions/${enc(actionId)}/complete`, { method: 'POST' });

// ————— case-team meetings (both sides) —————

const meetingsPath = (side: MeetingSide, caseId: string) =>
  `${side === 'owner' ? casePath(caseId) : `/shared-cases/${enc(caseId)}`}/meetings`;

export const fetchTeamMeetings = (side: MeetingSide, caseId: string, signal?: AbortSignal) =>
  apiFetch<CaseMeetingList>(meetingsPath(side, caseId), { signal });
export const fetchTeamMeeting = (
  side: MeetingSide,
  caseId: string,
  meetingId: string,
  signal?: AbortSignal,
) => apiFetch<CaseMeeting>(`${meetingsPath(side, caseId)}/${enc(meetingId)}`, { signal });
export const completeMeetingActionItem = (
  side: MeetingSide,
  caseId: string,
  meetingId: string,
  itemId: string,
  done: boolean,
) =>
  apiFetch<CaseMeetingActionItem>(
    `${meetingsPath(side, caseId)}/${enc(meetingId)}/action-items/${enc(itemId)}/done`,
    { method: 'POST', json: { done } },
  );
export const createTeamMeeting = (caseId: string, body: CaseMeetingBody) =>
  apiFetch<CaseMeeting>(meetingsPath('owner', caseId), { method: 'POST', json: body });
export const updateTeamMeeting = (
  caseId: string,
  meetingId: string,
  meeting: CaseMeetingBody,
  version: number,
) =>
  apiFetch<CaseMeeting>(`${meetingsPath('owner', caseId)}/${enc(meetingId)}`, {
    method: 'PUT',
    json: { meeting, version },
  });
export const addMeetingActionItem = (caseId: string, meetingId: string, body: CaseActionItemBody) =>
  apiFetch<CaseMeeting>(`${meetingsPath('owner', caseId)}/${enc(meetingId)}/action-items`, {
    method: 'POST',
    json: body,
  });
