import { Button, Card, Group, Modal, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { FormProblem } from './FormProblem';
import { useAssignees } from './hooks';
import { useSharingLabels } from './labels';
import { ScopeChips } from './ScopeChips';
import { answerInvitation, sharingKeys, type TeamInvitation } from './sharingApi';

type Answering = { invitation: TeamInvitation; answer: 'accept' | 'decline' };

/** Invitations of the institution to case teams: accept naming the member worker, or decline. */
export function InvitationsPanel({ query }: { query: UseQueryResult<{ items: TeamInvitation[] }> }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const [answering, setAnswering] = useState<Answering | null>(null);
  if (query.isPending) return <Skeleton height={160} />;
  if (query.error || !query.data)
    return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  return (
    <Stack gap="md" data-testid="invitations">
      {items.length === 0 && <Text>{t('sharing.invitations.empty')}</Text>}
      {items.map((inv) => (
        <Card key={inv.id} withBorder padding="md" component="article" aria-labelledby={`inv-${inv.id}`}>
          <Stack gap="xs">
            <Title order={2} size="h5" id={`inv-${inv.id}`}>
              {t('sharing.invitations.heading', { number: inv.caseNumber, subject: inv.subjectName })}
            </Title>
            <Text size="sm">
              {t('sharing.invitations.from', {
                institution: inv.fromInstitution.name,
                person: inv.invitedBy.name,
                date: formatDate(inv.createdAt),
              })}
            </Text>
            <Text size="sm">
              {t('sharing.invitations.role', { role: labels.label('roles', inv.role) })} ·{' '}
              {t('sharing.invitations.period', {
                from: formatDate(inv.startsOn),
                to: inv.endsOn ? formatDate(inv.endsOn) : t('sharing.team.open'),
              })}
            </Text>
            {inv.purpose && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {inv.purpose}
              </Text>
            )}
            <ScopeChips scopes={inv.scopes} />
            <Group gap="sm">
              <Button
                size="xs"
                onClick={() => setAnswering({ invitation: inv, answer: 'accept' })}
                aria-label={t('sharing.invitations.acceptNamed', { number: inv.caseNumber })}
              >
                {t('sharing.invitations.accept')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => setAnswering({ invitation: inv, answer: 'decline' })}
                aria-label={t('sharing.invitations.declineNamed', { number: inv.caseNumber })}
              >
                {t('sharing.invitations.decline')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Modal
        opened={!!answering}
        onClose={() => setAnswering(null)}
        title={
          answering?.answer === 'accept'
            ? t('sharing.invitations.acceptTitle')
            : t('sharing.invitations.declineTitle')
        }
      >
        {answering && <AnswerForm {...answering} onDone={() => setAnswering(null)} />}
      </Modal>
    </Stack>
  );
}

function AnswerForm({ invitation, answer, onDone }: Answering & { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assignees = useAssignees(answer === 'accept');
  const form = useForm({
    initialValues: { userId: null as string | null, reason: '' },
    validate: {
      userId: (v) => (answer === 'accept' && !v ? t('sharing.form.required') : null),
      reason: (v) => (answer === 'decline' && !v.trim() ? t('sharing.form.required') : null),
    },
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.invitations });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      answerInvitation(
        invitation.id,
        answer === 'accept'
          ? { answer: 'accept', userId: v.userId as string, version: invitation.version }
          : { answer: 'decline', reason: v.reason, version: invitation.version },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sharingKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: sharingKeys.sharedRoot });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('sharing.invitations.heading', {
            number: invitation.caseNumber,
            subject: invitation.subjectName,
          })}
        </Text>
        <FormProblem error={save.error} onReload={reload} />
        {answer === 'accept' ? (
          <Select
            label={t('sharing.invitations.worker')}
            description={t('sharing.invitations.workerHint')}
            required
            data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            searchable
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('userId')}
          />
        ) : (
          <Textarea
            label={t('sharing.invitations.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} color={answer === 'decline' ? 'red' : undefined}>
            {answer === 'accept'
              ? t('sharing.invitations.acceptSubmit')
              : t('sharing.invitations.declineSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
