import type { Case, ClosureReason } from '@kooperacja/domain';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fieldErrorsOf } from '../../admin/fieldErrors';
import { useCaseLabels } from '../shared/casesDictionaries';
import { useCaseTransition } from './useCaseTransition';

interface Values {
  closureReason: string | null;
  outcomeSummary: string;
}

/** Closing a case: the closure reason (dictionary) and a summary of the outcome, both required. */
export function CloseCaseDialog({
  data,
  opened,
  onClose,
}: {
  data: Case;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const transition = useCaseTransition(data.id);
  const form = useForm<Values>({
    initialValues: { closureReason: null, outcomeSummary: '' },
    validate: {
      closureReason: (v) => (v ? null : t('cases.page.close.reasonRequired')),
      outcomeSummary: (v) => (v.trim() ? null : t('cases.page.close.outcomeRequired')),
    },
  });

  const close = () => {
    transition.reset();
    onClose();
  };

  const submit = form.onSubmit((v) =>
    transition.mutate(
      {
        to: 'zamknieta',
        closureReason: v.closureReason as ClosureReason,
        outcomeSummary: v.outcomeSummary.trim(),
        version: data.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.page.close.done') });
          form.reset();
          close();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('cases.page.close.title')} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t('cases.page.close.title')}>
        <Stack gap="md">
          <Text size="sm">{t('cases.page.close.lead')}</Text>
          {transition.error ? <ProblemAlert error={transition.error} /> : null}
          <Select
            label={t('cases.page.close.reason')}
            required
            data={labels.options('closureReasons')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('closureReason')}
          />
          <Textarea
            label={t('cases.page.close.outcome')}
            description={t('cases.page.close.outcomeHint')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            {...form.getInputProps('outcomeSummary')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cases.page.common.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={transition.isPending}>
              {t('cases.page.close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
