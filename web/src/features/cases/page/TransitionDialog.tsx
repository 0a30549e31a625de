import type { Case, CaseStatus } from '@kooperacja/domain';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fieldErrorsOf } from '../../admin/fieldErrors';
import { useCaseLabels } from '../shared/casesDictionaries';
import { transitionKind } from './refusal';
import { useCaseTransition } from './useCaseTransition';

/**
 * Confirms a step of the status flow. A step forward takes an optional note; a step back and a
 * reopening need the reason (it goes to the case's history).
 */
export function TransitionDialog({
  data,
  to,
  opened,
  onClose,
}: {
  data: Case;
  to: CaseStatus;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const transition = useCaseTransition(data.id);
  const kind = transitionKind(data.status, to);
  const reasonRequired = kind === 'back' || kind === 'reopen';
  const status = labels.label('statuses', to);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (v) => (reasonRequired && !v.trim() ? t('cases.page.transition.reasonRequired') : null),
    },
  });
  const title =
    kind === 'reopen'
      ? t('cases.page.transition.reopenTitle')
      : kind === 'back'
        ? t('cases.page.transition.backTitle', { status })
        : t('cases.page.transition.forwardTitle', { status });

  const submit = form.onSubmit((v) =>
    transition.mutate(
      { to, reason: v.reason.trim() || null, version: data.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.page.transition.done', { status }) });
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Text size="sm">
            {kind === 'reopen'
              ? t('cases.page.transition.reopenLead')
              : t('cases.page.transition.lead', {
                  from: labels.label('statuses', data.status),
                  to: status,
                })}
          </Text>
          {transition.error ? <ProblemAlert error={transition.error} /> : null}
          <Textarea
            label={reasonRequired ? t('cases.page.transition.reason') : t('cases.page.transition.note')}
            required={reasonRequired}
            autosize
            minRows={3}
            maxLength={1000}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cases.page.common.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {kind === 'reopen' ? t('cases.page.stepper.reopen') : t('cases.page.transition.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
