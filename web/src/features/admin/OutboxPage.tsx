import type { OutboxMessage } from '@kooperacja/domain';
import { Alert, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useCan, useMe } from '../auth/useMe';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { ListPagination } from './ListPagination';
import { linkify } from './linkify';
import { StatusBadge } from './StatusBadge';
import { useOutbox } from './useOutbox';
import { useUrlParams } from './useUrlParams';

const PAGE_SIZE = 20;

function MessageCard({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const titleId = `outbox-${message.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h5" id={titleId}>
            {message.subject}
          </Title>
          {message.sentAt ? (
            <StatusBadge tone="success">
              {t('admin.outbox.sent', { date: formatDateTime(message.sentAt) })}
            </StatusBadge>
          ) : message.lastError ? (
            <StatusBadge tone="danger">{t('admin.outbox.failed')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('admin.outbox.waiting')}</StatusBadge>
          )}
        </Group>
        <Text size="sm">
          {t('admin.outbox.to')}: <strong>{message.to}</strong> · {t('admin.outbox.created')}:{' '}
          {formatDateTime(message.createdAt)}
        </Text>
        {message.lastError && (
          <Text size="sm" c="red.9">
            {t('admin.outbox.lastError')}: {message.lastError}
          </Text>
        )}
        {message.body !== null && (
          <Text
            component="pre"
            size="sm"
            ff="monospace"
            m={0}
            p="sm"
            bg="gray.0"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 4 }}
          >
            {linkify(message.body)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** `/admin/skrzynka`: the e-mails the system queued — without SMTP they wait here (the demo works offline). */
export function OutboxPage() {
  const { t } = useTranslation();
  const { isLoading } = useMe();
  const allowed = useCan('system.admin');
  const { page, update } = useUrlParams();
  const outbox = useOutbox({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, { enabled: allowed });
  const title = t('admin.outbox.title');
  const total = outbox.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs items={[{ label: title }]} />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('admin.outbox.lead')}</Text>
      </Stack>
      {isLoading && <Skeleton height={160} />}
      {!isLoading && !allowed && <Text>{t('admin.outbox.onlySystemAdmin')}</Text>}
      {allowed && outbox.isPending && <Skeleton height={160} />}
      {allowed && outbox.error && <ProblemAlert error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data && (
        <Stack gap="md">
          <Alert
            color={outbox.data.smtpConfigured ? 'kooperacja' : 'yellow'}
            variant="light"
            title={outbox.data.smtpConfigured ? t('admin.outbox.smtpOn') : t('admin.outbox.smtpOff')}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <Text size="sm">
              {outbox.data.smtpConfigured ? t('admin.outbox.smtpOnText') : t('admin.outbox.smtpOffText')}
            </Text>
          </Alert>
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? t('admin.outbox.empty')
              : t('admin.outbox.count', { count: total, formatted: formatNumber(total) })}
          </Text>
          {outbox.data.items.map((m) => (
            <MessageCard key={m.id} message={m} />
          ))}
          <ListPagination
            total={total}
            pageSize={PAGE_SIZE}
            page={page}
            onChange={(p) => update({ strona: String(p) })}
          />
        </Stack>
      )}
    </Stack>
  );
}
