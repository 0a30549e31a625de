import type {
  MarkAllRead,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  UnreadCount,
} from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

export interface NotificationFilter {
  unread: boolean;
  order: 'unreadFirst' | 'newest';
  page: number;
}
export const PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => ['notifications', 'unread'] as const,
  list: (f: NotificationFilter) => ['notifications', 'list', f] as const,
  preferences: () => ['notifications', 'preferences'] as const,
};

export const fetchUnreadCount = (signal?: AbortSignal) =>
  apiFetch<UnreadCount>('/notifications/unread-count', { signal });

export const fetchNotifications = (f: NotificationFilter, signal?: AbortSignal) =>
  apiFetch<NotificationPage>('/notifications', {
    query: {
      unread: f.unread ? 'true' : undefined,
      order: f.order,
      limit: PAGE_SIZE,
      offset: (f.page - 1) * PAGE_SIZE,
    },
    signal,
  });

export const markNotificationRead = (id: string) =>
  apiFetch<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllNotificationsRead = () =>
  apiFetch<MarkAllRead>('/notifications/read-all', { method: 'POST' });

export const fetchPreferences = (signal?: AbortSignal) =>
  apiFetch<NotificationPreferences>('/notifications/preferences', { signal });

export const savePreferences = (body: NotificationPreferencesUpdate) =>
  apiFetch<NotificationPreferences>('/notifications/preferences', { method: 'PUT', json: body });
