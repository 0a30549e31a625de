import type { SupportSession, SupportSessionInput } from '@kooperacja/domain';
import { Button, Grid, Group, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { plHours } from './labels';
import { createSession, supportKeys, updateSession } from './supportApi';

interface Values {
  date: string | null;
  startTime: string;
  hours: string;
  topic: string;
}

/** A session of the schedule: its day, start time, length in hours ("1,5") and topic. */
export function SessionForm({
  projectId,
  activityId,
  session,
  onDone,
}: {
  projectId: string;
  activityId: string;
  session?: SupportSession;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      date: session?.date ?? null,
      startTime: session?.startTime ?? '',
      hours: plHours(session?.hours) || '',
      topic: session?.topic ?? '',
    },
    validate: {
      date: (v) => (v ? null : t('support.form.required')),
      hours: (v) => (v.trim() ? null : t('support.form.required')),
      startTime: (v) => (!v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : t('support.sessions.timeFormat')),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: SupportSessionInput = {
        date: v.date as string,
        startTime: v.startTime || null,
        hours: v.hours.trim(),
        topic: v.topic.trim() || null,
      };
      return session
        ? updateSession(projectId, activityId, session.id, body, session.version)
        : createSession(projectId, activityId, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supportKeys.all(projectId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'session')),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('support.sessions.date')}
              required
              {...dateProps}
              {...form.getInputProps('date')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              label={t('support.sessions.startTime')}
              placeholder="10:00"
              {...form.getInputProps('startTime')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              label={t('support.sessions.hours')}
              required
              inputMode="decimal"
              placeholder="1,5"
              {...form.getInputProps('hours')}
            />
          </Grid.Col>
        </Grid>
        <TextInput label={t('support.sessions.topic')} {...form.getInputProps('topic')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('support.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {session ? t('support.form.save') : t('support.sessions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
