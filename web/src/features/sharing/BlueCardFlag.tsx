import type { Case } from '@kooperacja/domain';
import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { caseKeys } from '../cases/page/caseApi';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { FormProblem } from './FormProblem';
import { todayIso } from './labels';
import { setBlueCard } from './sharingApi';

/**
 * The Niebieska Karta flag in the case header, for the owner institution only (it is never part of a
 * share): shown when set; the lead worker or supervisor sets, changes or clears it.
 */
export function BlueCardFlag({ data }: { data: Case }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const canEdit = data.abilities.assignWorkers;
  if (!data.blueCardSince && !canEdit) return null;
  return (
    <Group gap="xs" data-testid="blue-card">
      {data.blueCardSince && (
        <Badge color="blue.9" variant="filled" tt="none" size="lg">
          {t('sharing.blueCard.since', { date: formatDate(data.blueCardSince) })}
        </Badge>
      )}
      {canEdit && (
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
          {data.blueCardSince ? t('sharing.blueCard.change') : t('sharing.blueCard.set')}
        </Button>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('sharing.blueCard.title')}>
        <BlueCardForm data={data} onDone={() => setEditing(false)} />
      </Modal>
    </Group>
  );
}

function BlueCardForm({ data, onDone }: { data: Case; onDone: () => void }) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { since: (data.blueCardSince ?? todayIso()) as string | null },
    validate: { since: (v) => (v ? null : t('sharing.form.required')) },
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(data.id) });
    onDone();
  };
  const save = useMutation({
    mutationFn: (since: string | null) => setBlueCard(data.id, { since, version: data.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(data.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v.since))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('sharing.blueCard.hint')}</Text>
        <FormProblem error={save.error} onReload={reload} />
        <DateInput
          label={t('sharing.blueCard.sinceLabel')}
          required
          {...dateProps}
          clearable={false}
          maxDate={todayIso()}
          {...form.getInputProps('since')}
        />
        <Group justify="space-between">
          {data.blueCardSince ? (
            <Button variant="light" color="red" onClick={() => save.mutate(null)} loading={save.isPending}>
              {t('sharing.blueCard.clear')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('sharing.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('sharing.blueCard.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
