import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchAssignees,
  fetchCaseReferrals,
  fetchInbox,
  fetchInvitations,
  fetchMessages,
  fetchReferral,
  fetchSharedCase,
  fetchSharedCases,
  fetchTeam,
  fetchTeamMeeting,
  fetchTeamMeetings,
  type InboxParams,
  type MeetingSide,
  sharingKeys,
} from './sharingApi';

/** `GET /cases/:id/team`: members, consents and whether the caller forms the team. */
export function useCaseTeam(caseId: string) {
  return useQuery({ queryKey: sharingKeys.team(caseId), queryFn: ({ signal }) => fetchTeam(caseId, signal) });
}

export function useCaseReferrals(caseId: string) {
  return useQuery({
    queryKey: sharingKeys.caseReferrals(caseId),
    queryFn: ({ signal }) => fetchCaseReferrals(caseId, signal),
  });
}

export function useMessages(caseId: string, referralId: string | null, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.messages(caseId, referralId),
    queryFn: ({ signal }) => fetchMessages(caseId, referralId, signal),
    enabled,
  });
}

export function useInbox(params: InboxParams) {
  return useQuery({
    queryKey: sharingKeys.inbox(params),
    queryFn: ({ signal }) => fetchInbox(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: string | null) {
  return useQuery({
    queryKey: sharingKeys.referral(id ?? ''),
    queryFn: ({ signal }) => fetchReferral(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useAssignees(enabled = true) {
  return useQuery({
    queryKey: sharingKeys.assignees,
    queryFn: ({ signal }) => fetchAssignees(signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useInvitations() {
  return useQuery({ queryKey: sharingKeys.invitations, queryFn: ({ signal }) => fetchInvitations(signal) });
}

export function useSharedCases() {
  return useQuery({ queryKey: sharingKeys.sharedRoot, queryFn: ({ signal }) => fetchSharedCases(signal) });
}

export function useSharedCase(caseId: string) {
  return useQuery({
    queryKey: sharingKeys.shared(caseId),
    queryFn: ({ signal }) => fetchSharedCase(caseId, signal),
  });
}

/** Case-team meetings of a case: the owner's (with whom to invite) or those my institution attends. */
export function useTeamMeetings(side: MeetingSide, caseId: string) {
  return useQuery({
    queryKey: sharingKeys.meetings(side, caseId),
    queryFn: ({ signal }) => fetchTeamMeetings(side, caseId, signal),
  });
}

export function useTeamMeeting(side: MeetingSide, caseId: string, meetingId: string | null) {
  return useQuery({
    queryKey: sharingKeys.meeting(side, caseId, meetingId ?? ''),
    queryFn: ({ signal }) => fetchTeamMeeting(side, caseId, meetingId as string, signal),
    enabled: Boolean(meetingId),
  });
}
