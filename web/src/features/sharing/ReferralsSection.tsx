import type { CaseTeam, Referral } from '@kooperacja/domain';
import { Accordion, Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { FormProblem } from './FormProblem';
import { useCaseReferrals, useReferral } from './hooks';
import { useSharingLabels } from './labels';
import { MessageThread } from './MessageThread';
import { OverdueBadge, ReferralEvents, ReferralFacts, ReferralStatusBadge } from './ReferralBits';
import { ReferralForm } from './ReferralForm';
import { answerReferral, sharingKeys } from './sharingApi';

/** (c) Referrals and requests sent from the case: status, answer, outcome and each one's thread. */
export function ReferralsSection({
  caseId,
  team,
  canWrite,
}: {
  caseId: string;
  team: CaseTeam;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const query = useCaseReferrals(caseId);
  const [creating, setCreating] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const items = query.data?.items ?? [];
  const close = () => {
    setCreating(false);
    requestAnimationFrame(() => newButton.current?.focus());
  };
  return (
    <SectionCard
      titleId="coop-referrals"
      title={t('sharing.referrals.title')}
      description={t('sharing.referrals.lead')}
      query={{ ...query, skeletonHeight: 120 }}
    >
      {sent && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setSent(null)}>
          {t('sharing.referrals.sent', { number: sent })}
        </Alert>
      )}
      {canWrite && !creating && (
        <Group>
          <Button ref={newButton} onClick={() => setCreating(true)} data-testid="referral-new">
            {t('sharing.referrals.new')}
          </Button>
        </Group>
      )}
      {creating && (
        <NewReferralPanel
          caseId={caseId}
          team={team}
          onCancel={close}
          onDone={(created) => {
            setSent(created.number);
            setOpen(created.id);
            close();
          }}
        />
      )}
      {query.data && items.length === 0 && <Text size="sm">{t('sharing.referrals.empty')}</Text>}
      {items.length > 0 && (
        <Accordion variant="separated" value={open} onChange={setOpen} data-testid="case-referrals">
          {items.map((r) => (
            <Accordion.Item key={r.id} value={r.id} data-testid={`case-referral-${r.number}`}>
              <Accordion.Control>
                <Group gap="sm" wrap="wrap">
                  <Text fw={600} size="sm">
                    {r.number}
                  </Text>
                  <Text size="sm">
                    {labels.label('kinds', r.kind)} → {r.to.name}
                  </Text>
                  <ReferralStatusBadge status={r.status} />
                  <OverdueBadge overdue={r.overdue} />
                  <Text size="xs" c="dimmed">
                    {t('sharing.referrals.sentOn', { date: formatDate(r.createdAt) })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {open === r.id && <CaseReferralDetail caseId={caseId} id={r.id} />}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </SectionCard>
  );
}

/** The form inline in the section; its heading takes the focus when it opens. */
function NewReferralPanel(props: Parameters<typeof ReferralForm>[0]) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-new-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="referral-new-title" tabIndex={-1} ref={heading}>
          {t('sharing.referrals.new')}
        </Title>
        <ReferralForm {...props} />
      </Stack>
    </Paper>
  );
}

function CaseReferralDetail({ caseId, id }: { caseId: string; id: string }) {
  const { t } = useTranslation();
  const query = useReferral(id);
  const [withdrawing, setWithdrawing] = useState(false);
  if (query.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  if (query.error || !query.data)
    return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <Stack gap="md">
      <ReferralFacts referral={r} />
      <ReferralEvents referral={r} headingId={`events-${r.id}`} headingOrder={4} />
      {r.can.withdraw && (
        <Group>
          <Button variant="light" color="red" size="xs" onClick={() => setWithdrawing(true)}>
            {t('sharing.referrals.withdraw')}
          </Button>
        </Group>
      )}
      <MessageThread
        caseId={caseId}
        referralId={r.id}
        headingId={`thread-title-${r.id}`}
        headingOrder={4}
        title={t('sharing.messages.referralTitle', { number: r.number })}
      />
      <Modal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('sharing.referrals.withdrawTitle', { number: r.number })}
      >
        <WithdrawReferralForm caseId={caseId} referral={r} onDone={() => setWithdrawing(false)} />
      </Modal>
    </Stack>
  );
}

function WithdrawReferralForm({
  caseId,
  referral,
  onDone,
}: {
  caseId: string;
  referral: Referral;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('sharing.form.required')) },
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.referral(referral.id) });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: { reason: string }) =>
      answerReferral(referral.id, { action: 'withdraw', reason: v.reason, version: referral.version }),
    onSuccess: (after) => {
      queryClient.setQueryData(sharingKeys.referral(referral.id), after);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('sharing.referrals.withdrawLead')}</Text>
        <FormProblem error={save.error} onReload={reload} />
        <Textarea
          label={t('sharing.referrals.withdrawReason')}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            {t('sharing.referrals.withdrawSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
