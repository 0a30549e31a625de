import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchAgreements,
  fetchDashboard,
  fetchMeeting,
  fetchMeetings,
  fetchMyActionItems,
  fetchPartnership,
  fetchPartnerships,
  type PartnershipListParams,
  partnershipKeys,
} from './partnershipsApi';

export function usePartnershipList(params: PartnershipListParams) {
  return useQuery({
    queryKey: partnershipKeys.list(params),
    queryFn: ({ signal }) => fetchPartnerships(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePartnership(id: string) {
  return useQuery({
    queryKey: partnershipKeys.one(id),
    queryFn: ({ signal }) => fetchPartnership(id, signal),
  });
}

export function useAgreements(id: string) {
  return useQuery({
    queryKey: partnershipKeys.agreements(id),
    queryFn: ({ signal }) => fetchAgreements(id, signal),
  });
}

export function useMeetings(id: string) {
  return useQuery({
    queryKey: partnershipKeys.meetings(id),
    queryFn: ({ signal }) => fetchMeetings(id, signal),
  });
}

export function useMeeting(id: string, meetingId: string | null) {
  return useQuery({
    queryKey: partnershipKeys.meeting(id, meetingId ?? ''),
    queryFn: ({ signal }) => fetchMeeting(id, meetingId as string, signal),
    enabled: !!meetingId,
  });
}

export function useDashboard(id: string) {
  return useQuery({
    queryKey: partnershipKeys.dashboard(id),
    queryFn: ({ signal }) => fetchDashboard(id, signal),
  });
}

export function useMyActionItems() {
  return useQuery({ queryKey: partnershipKeys.mine, queryFn: ({ signal }) => fetchMyActionItems(signal) });
}
