import type { ActionStatus, Plan } from '@kooperacja/domain';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { isConflict } from '../../../admin/fieldErrors';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { caseKeys } from '../caseApi';
import { useSetActionStatus } from './useSetActionStatus';

type PlanAction = Plan['goals'][number]['actions'][number];

/** Quick status change of a plan action ("wykonane" with a note) without opening the editor. */
export function ActionStatusDialog({
  caseId,
  plan,
  action,
  onClose,
}: {
  caseId: string;
  plan: Plan;
  action: PlanAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const queryClient = useQueryClient();
  const change = useSetActionStatus(caseId);
  const form = useForm<{ status: ActionStatus; note: string }>({
    initialValues: { status: 'wykonane', note: '' },
  });

  const submit = form.onSubmit((v) =>
    change.mutate(
      {
        planId: plan.id,
        actionId: action.id,
        status: v.status,
        note: v.note.trim() || null,
        version: plan.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.plan.status.saved') });
          onClose();
        },
        onError: (error) => {
          // The plan changed meanwhile: load it, so that the next try uses the fresh version.
          if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: caseKeys.plans(caseId) });
        },
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={t('cases.plan.status.title')} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t('cases.plan.status.title')}>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {action.description}
          </Text>
          {change.error ? (
            <Stack gap="xs">
              <ProblemAlert error={change.error} />
              {isConflict(change.error) && <Text size="sm">{t('cases.plan.status.conflict')}</Text>}
            </Stack>
          ) : null}
          <Select
            label={t('cases.plan.fields.actionStatus')}
            required
            allowDeselect={false}
            data={labels.options('actionStatuses')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
          />
          <Textarea
            label={t('cases.plan.status.note')}
            description={t('cases.plan.status.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cases.page.common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('cases.page.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
