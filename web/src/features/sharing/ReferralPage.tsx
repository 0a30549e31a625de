import { openReferralStatuses, type Referral } from '@kooperacja/domain';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { useMe } from '../auth/useMe';
import { formErrorsOf } from '../cases/page/formErrors';
import { FormProblem } from './FormProblem';
import { useAssignees, useReferral } from './hooks';
import { useSharingLabels } from './labels';
import { MessageThread } from './MessageThread';
import { ReferralEvents, ReferralFacts } from './ReferralBits';
import { answerReferral, assignReferral, sharingKeys } from './sharingApi';

type Step = 'accept' | 'reject' | 'complete' | 'assign' | 'withdraw';

/** `/skrzynka/:id`: one referral — details, the steps allowed now (`can`), the history and the thread. */
export function ReferralPage() {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const { id = '' } = useParams();
  const query = useReferral(id);
  const [step, setStep] = useState<Step | null>(null);
  const crumbs = (
    <nav aria-label={t('sharing.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6}>
        <Anchor component={Link} to="/skrzynka" size="sm">
          {t('sharing.inbox.title')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {query.data?.number ?? '…'}
        </Text>
      </Breadcrumbs>
    </nav>
  );
  if (query.isPending)
    return (
      <Stack gap="lg">
        {crumbs}
        <PageTitle>{t('sharing.referral.loading')}</PageTitle>
        <Skeleton height={240} />
      </Stack>
    );
  if (query.error || !query.data)
    return (
      <Stack gap="lg">
        {crumbs}
        <PageTitle>{t('sharing.referral.loading')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  const r = query.data;
  const threadOpen = r.side === 'sender' || openReferralStatuses.includes(r.status);
  return (
    <Stack gap="lg">
      {crumbs}
      <PageTitle documentTitle={t('sharing.referral.documentTitle', { number: r.number })}>
        {t('sharing.referral.title', { kind: labels.label('kinds', r.kind), number: r.number })}
      </PageTitle>
      <ReferralActions referral={r} onStep={setStep} />
      <SectionCard titleId="referral-details" title={t('sharing.referral.details')}>
        <ReferralFacts referral={r} />
        {r.subjectName === null && r.side === 'receiver' && (
          <Text size="sm">{t('sharing.referral.hiddenExplained')}</Text>
        )}
      </SectionCard>
      <Card withBorder padding="lg">
        <ReferralEvents referral={r} headingId="referral-events" headingOrder={2} />
      </Card>
      {threadOpen && (
        <Card withBorder padding="lg">
          <MessageThread
            caseId={r.caseId}
            referralId={r.id}
            headingId="referral-thread"
            headingOrder={2}
            title={t('sharing.messages.referralTitle', { number: r.number })}
            readOnly={!openReferralStatuses.includes(r.status)}
          />
        </Card>
      )}
      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(`sharing.referral.steps.${step}`) : ''}
      >
        {step && <StepForm referral={r} step={step} onDone={() => setStep(null)} />}
      </Modal>
    </Stack>
  );
}

/** The buttons of the steps the server allows now; "start" needs no form. */
function ReferralActions({ referral: r, onStep }: { referral: Referral; onStep: (s: Step) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => answerReferral(r.id, { action: 'start', version: r.version }),
    onSuccess: (after) => {
      queryClient.setQueryData(sharingKeys.referral(r.id), after);
      void queryClient.invalidateQueries({ queryKey: sharingKeys.referralsRoot });
    },
  });
  const any = r.can.accept || r.can.reject || r.can.start || r.can.complete || r.can.assign || r.can.withdraw;
  if (!any && !r.can.openCase) return null;
  return (
    <SectionCard titleId="referral-actions" title={t('sharing.referral.actions')}>
      <FormProblem
        error={start.error}
        onReload={() => {
          start.reset();
          void queryClient.invalidateQueries({ queryKey: sharingKeys.referral(r.id) });
        }}
      />
      <Group gap="sm" data-testid="referral-actions">
        {r.can.accept && (
          <Button onClick={() => onStep('accept')}>{t('sharing.referral.steps.accept')}</Button>
        )}
        {r.can.reject && (
          <Button variant="default" color="red" onClick={() => onStep('reject')}>
            {t('sharing.referral.steps.reject')}
          </Button>
        )}
        {r.can.start && (
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('sharing.referral.steps.start')}
          </Button>
        )}
        {r.can.complete && (
          <Button onClick={() => onStep('complete')}>{t('sharing.referral.steps.complete')}</Button>
        )}
        {r.can.assign && (
          <Button variant="default" onClick={() => onStep('assign')}>
            {t('sharing.referral.steps.assign')}
          </Button>
        )}
        {r.can.withdraw && (
          <Button variant="default" color="red" onClick={() => onStep('withdraw')}>
            {t('sharing.referral.steps.withdraw')}
          </Button>
        )}
        {r.can.openCase && (
          <Button
            component={Link}
            to={`/wspolpraca/${r.caseId}`}
            variant="light"
            data-testid="open-shared-case"
          >
            {t('sharing.referral.openCase')}
          </Button>
        )}
      </Group>
    </SectionCard>
  );
}

function StepForm({ referral: r, step, onDone }: { referral: Referral; step: Step; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const needsWorker = step === 'accept' || step === 'assign';
  const assignees = useAssignees(needsWorker);
  const { me } = useMe();
  const required = (v: string | null) => (v?.trim() ? null : t('sharing.form.required'));
  const form = useForm({
    initialValues: {
      userId: (r.assignedUser?.id ?? null) as string | null,
      reason: '',
      outcome: '',
      feedback: '',
    },
    validate: {
      userId: (v) => (step === 'assign' ? required(v) : null),
      reason: (v) => (step === 'reject' || step === 'withdraw' ? required(v) : null),
      outcome: (v) => (step === 'complete' ? required(v) : null),
    },
  });
  // Accepting: the worker who accepts handles it unless they name someone else.
  const myId = me?.user.id;
  const meListed = Boolean(myId && assignees.data?.items.some((u) => u.id === myId));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list arrives
  useEffect(() => {
    if (step === 'accept' && meListed && !form.values.userId) form.setFieldValue('userId', myId ?? null);
  }, [meListed]);
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.referral(r.id) });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const version = r.version;
      switch (step) {
        case 'accept':
          return answerReferral(r.id, { action: 'accept', assignedUserId: v.userId, version });
        case 'reject':
          return answerReferral(r.id, { action: 'reject', reason: v.reason, version });
        case 'complete':
          return answerReferral(r.id, {
            action: 'complete',
            outcome: v.outcome,
            feedback: v.feedback.trim() || null,
            version,
          });
        case 'withdraw':
          return answerReferral(r.id, { action: 'withdraw', reason: v.reason, version });
        case 'assign':
          return assignReferral(r.id, { userId: v.userId as string, version });
      }
    },
    onSuccess: (after) => {
      queryClient.setQueryData(sharingKeys.referral(r.id), after);
      void queryClient.invalidateQueries({ queryKey: sharingKeys.referralsRoot });
      void queryClient.invalidateQueries({ queryKey: sharingKeys.sharedRoot });
      onDone();
    },
    onError: (e) => {
      const errors = formErrorsOf(e);
      if (errors.assignedUserId) errors.userId = errors.assignedUserId;
      form.setErrors(errors);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid={`referral-step-${step}`}>
      <Stack gap="sm">
        <Text size="sm">{t(`sharing.referral.stepLead.${step}`)}</Text>
        <FormProblem error={save.error} onReload={reload} />
        {needsWorker && (
          <Select
            label={t('sharing.referral.worker')}
            required={step === 'assign'}
            clearable={step === 'accept'}
            searchable
            data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('userId')}
          />
        )}
        {(step === 'reject' || step === 'withdraw') && (
          <Textarea
            label={t('sharing.referral.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
        )}
        {step === 'complete' && (
          <>
            <Textarea
              label={t('sharing.referral.outcome')}
              description={t('sharing.referral.outcomeHint')}
              required
              autosize
              minRows={3}
              data-autofocus
              {...form.getInputProps('outcome')}
            />
            <Textarea
              label={t('sharing.referral.feedback')}
              autosize
              minRows={2}
              {...form.getInputProps('feedback')}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            color={step === 'reject' || step === 'withdraw' ? 'red' : undefined}
            data-testid="referral-step-submit"
            // With a worker to pick, focus starts on the answer itself: a focused searchable select
            // would open its list over the buttons; the worker is preset and can still be changed.
            data-autofocus={needsWorker ? true : undefined}
          >
            {t(`sharing.referral.submit.${step}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
