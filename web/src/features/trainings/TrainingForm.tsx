import type {
  Training,
  TrainingForm as TrainingFormKey,
  TrainingInput,
  TrainingStatus,
} from '@kooperacja/domain';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { hasPermission, useMe } from '../auth/useMe';
import { useTrainingLabels } from './labels';
import { createTraining, fetchFinancingProjects, trainingKeys, updateTraining } from './trainingsApi';

export interface TrainingValues {
  title: string;
  form: string;
  topic: string;
  description: string;
  targetStaff: string[];
  hours: number | string;
  /** One trainer a line. */
  trainers: string;
  projectId: string | null;
  passThreshold: number | string;
  issuesCertificate: boolean;
  minAttendancePercent: number | string;
  status: string;
}

export function trainingValuesOf(training: Training | null): TrainingValues {
  return {
    title: training?.title ?? '',
    form: training?.form ?? 'szkolenie',
    topic: training?.topic ?? '',
    description: training?.description ?? '',
    targetStaff: training?.targetStaff ?? [],
    hours: training?.hours ?? '',
    trainers: training?.trainers.join('\n') ?? '',
    projectId: training?.project?.id ?? null,
    passThreshold: training?.passThreshold ?? 70,
    issuesCertificate: training?.issuesCertificate ?? true,
    minAttendancePercent: training?.minAttendancePercent ?? 80,
    status: training?.status ?? 'szkic',
  };
}

const trainingFields = [
  'title',
  'form',
  'topic',
  'description',
  'targetStaff',
  'hours',
  'trainers',
  'projectId',
  'passThreshold',
  'issuesCertificate',
  'minAttendancePercent',
  'status',
] as const;
type TrainingField = (typeof trainingFields)[number];

const num = (v: number | string) => (typeof v === 'number' ? v : Number(String(v).replace(',', '.')));

export function trainingInputOf(v: TrainingValues): TrainingInput {
  return {
    title: v.title.trim(),
    form: v.form as TrainingFormKey,
    topic: v.topic.trim(),
    description: v.description.trim() || null,
    targetStaff: v.targetStaff as TrainingInput['targetStaff'],
    hours: num(v.hours),
    trainers: v.trainers
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    projectId: v.projectId,
    passThreshold: num(v.passThreshold),
    issuesCertificate: v.issuesCertificate,
    minAttendancePercent: num(v.minAttendancePercent),
    status: v.status as TrainingStatus,
  };
}

/** A server field path (`body.training.trainers.1`) as the form's field (`trainers`). */
const formField = (path: string) =>
  path
    .replace(/^body\./, '')
    .replace(/^training\./, '')
    .replace(/\.\d+$/, '');

/**
 * The catalogue entry of a training (TrainingInput): what it is, for whom, how long, who teaches,
 * the financing project, the test threshold and the certificate's rules, the status. New when
 * `training` is null; otherwise saved with its version (a 409 offers to load the current one).
 */
export function TrainingForm({
  training,
  onSaved,
  onCancel,
}: {
  training: Training | null;
  onSaved: (saved: Training) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const { me } = useMe();
  // The financing project is one the active institution leads or is a partner of.
  const canReadProjects = hasPermission(me, 'trainings.manage');
  const projects = useQuery({
    queryKey: [...trainingKeys.financingProjects(), me?.activeInstitutionId ?? ''],
    queryFn: ({ signal }) => fetchFinancingProjects(signal),
    enabled: canReadProjects && Boolean(me?.activeInstitutionId),
  });
  const [invalid, setInvalid] = useState(false);
  const form = useForm<TrainingValues>({
    initialValues: trainingValuesOf(training),
    validate: {
      title: (v) => (v.trim().length < 3 ? t('trainings.rules.title') : null),
      topic: (v) => (v.trim().length < 2 ? t('trainings.rules.required') : null),
      targetStaff: (v) => (v.length === 0 ? t('trainings.rules.targetStaff') : null),
      hours: (v) => {
        const h = num(v);
        if (!Number.isFinite(h) || h < 0.5 || h > 500) return t('trainings.rules.hoursRange');
        return Number.isInteger(h * 2) ? null : t('trainings.rules.hoursHalf');
      },
      passThreshold: (v) => (num(v) >= 1 && num(v) <= 100 ? null : t('trainings.rules.percent')),
      minAttendancePercent: (v) => (num(v) >= 0 && num(v) <= 100 ? null : t('trainings.rules.percent')),
    },
  });
  const save = useMutation({
    mutationFn: (input: TrainingInput) =>
      training
        ? updateTraining(training.id, { training: input, version: training.version })
        : createTraining(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(trainingKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['trainings', 'list'] });
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
    return (trainingFields as readonly string[]).includes(f)
      ? t(`trainings.fields.${f as TrainingField}`)
      : path;
  };

  const projectOptions = [
    ...(projects.data?.items ?? []).map((p) => ({
      value: p.id,
      label: `${p.number} — ${p.title}`,
    })),
  ];
  if (training?.project && !projectOptions.some((o) => o.value === training.project?.id))
    projectOptions.unshift({
      value: training.project.id,
      label: `${training.project.number} — ${training.project.title}`,
    });

  return (
    <form
      noValidate
      aria-label={training ? t('trainings.form.editLabel') : t('trainings.form.newLabel')}
      onSubmit={form.onSubmit(
        (values) => {
          setInvalid(false);
          save.mutate(trainingInputOf(values));
        },
        () => setInvalid(true),
      )}
    >
      <Stack gap="lg">
        {save.error ? (
          <Stack gap="xs">
            <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
            {isConflict(save.error) && training && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    void queryClient.invalidateQueries({ queryKey: trainingKeys.one(training.id) })
                  }
                >
                  {t('trainings.reload')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : null}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.form.fixErrors')}
          </Alert>
        )}
        <SectionCard titleId="training-form-what" title={t('trainings.form.what')}>
          <Grid>
            <Grid.Col span={12}>
              <TextInput
                label={t('trainings.fields.title')}
                withAsterisk
                maxLength={200}
                {...form.getInputProps('title')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('trainings.fields.form')}
                withAsterisk
                allowDeselect={false}
                data={labels.options('forms')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('form')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('trainings.fields.topic')}
                withAsterisk
                maxLength={200}
                {...form.getInputProps('topic')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('trainings.fields.description')}
                rows={4}
                resize="vertical"
                maxLength={5000}
                {...form.getInputProps('description')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('trainings.fields.hours')}
                description={t('trainings.form.hoursHint')}
                withAsterisk
                min={0.5}
                max={500}
                step={0.5}
                decimalScale={1}
                decimalSeparator=","
                {...form.getInputProps('hours')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Textarea
                label={t('trainings.fields.trainers')}
                description={t('trainings.form.trainersHint')}
                rows={2}
                resize="vertical"
                {...form.getInputProps('trainers')}
              />
            </Grid.Col>
          </Grid>
          <Checkbox.Group
            label={t('trainings.fields.targetStaff')}
            withAsterisk
            {...form.getInputProps('targetStaff')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
              {labels.options('targetStaff').map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </SectionCard>

        <SectionCard titleId="training-form-rules" title={t('trainings.form.rules')}>
          {canReadProjects ? (
            <Select
              label={t('trainings.fields.projectId')}
              description={t('trainings.form.projectHint')}
              placeholder={t('trainings.form.ownFunds')}
              data={projectOptions}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('projectId')}
            />
          ) : (
            <Text size="sm">
              {t('trainings.fields.projectId')}:{' '}
              {training?.project
                ? `${training.project.number} — ${training.project.title}`
                : t('trainings.form.ownFunds')}
              <br />
              <Text span size="xs" c="dimmed">
                {t('trainings.form.projectUnavailable')}
              </Text>
            </Text>
          )}
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('trainings.fields.passThreshold')}
                description={t('trainings.form.passThresholdHint')}
                min={1}
                max={100}
                allowDecimal={false}
                suffix="%"
                {...form.getInputProps('passThreshold')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('trainings.fields.minAttendancePercent')}
                description={t('trainings.form.minAttendanceHint')}
                min={0}
                max={100}
                allowDecimal={false}
                suffix="%"
                {...form.getInputProps('minAttendancePercent')}
              />
            </Grid.Col>
          </Grid>
          <Checkbox
            label={t('trainings.fields.issuesCertificate')}
            {...form.getInputProps('issuesCertificate', { type: 'checkbox' })}
          />
          <Radio.Group
            label={t('trainings.fields.status')}
            description={t('trainings.form.statusHint')}
            {...form.getInputProps('status')}
          >
            <Group gap="lg" mt={6}>
              {labels.options('statuses').map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        </SectionCard>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('trainings.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {training ? t('trainings.form.save') : t('trainings.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
