import { ActionIcon, Badge, Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from './useNotifications';

function BellIcon() {
  return (
    <svg
      width={22}
      height={22}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The bell in the header: a link to `/powiadomienia` with the unread count as a badge. The link's
 * accessible name says the count in words ("Powiadomienia: 3 nieprzeczytane powiadomienia"); the
 * visible badge is hidden from screen readers so it is not read twice. The count is polled every 60 s.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const unread = data?.unread ?? 0;
  const label =
    unread > 0
      ? t('notifications.bell.label', { unread: t('notifications.bell.unread', { count: unread }) })
      : t('notifications.bell.none');
  return (
    <Box pos="relative">
      <ActionIcon
        component={Link}
        to="/powiadomienia"
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <BellIcon />
      </ActionIcon>
      {unread > 0 && (
        <Badge
          size="xs"
          circle={unread < 10}
          color="red.9"
          pos="absolute"
          top={-4}
          right={-6}
          aria-hidden="true"
          data-testid="notification-badge"
          style={{ pointerEvents: 'none' }}
        >
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </Box>
  );
}
