import type { ApprovalList } from '@kooperacja/domain';
import { Anchor, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { textColors } from '../../theme';
import { isConflict } from '../admin/fieldErrors';
import { formatPeriod, ReasonDialog } from './common';
import { useApprovals, useRegistrationChanged } from './hooks';
import { useTrainingLabels } from './labels';
import { decideRegistration } from './trainingsApi';

type Pending = ApprovalList['items'][number];

/**
 * Do akceptacji: the self-registrations of the institution's staff waiting for the head. Approving
 * or rejecting sends the version read; someone who decided first makes it a 409 and the list is
 * read again.
 */
export function ApprovalsTab() {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const query = useApprovals(true);
  const changed = useRegistrationChanged();
  const [rejecting, setRejecting] = useState<Pending | null>(null);
  const [done, setDone] = useState('');
  const decide = useMutation({
    mutationFn: ({
      r,
      decision,
      reason,
    }: {
      r: Pending;
      decision: 'akceptuj' | 'odrzuc';
      reason: string | null;
    }) => decideRegistration(r.id, { decision, reason, version: r.version }),
    onSuccess: (saved, { r, decision }) => {
      changed(saved);
      setRejecting(null);
      setDone(
        t(decision === 'akceptuj' ? 'trainings.approvals.approved' : 'trainings.approvals.rejected', {
          name: `${r.learner.firstName} ${r.learner.lastName}`,
        }),
      );
    },
    onError: (error) => {
      if (isConflict(error)) void query.refetch();
    },
  });

  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton height={120} />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('trainings.approvals.lead')}</Text>
      <Text size="sm" role="status" c={textColors.success} fw={600}>
        {done}
      </Text>
      {decide.error && !rejecting ? <ProblemAlert error={decide.error} /> : null}
      {query.data.items.length === 0 ? (
        <Text>{t('trainings.approvals.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder>
            <Table.Caption>{t('trainings.approvals.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.registration.learner')}</Table.Th>
                <Table.Th scope="col">{t('trainings.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('trainings.edition.one')}</Table.Th>
                <Table.Th scope="col">{t('trainings.registration.registeredAt')}</Table.Th>
                <Table.Th scope="col">{t('trainings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((r) => {
                const name = `${r.learner.firstName} ${r.learner.lastName}`;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                      {r.learner.position && (
                        <Text size="xs" c="dimmed">
                          {r.learner.position}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Anchor component={Link} to={`/szkolenia/${r.training.id}`}>
                        {r.training.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {labels.label('forms', r.training.form)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.edition.name}, {formatPeriod(r.edition.startsOn, r.edition.endsOn)}
                    </Table.Td>
                    <Table.Td>{formatDateTime(r.registeredAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          color="green.9"
                          loading={
                            decide.isPending &&
                            decide.variables?.r.id === r.id &&
                            decide.variables.decision === 'akceptuj'
                          }
                          aria-label={t('trainings.approvals.approveName', { name })}
                          onClick={() => decide.mutate({ r, decision: 'akceptuj', reason: null })}
                        >
                          {t('trainings.approvals.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('trainings.approvals.rejectName', { name })}
                          onClick={() => {
                            decide.reset();
                            setRejecting(r);
                          }}
                        >
                          {t('trainings.approvals.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReasonDialog
        opened={rejecting !== null}
        title={t('trainings.approvals.rejectTitle')}
        message={
          rejecting
            ? t('trainings.approvals.rejectMessage', {
                name: `${rejecting.learner.firstName} ${rejecting.learner.lastName}`,
                title: rejecting.training.title,
              })
            : undefined
        }
        confirmLabel={t('trainings.approvals.reject')}
        color="red"
        pending={decide.isPending}
        error={rejecting ? decide.error : null}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) =>
          rejecting && decide.mutate({ r: rejecting, decision: 'odrzuc', reason: reason || null })
        }
      />
    </Stack>
  );
}
