import { formatAmount, type Project, type ProjectInput, parseAmount, sumGrosze } from '@kooperacja/domain';
import {
  Alert,
  Button,
  Fieldset,
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
import { isConflict } from '../admin/fieldErrors';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { ProgrammePlacementSelect } from '../programmes';
import { useProjectLabels } from './labels';
import { amountText, groszeOf, MoneyInput, useMoneyError } from './MoneyInput';
import { createProject, projectKeys, updateProject } from './projectsApi';

const MONEY = [
  'totalValue',
  'eligibleCosts',
  'euFunding',
  'stateBudget',
  'targetedSubsidy',
  'ownContribution',
] as const;
type MoneyField = (typeof MONEY)[number];

export interface ProjectFormValues extends Record<MoneyField, string> {
  number: string;
  title: string;
  shortTitle: string;
  programmeNodeId: string | null;
  status: string | null;
  startsOn: string | null;
  endsOn: string | null;
  goals: string;
  description: string;
  targetGroups: string;
  callNumber: string;
  callRank: number | string;
  callTotal: number | string;
  callResult: string;
}

export function valuesOf(p?: Project): ProjectFormValues {
  return {
    number: p?.number ?? '',
    title: p?.title ?? '',
    shortTitle: p?.shortTitle ?? '',
    programmeNodeId: p?.programme.id ?? null,
    status: p?.status ?? 'realizacja',
    startsOn: p?.startsOn ?? null,
    endsOn: p?.endsOn ?? null,
    goals: p?.goals ?? '',
    description: p?.description ?? '',
    targetGroups: (p?.targetGroups ?? []).join('\n'),
    totalValue: amountText(p?.totalValue),
    eligibleCosts: amountText(p?.eligibleCosts),
    euFunding: amountText(p?.euFunding ?? 0),
    stateBudget: amountText(p?.stateBudget ?? 0),
    targetedSubsidy: amountText(p?.targetedSubsidy ?? 0),
    ownContribution: amountText(p?.ownContribution ?? 0),
    callNumber: p?.callNumber ?? '',
    callRank: p?.callRank ?? '',
    callTotal: p?.callTotal ?? '',
    callResult: p?.callResult ?? '',
  };
}

/** The body the API takes: money as whole grosze, empty texts as null, one target group per line. */
export function inputOf(v: ProjectFormValues): ProjectInput {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  const int = (n: number | string) => (n === '' || n === null ? null : Number(n));
  return {
    number: v.number.trim(),
    title: v.title.trim(),
    shortTitle: opt(v.shortTitle),
    programmeNodeId: v.programmeNodeId ?? '',
    status: (v.status ?? 'realizacja') as ProjectInput['status'],
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn ?? '',
    goals: opt(v.goals),
    description: opt(v.description),
    targetGroups: v.targetGroups
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    totalValue: groszeOf(v.totalValue),
    eligibleCosts: groszeOf(v.eligibleCosts),
    euFunding: groszeOf(v.euFunding),
    stateBudget: groszeOf(v.stateBudget),
    targetedSubsidy: groszeOf(v.targetedSubsidy),
    ownContribution: groszeOf(v.ownContribution),
    callNumber: opt(v.callNumber),
    callRank: int(v.callRank),
    callTotal: int(v.callTotal),
    callResult: opt(v.callResult),
  };
}

/** The sources against the eligible costs as typed so far (null while an amount does not parse). */
function sourcesCheck(v: ProjectFormValues) {
  const parsed = MONEY.map((f) =>
    v[f].trim() === '' ? { ok: true as const, grosze: 0 } : parseAmount(v[f]),
  );
  if (parsed.some((p) => !p.ok)) return null;
  const [, eligible = 0, ...sources] = parsed.map((p) => (p.ok ? p.grosze : 0));
  const sum = sumGrosze(sources);
  return { sum, eligible, difference: sumGrosze([eligible, -sum]) };
}

export interface ProjectFormProps {
  project?: Project;
  onSaved: (p: Project) => void;
  onCancel: () => void;
  /** Reloads the project after a conflict (someone else saved it meanwhile). */
  onReload?: () => void;
}

/**
 * Registers a project (led by the active institution) or changes one with the version it was loaded
 * at. Money is typed the Polish way and sent as whole grosze; the sums are checked by the server
 * (its messages, with the amounts, appear next to the fields) and shown live under the sources.
 */
export function ProjectForm({ project, onSaved, onCancel, onReload }: ProjectFormProps) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const dateProps = useDateInputProps();
  const moneyError = useMoneyError();
  const queryClient = useQueryClient();
  const required = (v: unknown) =>
    (typeof v === 'string' ? v.trim() : v) ? null : t('projects.form.required');
  const form = useForm<ProjectFormValues>({
    initialValues: valuesOf(project),
    validate: {
      number: required,
      title: required,
      programmeNodeId: required,
      startsOn: required,
      endsOn: required,
      totalValue: (v) => moneyError(v),
      eligibleCosts: (v) => moneyError(v),
      euFunding: (v) => moneyError(v, { required: false }),
      stateBudget: (v) => moneyError(v, { required: false }),
      targetedSubsidy: (v) => moneyError(v, { required: false }),
      ownContribution: (v) => moneyError(v, { required: false }),
    },
  });
  const save = useMutation({
    mutationFn: (v: ProjectFormValues) =>
      project ? updateProject(project.id, inputOf(v), project.version) : createProject(inputOf(v)),
    onSuccess: (p) => {
      queryClient.setQueryData(projectKeys.one(p.id), p);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
      onSaved(p);
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'project')),
  });
  const fieldLabel = (field: string) => {
    const key = field.replace(/^(body\.)?(project\.)?/, '');
    return t(`projects.fields.${key}` as 'projects.fields.number', { defaultValue: key });
  };
  const check = sourcesCheck(form.values);
  const money = (f: MoneyField, props: { required?: boolean; description?: string } = {}) => (
    <MoneyInput label={t(`projects.money.${f}`)} {...props} {...form.getInputProps(f)} />
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('projects.form.label')}>
      <Stack gap="md">
        {isConflict(save.error) ? (
          <Alert color="orange" variant="light" role="alert" title={t('projects.form.conflict')}>
            {onReload && (
              <Button variant="default" size="sm" mt="xs" onClick={onReload}>
                {t('projects.form.reload')}
              </Button>
            )}
          </Alert>
        ) : save.error ? (
          <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
        ) : null}
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('projects.fields.number')}
              description={t('projects.form.numberHint')}
              required
              {...form.getInputProps('number')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput label={t('projects.fields.title')} required {...form.getInputProps('title')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('projects.fields.shortTitle')} {...form.getInputProps('shortTitle')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <ProgrammePlacementSelect
              label={t('projects.fields.programmeNodeId')}
              required
              value={form.values.programmeNodeId}
              error={form.errors.programmeNodeId}
              onChange={(id) => form.setFieldValue('programmeNodeId', id)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('projects.fields.status')}
              data={labels.options('statuses')}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('projects.fields.startsOn')}
              required
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('projects.fields.endsOn')}
              required
              {...dateProps}
              {...form.getInputProps('endsOn')}
            />
          </Grid.Col>
        </Grid>
        <Fieldset legend={t('projects.form.moneyLegend')}>
          <Stack gap="sm">
            <Text size="sm">{t('projects.form.moneyHint')}</Text>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('totalValue', { required: true })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('eligibleCosts', { required: true })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('euFunding')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('stateBudget')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('targetedSubsidy')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{money('ownContribution')}</Grid.Col>
            </Grid>
            {check && (
              <Text size="sm" aria-live="polite" data-testid="sources-check">
                {check.difference === 0
                  ? t('projects.form.sourcesOk', { sum: formatAmount(check.sum) })
                  : t('projects.form.sourcesDiffer', {
                      sum: formatAmount(check.sum),
                      eligible: formatAmount(check.eligible),
                      difference: formatAmount(Math.abs(check.difference)),
                    })}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('projects.form.callLegend')}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('projects.fields.callNumber')} {...form.getInputProps('callNumber')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput
                label={t('projects.fields.callRank')}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('callRank')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput
                label={t('projects.fields.callTotal')}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('callTotal')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('projects.fields.callResult')}
                description={t('projects.form.callResultHint')}
                {...form.getInputProps('callResult')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Textarea label={t('projects.fields.goals')} rows={3} {...form.getInputProps('goals')} />
        <Textarea
          label={t('projects.fields.targetGroups')}
          description={t('projects.form.targetGroupsHint')}
          rows={3}
          {...form.getInputProps('targetGroups')}
        />
        <Textarea label={t('projects.fields.description')} rows={3} {...form.getInputProps('description')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {project ? t('projects.form.save') : t('projects.form.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('projects.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
