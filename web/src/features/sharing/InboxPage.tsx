import type { ReferralStatus } from '@kooperacja/domain';
import {
  Anchor,
  Checkbox,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useInbox, useInvitations } from './hooks';
import { InvitationsPanel } from './InvitationsPanel';
import { useSharingLabels } from './labels';
import { OverdueBadge, ReferralStatusBadge, UrgencyText } from './ReferralBits';
import type { InboxParams } from './sharingApi';

const PAGE_SIZE = 20;
const TABS = ['skierowania', 'zaproszenia'] as const;
type InboxTab = (typeof TABS)[number];

/**
 * `/skrzynka`: the institution's inbox — referrals and requests sent to it (filters in the URL) and
 * invitations to case teams. For users who handle referrals (`referrals.handle`).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const invitations = useInvitations();
  const asked = params.get('karta');
  const tab: InboxTab = TABS.includes(asked as InboxTab) ? (asked as InboxTab) : 'skierowania';
  const count = invitations.data?.items.length ?? 0;
  return (
    <Stack gap="lg">
      <PageTitle>{t('sharing.inbox.title')}</PageTitle>
      <Text>{t('sharing.inbox.lead')}</Text>
      <Tabs
        value={tab}
        onChange={(v) =>
          v &&
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              next.set('karta', v);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('sharing.inbox.tabsLabel')}>
          <Tabs.Tab value="skierowania">{t('sharing.inbox.referralsTab')}</Tabs.Tab>
          <Tabs.Tab value="zaproszenia">
            {count > 0
              ? t('sharing.inbox.invitationsTabCount', { count })
              : t('sharing.inbox.invitationsTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="skierowania" pt="md">
          <ReferralInbox />
        </Tabs.Panel>
        <Tabs.Panel value="zaproszenia" pt="md">
          <InvitationsPanel query={invitations} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ReferralInbox() {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'otwarte';
  const urgency = params.get('pilnosc');
  const mine = params.get('moje') === '1';
  const overdue = params.get('po-terminie') === '1';
  const page = Math.max(1, Number(params.get('strona')) || 1);
  const query: InboxParams = {
    status,
    urgency: urgency ?? undefined,
    mine: mine ? 'true' : undefined,
    overdue: overdue ? 'true' : undefined,
    page: String(page),
    pageSize: String(PAGE_SIZE),
  };
  const inbox = useInbox(query);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!('strona' in changes)) next.delete('strona');
        return next;
      },
      { replace: true },
    );
  const statusOptions = [
    { value: 'otwarte', label: t('sharing.inbox.statusOpen') },
    ...labels.options('statuses'),
  ];
  const items = inbox.data?.items ?? [];
  const total = inbox.data?.total ?? 0;
  return (
    <Stack gap="md">
      <SectionCard titleId="inbox-filters" title={t('sharing.inbox.filters')} padding="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('sharing.referrals.status')}
            data={statusOptions}
            value={status}
            allowDeselect={false}
            onChange={(v) => update({ status: v === 'otwarte' ? null : v })}
            data-testid="inbox-status"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('sharing.referrals.urgency')}
            data={labels.options('urgencies')}
            value={urgency}
            placeholder={t('sharing.inbox.anyUrgency')}
            clearable
            onChange={(v) => update({ pilnosc: v })}
            data-testid="inbox-urgency"
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox
            label={t('sharing.inbox.mine')}
            checked={mine}
            onChange={(e) => update({ moje: e.currentTarget.checked ? '1' : null })}
          />
          <Checkbox
            label={t('sharing.inbox.overdueOnly')}
            checked={overdue}
            onChange={(e) => update({ 'po-terminie': e.currentTarget.checked ? '1' : null })}
          />
        </Group>
      </SectionCard>
      {inbox.isPending && <Skeleton height={200} />}
      {inbox.error ? <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && (
        <Text size="sm" role="status" aria-live="polite">
          {t('sharing.inbox.count', { count: total })}
        </Text>
      )}
      {inbox.data && items.length === 0 && <Text>{t('sharing.inbox.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="inbox-table">
            <Table.Caption>{t('sharing.inbox.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sharing.referrals.number')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.from')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.subject')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.urgency')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.expectedBy')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.status')}</Table.Th>
                <Table.Th scope="col">{t('sharing.referrals.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid={`inbox-row-${r.number}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/skrzynka/${r.id}`} fw={600}>
                      {r.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {labels.label('kinds', r.kind)} · {formatDate(r.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.from.name}</Table.Td>
                  <Table.Td>
                    {r.subjectName ?? (
                      <Text span size="sm" fs="italic">
                        {t('sharing.referrals.hiddenShort')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <UrgencyText urgency={r.urgency} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{r.expectedBy ? formatDate(r.expectedBy) : '—'}</Text>
                      <OverdueBadge overdue={r.overdue} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <ReferralStatusBadge status={r.status as ReferralStatus} />
                  </Table.Td>
                  <Table.Td>{r.assignedUser?.name ?? t('sharing.referrals.unassigned')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(p) => update({ strona: String(p) })}
          getControlProps={(control) => ({
            'aria-label': t(control === 'next' ? 'sharing.inbox.nextPage' : 'sharing.inbox.prevPage'),
          })}
          getItemProps={(p) => ({ 'aria-label': t('sharing.inbox.page', { page: p }) })}
        />
      )}
    </Stack>
  );
}
