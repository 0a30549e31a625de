import { formatAmount, type Project, type ProjectTask, parseAmount, sumGrosze } from '@kooperacja/domain';
import {
  ActionIcon,
  Button,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useProjectLabels } from './labels';
import { amountText, groszeOf, MoneyInput, useMoneyError } from './MoneyInput';
import { createTask, projectKeys, updateTask } from './projectsApi';

interface LineValues {
  key: string;
  name: string;
  category: string | null;
  amount: string;
}
interface TaskValues {
  number: number | string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  institutionId: string | null;
  lines: LineValues[];
}

let keySeq = 0;
const newLine = (l?: Partial<LineValues>): LineValues => ({
  key: `line-${++keySeq}`,
  name: l?.name ?? '',
  category: l?.category ?? 'inne',
  amount: l?.amount ?? '',
});

/** Adds or changes a task with its budget lines; the task's budget is the sum of its lines. */
export function TaskForm({
  project,
  task,
  nextNumber,
  onDone,
  onCancel,
}: {
  project: Project;
  task?: ProjectTask;
  nextNumber: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const dateProps = useDateInputProps();
  const moneyError = useMoneyError();
  const queryClient = useQueryClient();
  const form = useForm<TaskValues>({
    initialValues: {
      number: task?.number ?? nextNumber,
      name: task?.name ?? '',
      description: task?.description ?? '',
      startsOn: task?.startsOn ?? null,
      endsOn: task?.endsOn ?? null,
      institutionId: task?.institution?.id ?? project.leader.id,
      lines: task?.lines.map((l) => newLine({ ...l, amount: amountText(l.amount) })) ?? [newLine()],
    },
    validate: {
      number: (v) => (v === '' ? t('projects.form.required') : null),
      name: (v) => (v.trim() ? null : t('projects.form.required')),
      lines: {
        name: (v) => (v.trim() ? null : t('projects.form.required')),
        amount: (v) => moneyError(v),
      },
    },
  });
  const save = useMutation({
    mutationFn: (v: TaskValues) => {
      const body = {
        number: Number(v.number),
        name: v.name.trim(),
        description: v.description.trim() || null,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        institutionId: v.institutionId,
        lines: v.lines.map((l) => ({
          name: l.name.trim(),
          category: (l.category ?? 'inne') as ProjectTask['lines'][number]['category'],
          amount: groszeOf(l.amount),
        })),
      };
      return task ? updateTask(project.id, task.id, body, task.version) : createTask(project.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.tasks(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(project.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'task')),
  });
  const amounts = form.values.lines.map((l) => parseAmount(l.amount));
  const total = amounts.every((a) => a.ok) ? sumGrosze(amounts.map((a) => (a.ok ? a.grosze : 0))) : null;
  const institutions = [
    { value: project.leader.id, label: project.leader.shortName ?? project.leader.name },
    ...project.partners.map((p) => ({
      value: p.institution.id,
      label: p.institution.shortName ?? p.institution.name,
    })),
  ];
  const fieldLabel = (f: string) =>
    t(`projects.task.${f.replace(/^(task\.)?/, '').split('.')[0]}` as 'projects.task.name', {
      defaultValue: f,
    });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} fieldLabel={fieldLabel} /> : null}
        <Grid>
          <Grid.Col span={{ base: 4, sm: 2 }}>
            <NumberInput
              label={t('projects.task.number')}
              min={1}
              max={999}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('number')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 10 }}>
            <TextInput label={t('projects.task.name')} required {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('projects.task.institutionId')}
              data={institutions}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('institutionId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <DateInput
              label={t('projects.task.startsOn')}
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <DateInput label={t('projects.task.endsOn')} {...dateProps} {...form.getInputProps('endsOn')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('projects.task.description')} rows={3} {...form.getInputProps('description')} />
        <Text fw={600} size="sm" id="task-lines-title">
          {t('projects.task.lines')}
        </Text>
        <Stack gap="xs" role="group" aria-labelledby="task-lines-title">
          {form.values.lines.map((l, i) => (
            <Group key={l.key} align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 3 }}
                label={t('projects.task.lineName', { n: i + 1 })}
                required
                {...form.getInputProps(`lines.${i}.name`)}
              />
              <Select
                style={{ flex: 2 }}
                label={t('projects.task.category', { n: i + 1 })}
                data={labels.options('budgetCategories')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps(`lines.${i}.category`)}
              />
              <MoneyInput
                style={{ flex: 2 }}
                label={t('projects.task.amount', { n: i + 1 })}
                required
                {...form.getInputProps(`lines.${i}.amount`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('projects.task.removeLine', { n: i + 1 })}
                disabled={form.values.lines.length <= 1}
                onClick={() => form.removeListItem('lines', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        {form.errors.lines && (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.lines}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" size="xs" onClick={() => form.insertListItem('lines', newLine())}>
            {t('projects.task.addLine')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('projects.task.total', { total: total === null ? '—' : formatAmount(total) })}
          </Text>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('projects.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {task ? t('projects.form.save') : t('projects.task.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
