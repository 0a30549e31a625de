import type { EditionInput, EditionMode, EditionOut, EditionStatus } from '@kooperacja/domain';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useTrainingLabels } from './labels';
import { createEdition, trainingKeys, updateEdition } from './trainingsApi';

interface SessionValues {
  /** Key of the row in the form (the session's id when it exists). */
  key: string;
  id?: string;
  on: string | null;
  startsAt: string;
  endsAt: string;
  topic: string;
}

export interface EditionValues {
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  mode: string;
  place: string;
  onlineUrl: string;
  capacity: number | string;
  registrationClosesOn: string | null;
  requiresApproval: boolean;
  status: string;
  sessions: SessionValues[];
}

let rowCounter = 0;
const newRow = (): SessionValues => {
  rowCounter += 1;
  return { key: `new-${rowCounter}`, on: null, startsAt: '09:00', endsAt: '15:00', topic: '' };
};

export function editionValuesOf(e: EditionOut | null): EditionValues {
  return {
    name: e?.name ?? '',
    startsOn: e?.startsOn ?? null,
    endsOn: e?.endsOn ?? null,
    mode: e?.mode ?? 'stacjonarna',
    place: e?.place ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    capacity: e?.capacity ?? 20,
    registrationClosesOn: e?.registrationClosesOn ?? null,
    requiresApproval: e?.requiresApproval ?? true,
    status: e?.status ?? 'planowana',
    sessions: (e?.sessions ?? []).map((s) => ({
      key: s.id,
      id: s.id,
      on: s.on,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      topic: s.topic ?? '',
    })),
  };
}

export function editionInputOf(v: EditionValues): EditionInput {
  return {
    name: v.name.trim(),
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn ?? '',
    mode: v.mode as EditionMode,
    place: v.mode === 'online' ? null : v.place.trim() || null,
    onlineUrl: v.mode === 'stacjonarna' ? null : v.onlineUrl.trim() || null,
    capacity: Number(v.capacity),
    registrationClosesOn: v.registrationClosesOn || null,
    requiresApproval: v.requiresApproval,
    status: v.status as EditionStatus,
    sessions: v.sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      on: s.on ?? '',
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      topic: s.topic.trim() || null,
    })),
  };
}

/** `body.edition.sessions.2.on` → `sessions.2.on`. */
const formField = (path: string) => path.replace(/^body\./, '').replace(/^edition\./, '');
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An edition (EditionInput): its name, dates, mode and place or online address, places, closing
 * of registration, whether the head approves, and its sessions (a list editor; an e-learning
 * edition has none). Existing sessions keep their ids, so their attendance stays.
 */
export function EditionForm({
  trainingId,
  edition,
  onSaved,
  onCancel,
}: {
  trainingId: string;
  edition: EditionOut | null;
  onSaved: (saved: EditionOut) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState(false);
  const form = useForm<EditionValues>({
    initialValues: editionValuesOf(edition),
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (v.name.trim().length < 2) errors.name = t('trainings.rules.required');
      if (!v.startsOn) errors.startsOn = t('trainings.rules.date');
      if (!v.endsOn) errors.endsOn = t('trainings.rules.date');
      if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = t('trainings.rules.datesOrder');
      const capacity = Number(v.capacity);
      if (!Number.isInteger(capacity) || capacity < 1) errors.capacity = t('trainings.rules.capacity');
      if (v.mode !== 'stacjonarna' && v.onlineUrl.trim() && !/^https:\/\/\S+$/.test(v.onlineUrl.trim()))
        errors.onlineUrl = t('trainings.rules.https');
      v.sessions.forEach((s, i) => {
        if (!s.on) errors[`sessions.${i}.on`] = t('trainings.rules.date');
        if (!TIME.test(s.startsAt)) errors[`sessions.${i}.startsAt`] = t('trainings.rules.time');
        if (!TIME.test(s.endsAt)) errors[`sessions.${i}.endsAt`] = t('trainings.rules.time');
        else if (TIME.test(s.startsAt) && s.endsAt <= s.startsAt)
          errors[`sessions.${i}.endsAt`] = t('trainings.rules.sessionTimes');
      });
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (input: EditionInput) =>
      edition
        ? updateEdition(trainingId, edition.id, { edition: input, version: edition.version })
        : createEdition(trainingId, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.one(trainingId) });
      onSaved(saved);
    },
    onError: (error) => {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(fieldErrorsOf(error)))
        errors[formField(field)] ??= message;
      form.setErrors(errors);
    },
  });

  const fieldLabel = (path: string) => {
    const f = formField(path);
    const m = /^sessions\.(\d+)\.(on|startsAt|endsAt|topic)$/.exec(f);
    if (m)
      return t('trainings.edition.sessionField', {
        n: Number(m[1]) + 1,
        field: t(`trainings.session.${m[2] as 'on'}`),
      });
    const known = [
      'name',
      'startsOn',
      'endsOn',
      'mode',
      'place',
      'onlineUrl',
      'capacity',
      'registrationClosesOn',
      'requiresApproval',
      'status',
      'sessions',
    ] as const;
    return (known as readonly string[]).includes(f)
      ? t(`trainings.edition.${f as (typeof known)[number]}`)
      : path;
  };

  const mode = form.values.mode;
  return (
    <form
      noValidate
      aria-label={edition ? t('trainings.edition.editTitle') : t('trainings.edition.addTitle')}
      onSubmit={form.onSubmit(
        (values) => {
          setInvalid(false);
          save.mutate(editionInputOf(values));
        },
        () => setInvalid(true),
      )}
    >
      <Stack>
        {save.error ? (
          <Stack gap="xs">
            <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
            {isConflict(save.error) && <Text size="sm">{t('trainings.edition.conflict')}</Text>}
          </Stack>
        ) : null}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.form.fixErrors')}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={12}>
            <TextInput
              label={t('trainings.edition.name')}
              withAsterisk
              maxLength={120}
              {...form.getInputProps('name')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              {...dateProps}
              label={t('trainings.edition.startsOn')}
              withAsterisk
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              {...dateProps}
              label={t('trainings.edition.endsOn')}
              withAsterisk
              {...form.getInputProps('endsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('trainings.edition.mode')}
              withAsterisk
              allowDeselect={false}
              data={labels.options('modes')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('mode')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={t('trainings.edition.capacity')}
              withAsterisk
              min={1}
              max={2000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('capacity')}
            />
          </Grid.Col>
          {mode !== 'online' && (
            <Grid.Col span={12}>
              <TextInput
                label={t('trainings.edition.place')}
                withAsterisk
                maxLength={300}
                {...form.getInputProps('place')}
              />
            </Grid.Col>
          )}
          {mode !== 'stacjonarna' && (
            <Grid.Col span={12}>
              <TextInput
                label={t('trainings.edition.onlineUrl')}
                description={t('trainings.edition.onlineUrlHint')}
                withAsterisk
                type="url"
                maxLength={500}
                {...form.getInputProps('onlineUrl')}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              {...dateProps}
              label={t('trainings.edition.registrationClosesOn')}
              description={t('trainings.edition.registrationClosesHint')}
              {...form.getInputProps('registrationClosesOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('trainings.edition.status')}
              allowDeselect={false}
              data={labels.options('editionStatuses')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox
              label={t('trainings.edition.requiresApproval')}
              description={t('trainings.edition.requiresApprovalHint')}
              {...form.getInputProps('requiresApproval', { type: 'checkbox' })}
            />
          </Grid.Col>
        </Grid>

        <Fieldset legend={t('trainings.edition.sessions')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('trainings.edition.sessionsHint')}
            </Text>
            {form.values.sessions.length === 0 && <Text size="sm">{t('trainings.edition.noSessions')}</Text>}
            {form.values.sessions.map((s, i) => (
              <Grid
                key={s.key}
                align="flex-end"
                role="group"
                aria-label={t('trainings.edition.sessionN', { n: i + 1 })}
              >
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <DateInput
                    {...dateProps}
                    label={t('trainings.session.on')}
                    withAsterisk
                    {...form.getInputProps(`sessions.${i}.on`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <TimeInput
                    label={t('trainings.session.startsAt')}
                    withAsterisk
                    {...form.getInputProps(`sessions.${i}.startsAt`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <TimeInput
                    label={t('trainings.session.endsAt')}
                    withAsterisk
                    {...form.getInputProps(`sessions.${i}.endsAt`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 4 }}>
                  <TextInput
                    label={t('trainings.session.topic')}
                    maxLength={200}
                    {...form.getInputProps(`sessions.${i}.topic`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('trainings.edition.removeSession', { n: i + 1 })}
                    onClick={() => form.removeListItem('sessions', i)}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Grid.Col>
              </Grid>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('sessions', newRow())}>
                {t('trainings.edition.addSession')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('trainings.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('trainings.edition.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
