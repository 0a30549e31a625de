import {
  type SupportEpisode,
  type SupportEpisodeInput,
  type SupportKind,
  type SupportWarning,
  supportKindFields,
} from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { amountText, groszeOf, MoneyInput, useMoneyError } from '../projects/MoneyInput';
import { plHours, useSupportLabels } from './labels';
import { createEpisode, supportKeys, updateEpisode } from './supportApi';
import { useSupportParticipants } from './useSupportParticipants';

export interface EpisodeActivityOption {
  id: string;
  name: string;
  kind: SupportKind;
  startsOn: string;
  endsOn: string | null;
}

interface Values {
  participantId: string | null;
  activityId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  hours: string;
  stipend: string;
  notes: string;
}

/**
 * A participant's episode of a form of support: who (chosen from the project's participants, or
 * fixed on the participant page), which form (fixed on the activity page, or chosen), start and end,
 * hours (individual support, internships) and the stipend (internships). The server checks every
 * rule and answers field by field; warnings that did not stop the save are handed back.
 */
export function EpisodeForm({
  projectId,
  activities,
  activityId,
  participantId,
  episode,
  onDone,
}: {
  projectId: string;
  /** The forms of support to choose from; with one element and `activityId`, the choice is fixed. */
  activities: EpisodeActivityOption[];
  activityId?: string;
  participantId?: string;
  episode?: SupportEpisode;
  onDone: (warnings?: SupportWarning[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useSupportLabels();
  const dateProps = useDateInputProps();
  const moneyError = useMoneyError();
  const queryClient = useQueryClient();
  const fixedParticipant = participantId ?? episode?.participant.id;
  const participants = useSupportParticipants(projectId, !fixedParticipant);
  const form = useForm<Values>({
    initialValues: {
      participantId: fixedParticipant ?? null,
      activityId: activityId ?? episode?.activityId ?? null,
      startsOn: episode?.startsOn ?? null,
      endsOn: episode?.endsOn ?? null,
      hours: plHours(episode?.hours),
      stipend: amountText(episode?.stipend),
      notes: episode?.notes ?? '',
    },
    validate: {
      participantId: (v) => (v ? null : t('support.form.required')),
      activityId: (v) => (v ? null : t('support.form.required')),
      startsOn: (v) => (v ? null : t('support.form.required')),
      stipend: (v) => moneyError(v, { required: false }),
    },
  });
  const activity = activities.find((a) => a.id === form.values.activityId);
  const fields = activity ? supportKindFields[activity.kind] : null;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const kindFields = activities.find((a) => a.id === v.activityId)?.kind;
      const f = kindFields ? supportKindFields[kindFields] : null;
      const body: SupportEpisodeInput = {
        participantId: v.participantId as string,
        startsOn: v.startsOn as string,
        endsOn: v.endsOn,
        hours: f?.episodeHours && v.hours.trim() ? v.hours.trim() : null,
        stipend: f?.stipend && v.stipend.trim() ? groszeOf(v.stipend) : null,
        notes: v.notes.trim() || null,
      };
      return episode
        ? updateEpisode(projectId, episode.activityId, episode.id, body, episode.version)
        : createEpisode(projectId, v.activityId as string, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: supportKeys.all(projectId) });
      onDone(saved.warnings);
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'episode')),
  });
  const participantOptions = (participants.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} (${p.technicalId})`,
  }));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {participants.error ? <ProblemAlert error={participants.error} /> : null}
        {!fixedParticipant && (
          <Select
            label={t('support.episodes.participant')}
            required
            searchable
            nothingFoundMessage={t('support.episodes.noParticipants')}
            data={participantOptions}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('participantId')}
          />
        )}
        {!activityId && !episode && (
          <Select
            label={t('support.episodes.activity')}
            required
            data={activities.map((a) => ({ value: a.id, label: `${a.name} — ${labels.kind(a.kind)}` }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('activityId')}
          />
        )}
        {activity && (
          <TextInput
            label={t('support.episodes.activityPeriod')}
            readOnly
            variant="filled"
            value={`${formatDate(activity.startsOn)} – ${activity.endsOn ? formatDate(activity.endsOn) : t('support.openEnded')}`}
          />
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('support.episodes.startsOn')}
              required
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('support.episodes.endsOn')}
              {...dateProps}
              {...form.getInputProps('endsOn')}
            />
          </Grid.Col>
          {fields?.episodeHours && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('support.episodes.hours')}
                inputMode="decimal"
                placeholder="1,5"
                {...form.getInputProps('hours')}
              />
            </Grid.Col>
          )}
          {fields?.stipend && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label={t('support.episodes.stipend')}
                {...form.getInputProps('stipend')}
                onChange={(v) => form.setFieldValue('stipend', v)}
              />
            </Grid.Col>
          )}
        </Grid>
        <Textarea label={t('support.episodes.notes')} rows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('support.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {episode ? t('support.form.save') : t('support.episodes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
