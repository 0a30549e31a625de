import type { Notification } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { type NotificationFilter, PAGE_SIZE } from './notificationsApi';
import { notificationDetails, notificationTitle } from './notificationText';
import { useMarkRead, useNotificationList } from './useNotifications';

function NotificationItem({
  n,
  onRead,
  busy,
}: {
  n: Notification;
  onRead: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const title = notificationTitle(t, n);
  const details = notificationDetails(t, n);
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-unread={unread}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-kooperacja-7)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            {unread && (
              <Badge size="sm" color="kooperacja.8" variant="filled">
                {t('notifications.unreadMark')}
              </Badge>
            )}
            {n.link ? (
              <Anchor
                component={Link}
                to={n.link}
                fw={unread ? 700 : 400}
                onClick={() => {
                  if (unread) onRead(n.id);
                }}
              >
                {title}
              </Anchor>
            ) : (
              <Text fw={unread ? 700 : 400}>{title}</Text>
            )}
          </Group>
          {details && <Text size="sm">{details}</Text>}
          <Text size="sm" c="dimmed">
            {formatDateTime(n.createdAt)}
            {n.institutionName ? ` · ${n.institutionName}` : ''}
          </Text>
        </Stack>
        {unread && (
          <Button
            variant="subtle"
            size="xs"
            disabled={busy}
            onClick={() => onRead(n.id)}
            aria-label={t('notifications.markReadOf', { title })}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** `/powiadomienia`: my notifications, unread first or by date, paged; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<NotificationFilter>({ unread: false, order: 'unreadFirst', page: 1 });
  const query = useNotificationList(filter);
  const mark = useMarkRead();
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('notifications.title')}</PageTitle>
        <Text maw={820}>{t('notifications.lead')}</Text>
        <Anchor component={Link} to="/konto/powiadomienia" size="sm">
          {t('notifications.settingsLink')}
        </Anchor>
      </Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t('notifications.filter.label')}
            value={filter.unread ? 'unread' : 'all'}
            onChange={(v) => setFilter((f) => ({ ...f, unread: v === 'unread', page: 1 }))}
            data={[
              { value: 'all', label: t('notifications.filter.all') },
              { value: 'unread', label: t('notifications.filter.unread') },
            ]}
          />
          <Select
            label={t('notifications.order.label')}
            w={240}
            allowDeselect={false}
            value={filter.order}
            onChange={(v) =>
              setFilter((f) => ({ ...f, order: v === 'newest' ? 'newest' : 'unreadFirst', page: 1 }))
            }
            data={[
              { value: 'unreadFirst', label: t('notifications.order.unreadFirst') },
              { value: 'newest', label: t('notifications.order.newest') },
            ]}
          />
        </Group>
        <Button
          variant="default"
          onClick={() => mark.mutate(null)}
          loading={mark.isPending && mark.variables === null}
          disabled={!data || data.unread === 0}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {mark.error ? <ProblemAlert error={mark.error} /> : null}
      {query.isPending && <Skeleton height={240} />}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && (
        <>
          <Text size="sm" aria-live="polite">
            {t('notifications.summary', { total: data.total, unread: data.unread })}
          </Text>
          {data.items.length === 0 ? (
            <Text>{filter.unread ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('notifications.title')}
            >
              {data.items.map((n) => (
                <NotificationItem key={n.id} n={n} onRead={(id) => mark.mutate(id)} busy={mark.isPending} />
              ))}
            </Stack>
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={filter.page}
              onChange={(page) => setFilter((f) => ({ ...f, page }))}
              getControlProps={(control) => ({
                'aria-label': t(control === 'next' ? 'notifications.nextPage' : 'notifications.previousPage'),
              })}
              getItemProps={(page) => ({ 'aria-label': t('notifications.page', { page }) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
