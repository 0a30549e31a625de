import type { Referral, ReferralStatus } from '@kooperacja/domain';
import { Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { Facts } from '../cases/page/Facts';
import { referralStatusColor, useSharingLabels } from './labels';
import { ScopeChips } from './ScopeChips';

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const labels = useSharingLabels();
  return (
    <Badge variant="light" color={referralStatusColor[status]} tt="none" data-testid="referral-status">
      {labels.label('statuses', status)}
    </Badge>
  );
}

/** "po terminie" in words (and colour): the expected date passed while the referral is open. */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Badge variant="filled" color="red" tt="none" data-testid="overdue-badge">
      {t('sharing.referrals.overdue')}
    </Badge>
  );
}

export function UrgencyText({ urgency }: { urgency: Referral['urgency'] }) {
  const labels = useSharingLabels();
  return (
    <Text span size="sm" fw={urgency === 'pilna' ? 700 : undefined}>
      {labels.label('urgencies', urgency)}
    </Text>
  );
}

/** Everything about one referral: who, whom, why, what data on what basis, the answer and outcome. */
export function ReferralFacts({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const hidden = (
    <Text size="sm" fs="italic">
      {t('sharing.referrals.hidden')}
    </Text>
  );
  const items = [
    { key: 'kind', label: t('sharing.referrals.kind'), value: labels.label('kinds', r.kind) },
    {
      key: 'status',
      label: t('sharing.referrals.status'),
      value: (
        <Group gap="xs">
          <ReferralStatusBadge status={r.status} />
          <OverdueBadge overdue={r.overdue} />
        </Group>
      ),
    },
    {
      key: 'from',
      label: t('sharing.referrals.from'),
      value: (
        <Stack gap={0}>
          <Text size="sm">{r.from.name}</Text>
          <Text size="sm">
            {[r.fromUser.name, r.fromUser.email, r.fromUser.phone].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'to', label: t('sharing.referrals.to'), value: r.to.name },
    ...(r.service ? [{ key: 'service', label: t('sharing.referrals.service'), value: r.service.name }] : []),
    ...(r.planAction
      ? [{ key: 'planAction', label: t('sharing.referrals.planAction'), value: r.planAction.description }]
      : []),
    { key: 'subject', label: t('sharing.referrals.subject'), value: r.subjectName ?? hidden },
    {
      key: 'reason',
      label: t('sharing.referrals.reason'),
      value: r.reason ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.reason}
        </Text>
      ) : (
        hidden
      ),
    },
    { key: 'urgency', label: t('sharing.referrals.urgency'), value: <UrgencyText urgency={r.urgency} /> },
    {
      key: 'expectedBy',
      label: t('sharing.referrals.expectedBy'),
      value: r.expectedBy ? formatDate(r.expectedBy) : t('sharing.referrals.noDate'),
    },
    { key: 'scopes', label: t('sharing.share.scopes'), value: <ScopeChips scopes={r.scopes} /> },
    {
      key: 'basis',
      label: t('sharing.share.basis'),
      value:
        r.basis === 'przepis' ? labels.label('legalBases', r.legalBasis) : labels.label('bases', 'zgoda'),
    },
    {
      key: 'assigned',
      label: t('sharing.referrals.assignee'),
      value: r.assignedUser?.name ?? t('sharing.referrals.unassigned'),
    },
    { key: 'sent', label: t('sharing.referrals.sentAt'), value: formatDateTime(r.createdAt) },
    ...(r.rejectionReason
      ? [{ key: 'rejection', label: t('sharing.referrals.rejectionReason'), value: r.rejectionReason }]
      : []),
    ...(r.withdrawalReason
      ? [{ key: 'withdrawal', label: t('sharing.referrals.withdrawalReason'), value: r.withdrawalReason }]
      : []),
  ];
  return (
    <Stack gap="sm">
      <Facts items={items} />
      {r.outcome && (
        <Stack gap={4} data-testid="referral-outcome">
          <Text size="sm" fw={700}>
            {t('sharing.referrals.outcome')}
            {r.completedAt ? ` (${formatDate(r.completedAt)})` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.outcome}
          </Text>
          {r.feedback && (
            <>
              <Text size="sm" fw={700}>
                {t('sharing.referrals.feedback')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.feedback}
              </Text>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** The steps of a referral, oldest first, each with who and when. */
export function ReferralEvents({
  referral: r,
  headingId,
  headingOrder = 3,
}: {
  referral: Referral;
  headingId: string;
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={headingOrder} size="h5" id={headingId}>
        {t('sharing.referrals.events')}
      </Title>
      <Timeline active={r.events.length - 1} bulletSize={14} lineWidth={2} data-testid="referral-events">
        {r.events.map((e) => (
          <Timeline.Item key={`${e.status}-${e.at}`} title={labels.label('statuses', e.status)}>
            <Text size="xs" c="dimmed">
              {[formatDateTime(e.at), e.actor?.name, e.institution?.name].filter(Boolean).join(' · ')}
            </Text>
            {e.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
