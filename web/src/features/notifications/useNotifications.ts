import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotifications,
  fetchPreferences,
  fetchUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationFilter,
  notificationKeys,
  savePreferences,
} from './notificationsApi';

/** How often the bell asks for the unread count (not faster: every open tab polls). */
export const UNREAD_POLL_MS = 60_000;

/** The bell's unread count, polled every 60 s while the app is open. */
export function useUnreadCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    enabled,
  });
}

export function useNotificationList(filter: NotificationFilter) {
  return useQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ signal }) => fetchNotifications(filter, signal),
    placeholderData: keepPreviousData,
  });
}

/** Marks read (one, or all when no id); refreshes the list and the bell. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null): Promise<void> => {
      if (id) await markNotificationRead(id);
      else await markAllNotificationsRead();
    },
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => fetchPreferences(signal),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: savePreferences,
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences(), saved),
  });
}
