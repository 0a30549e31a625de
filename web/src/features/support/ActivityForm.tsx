import {
  type SupportActivity,
  type SupportActivityInput,
  type SupportKind,
  type SupportTypeRef,
  supportKindFields,
} from '@kooperacja/domain';
import { Button, Grid, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useSupportLabels } from './labels';
import { createActivity, supportKeys, updateActivity } from './supportApi';

interface Values {
  kind: string | null;
  supportTypeId: string | null;
  name: string;
  description: string;
  place: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | string;
  employer: string;
}

/**
 * A form of support: its kind, the support type of the project's sub-action (only those are offered;
 * the server refuses any other), name, place, period, places (required for a flat) and, for an
 * internship, the employer.
 */
export function ActivityForm({
  projectId,
  supportTypes,
  activity,
  onDone,
}: {
  projectId: string;
  supportTypes: SupportTypeRef[];
  activity?: SupportActivity;
  onDone: (saved?: SupportActivity) => void;
}) {
  const { t } = useTranslation();
  const labels = useSupportLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const required = (v: unknown) => (v === null || v === '' ? t('support.form.required') : null);
  const form = useForm<Values>({
    initialValues: {
      kind: activity?.kind ?? 'grupowe',
      supportTypeId: activity?.supportType?.id ?? null,
      name: activity?.name ?? '',
      description: activity?.description ?? '',
      place: activity?.place ?? '',
      startsOn: activity?.startsOn ?? null,
      endsOn: activity?.endsOn ?? null,
      capacity: activity?.capacity ?? '',
      employer: activity?.employer ?? '',
    },
    validate: {
      kind: required,
      name: (v) => (v.trim() ? null : t('support.form.required')),
      startsOn: required,
      supportTypeId: (v) => (supportTypes.length && !v ? t('support.form.required') : null),
      capacity: (v, all) =>
        all.kind && supportKindFields[all.kind as SupportKind].capacityRequired && v === ''
          ? t('support.form.required')
          : null,
      employer: (v, all) =>
        all.kind && supportKindFields[all.kind as SupportKind].employer && !v.trim()
          ? t('support.form.required')
          : null,
    },
  });
  const kind = (form.values.kind ?? 'grupowe') as SupportKind;
  const chosen = supportTypes.find((s) => s.id === form.values.supportTypeId);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: SupportActivityInput = {
        kind: (v.kind ?? 'grupowe') as SupportKind,
        supportTypeId: v.supportTypeId,
        name: v.name.trim(),
        description: v.description.trim() || null,
        place: v.place.trim() || null,
        startsOn: v.startsOn as string,
        endsOn: v.endsOn,
        capacity: v.capacity === '' ? null : Number(v.capacity),
        employer: supportKindFields[(v.kind ?? 'grupowe') as SupportKind].employer
          ? v.employer.trim() || null
          : null,
      };
      return activity
        ? updateActivity(projectId, activity.id, body, activity.version)
        : createActivity(projectId, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: supportKeys.all(projectId) });
      onDone(saved);
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'activity')),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Select
          label={t('support.form.kind')}
          required
          data={labels.kindOptions}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        {supportTypes.length ? (
          <Select
            label={t('support.form.supportType')}
            description={t('support.form.supportTypeHelp')}
            required
            searchable
            data={supportTypes.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('supportTypeId')}
          />
        ) : (
          <Text size="sm">{t('support.form.noSupportTypes')}</Text>
        )}
        {chosen?.rules.onlyWithOther && <Text size="sm">{t('support.form.onlyWithOther')}</Text>}
        {chosen?.rules.timeWindow && (
          <Text size="sm">{t('support.form.timeWindow', { window: chosen.rules.timeWindow })}</Text>
        )}
        <TextInput label={t('support.form.name')} required {...form.getInputProps('name')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('support.form.startsOn')}
              required
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput label={t('support.form.endsOn')} {...dateProps} {...form.getInputProps('endsOn')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={kind === 'mieszkanie' ? t('support.form.places') : t('support.form.capacity')}
              description={kind === 'mieszkanie' ? undefined : t('support.form.capacityHelp')}
              required={supportKindFields[kind].capacityRequired}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('capacity')}
            />
          </Grid.Col>
          {supportKindFields[kind].employer && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('support.form.employer')} required {...form.getInputProps('employer')} />
            </Grid.Col>
          )}
        </Grid>
        <TextInput label={t('support.form.place')} {...form.getInputProps('place')} />
        <Textarea label={t('support.form.description')} rows={3} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('support.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {activity ? t('support.form.save') : t('support.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
