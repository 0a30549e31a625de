import type { Case, Plan } from '@kooperacja/domain';
import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { formatDate } from '../../../../lib/format';
import { isConflict } from '../../../admin/fieldErrors';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { DraftNotice } from '../../shared/DraftNotice';
import { useDraft } from '../../shared/useDraft';
import { ConflictDialog } from '../ConflictDialog';
import { caseKeys, fetchPlans } from '../caseApi';
import type { ConflictField } from '../conflict';
import { formErrorsOf } from '../formErrors';
import { useConflict } from '../useConflict';
import { useDateInputProps } from '../useDateInputProps';
import { type GoalApi, GoalFields, goalErrors } from './PlanGoalFields';
import {
  emptyAction,
  emptyGoal,
  newPlanValues,
  type PlanFormValues,
  planInputOf,
  planValuesOf,
  validatePlan,
} from './planForm';
import { useSavePlan } from './useSavePlan';

const focusLater = (id: string) =>
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el instanceof HTMLElement) el.focus();
  });

/**
 * Creating or changing a plan: type (and variant A/B of a kontrakt socjalny), period, review dates,
 * the assessment, goals (added, removed, moved with buttons) and per goal the actions with the
 * responsible institution (any in the registry) or the client's own commitment, signatures, status.
 * The unsaved values are kept as a draft; a stale save (409) opens the conflict dialog.
 */
export function PlanEditor({
  caseData,
  plan,
  onDone,
}: {
  caseData: Case;
  /** The plan edited; null for a new one. */
  plan: Plan | null;
  onDone: (saved: Plan | null) => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const queryClient = useQueryClient();
  const dateProps = useDateInputProps();
  const save = useSavePlan(caseData.id);
  const [version, setVersion] = useState(plan?.version ?? 0);
  const [errorCount, setErrorCount] = useState(0);
  const addGoalRef = useRef<HTMLButtonElement>(null);
  const form = useForm<PlanFormValues>({
    initialValues: plan ? planValuesOf(plan) : newPlanValues(),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validatePlan(values)).map(([path, code]) => [
          path,
          t(`cases.plan.errors.${code}` as 'cases.plan.errors.required'),
        ]),
      ),
  });
  const values = form.values;
  const isContract = values.type === 'kontrakt_socjalny';

  const draft = useDraft<PlanFormValues>({
    form: 'plan',
    recordId: plan?.id ?? `new:${caseData.id}`,
    values,
    dirty: form.isDirty(),
    version: plan ? version : undefined,
    onRestore: (d) => form.setValues(d.values),
  });

  const optionText = (name: Parameters<typeof labels.label>[0], key: string | null) =>
    key ? labels.label(name, key) : '';
  const fields: ConflictField<PlanFormValues>[] = [
    { key: 'type', label: t('cases.plan.fields.type'), format: (v) => optionText('planTypes', v.type) },
    {
      key: 'variant',
      label: t('cases.plan.fields.variant'),
      format: (v) => (v.type === 'kontrakt_socjalny' ? optionText('contractVariants', v.variant) : ''),
    },
    { key: 'title', label: t('cases.plan.fields.title'), format: (v) => v.title.trim() },
    { key: 'assessment', label: t('cases.plan.fields.assessment'), format: (v) => v.assessment.trim() },
    {
      key: 'period',
      label: t('cases.plan.fields.period'),
      format: (v) => `${formatDate(v.startDate)} – ${formatDate(v.endDate)}`,
    },
    {
      key: 'reviewDates',
      label: t('cases.plan.fields.reviewDates'),
      format: (v) => (planInputOf(v).reviewDates ?? []).map((d) => formatDate(d)).join(', '),
    },
    {
      key: 'status',
      label: t('cases.plan.fields.status'),
      format: (v) => optionText('planStatuses', v.status),
    },
    {
      key: 'goals',
      label: t('cases.plan.fields.goals'),
      format: (v) =>
        v.goals
          .map(
            (g, i) =>
              `${i + 1}. ${g.description.trim()}${g.actions
                .map(
                  (a) =>
                    `\n   – ${a.description.trim()} (${[
                      labels.label('actionStatuses', a.status),
                      formatDate(a.deadline),
                      a.party === 'klient'
                        ? labels.label('actionParties', 'klient')
                        : a.responsibleInstitutionName,
                      a.responsiblePerson.trim(),
                    ]
                      .filter(Boolean)
                      .join(', ')})`,
                )
                .join('')}`,
          )
          .join('\n'),
    },
    {
      key: 'signatures',
      label: t('cases.plan.fields.signatures'),
      format: (v) =>
        [
          v.workerSignedOn ? `${t('cases.plan.fields.workerSignedOn')}: ${formatDate(v.workerSignedOn)}` : '',
          v.clientSignedOn ? `${t('cases.plan.fields.clientSignedOn')}: ${formatDate(v.clientSignedOn)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
    },
  ];
  const conflict = useConflict({
    fetchCurrent: async () => {
      const list = await queryClient.fetchQuery({
        queryKey: caseKeys.plans(caseData.id),
        queryFn: ({ signal }) => fetchPlans(caseData.id, signal),
        staleTime: 0,
      });
      const current = list.items.find((p) => p.id === plan?.id);
      if (!current) throw new Error(t('cases.plan.goneError'));
      return current;
    },
    valuesOf: planValuesOf,
    fields,
  });

  const load = (p: Plan) => {
    const v = planValuesOf(p);
    setVersion(p.version);
    form.setInitialValues(v);
    form.setValues(v);
    form.resetDirty(v);
  };

  const submitValues = (v: PlanFormValues, withVersion: number) =>
    save.mutate(
      { planId: plan?.id, version: withVersion, plan: planInputOf(v) },
      {
        onSuccess: (saved) => {
          draft.clear();
          conflict.close();
          notifications.show({
            color: 'green',
            message: plan ? t('cases.plan.saved') : t('cases.plan.created'),
          });
          onDone(saved);
        },
        onError: (error) => {
          if (isConflict(error) && plan) void conflict.begin(v);
          else form.setErrors(formErrorsOf(error, 'plan'));
        },
      },
    );

  const submit = form.onSubmit(
    (v) => {
      setErrorCount(0);
      submitValues(v, version);
    },
    (errors) => {
      const paths = Object.keys(errors);
      setErrorCount(paths.length);
      const first = paths[0];
      if (first) {
        const el = document.querySelector<HTMLElement>(`[data-path="${first}"]`);
        el?.focus();
      }
    },
  );

  const input = (path: string) => ({ ...form.getInputProps(path), 'data-path': path });

  // Stable callbacks for the memoised goal fields; they act on the latest form.
  const formRef = useRef(form);
  formRef.current = form;
  const goalApi = useMemo<GoalApi>(
    () => ({
      set: (path, value) => formRef.current.setFieldValue(path, value as never),
      move: (from, to, key, dir) => {
        const f = formRef.current;
        f.reorderListItem('goals', { from, to });
        const last = f.getValues().goals.length - 1;
        const edge = (dir === 'up' && to === 0) || (dir === 'down' && to === last);
        focusLater(`goal-${key}-${edge ? (dir === 'up' ? 'down' : 'up') : dir}`);
      },
      remove: (i) => {
        formRef.current.removeListItem('goals', i);
        requestAnimationFrame(() => addGoalRef.current?.focus());
      },
      addAction: (i) => {
        const a = emptyAction(caseData.institution);
        formRef.current.insertListItem(`goals.${i}.actions`, a);
        focusLater(`action-${a.key}-description`);
      },
      removeAction: (i, j, goalKey) => {
        formRef.current.removeListItem(`goals.${i}.actions`, j);
        focusLater(`goal-${goalKey}-add-action`);
      },
    }),
    [caseData.institution],
  );
  const addGoal = () => {
    const g = emptyGoal();
    form.insertListItem('goals', g);
    focusLater(`goal-${g.key}-description`);
  };
  const addReviewDate = () => {
    const key = `review-${randomId()}`;
    form.insertListItem('reviewDates', { key, date: null });
    focusLater(`${key}-date`);
  };

  const title = plan ? t('cases.plan.editTitle') : t('cases.plan.newTitle');

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Title order={3} size="h4">
            {title}
          </Title>
          <DraftNotice
            draft={draft.restored}
            onDiscard={() => {
              form.reset();
              draft.clear();
            }}
            onClose={draft.dismiss}
          />
          {save.error && !isConflict(save.error) ? <ProblemAlert error={save.error} /> : null}
          {errorCount > 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('cases.plan.fixErrors', { count: errorCount })}
            </Alert>
          )}

          <Fieldset legend={t('cases.plan.basics')}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('cases.plan.fields.type')}
                  required
                  disabled={!!plan}
                  description={plan ? t('cases.plan.typeFixed') : undefined}
                  data={labels.options('planTypes')}
                  comboboxProps={{ withinPortal: true }}
                  {...input('type')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label={t('cases.plan.fields.title')}
                  description={t('cases.plan.titleHint')}
                  maxLength={200}
                  {...input('title')}
                />
              </Grid.Col>
              {isContract && (
                <Grid.Col span={12}>
                  <Radio.Group
                    label={t('cases.plan.fields.variant')}
                    description={t('cases.plan.variantHint')}
                    required
                    {...form.getInputProps('variant')}
                    value={values.variant ?? ''}
                  >
                    <Stack gap={6} mt={6}>
                      {labels.options('contractVariants').map((o, i) => (
                        <Radio
                          key={o.value}
                          value={o.value}
                          label={o.label}
                          data-path={i === 0 ? 'variant' : undefined}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DateInput
                  label={t('cases.plan.fields.startDate')}
                  required
                  {...dateProps}
                  {...input('startDate')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DateInput
                  label={t('cases.plan.fields.endDate')}
                  required
                  {...dateProps}
                  {...input('endDate')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('cases.plan.fields.status')}
                  required
                  data={labels.options('planStatuses')}
                  description={isContract ? t('cases.plan.statusHint') : undefined}
                  comboboxProps={{ withinPortal: true }}
                  {...input('status')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label={t('cases.plan.fields.assessment')}
                  description={t('cases.plan.assessmentHint')}
                  autosize
                  minRows={3}
                  maxLength={8000}
                  {...input('assessment')}
                />
              </Grid.Col>
            </Grid>
          </Fieldset>

          <Fieldset legend={t('cases.plan.fields.reviewDates')}>
            <Stack gap="xs">
              {values.reviewDates.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('cases.plan.noReviewDates')}
                </Text>
              )}
              {values.reviewDates.map((r, i) => (
                <Group key={r.key} gap="xs" align="flex-end">
                  <DateInput
                    id={`${r.key}-date`}
                    label={t('cases.plan.reviewDateN', { n: i + 1 })}
                    {...dateProps}
                    {...input(`reviewDates.${i}.date`)}
                  />
                  <Button
                    variant="subtle"
                    color="red.8"
                    onClick={() => form.removeListItem('reviewDates', i)}
                  >
                    {t('cases.plan.removeReviewDate', { n: i + 1 })}
                  </Button>
                </Group>
              ))}
              <Group>
                <Button variant="default" size="sm" onClick={addReviewDate}>
                  {t('cases.plan.addReviewDate')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Stack gap="sm">
            <Title order={4} size="h5">
              {t('cases.plan.fields.goals')}
            </Title>
            <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
              {values.goals.map((g, i) => (
                <GoalFields
                  key={g.key}
                  index={i}
                  count={values.goals.length}
                  goal={g}
                  errors={goalErrors(form.errors, i)}
                  api={goalApi}
                />
              ))}
            </Stack>
            {form.errors.goals && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors.goals}
              </Text>
            )}
            <Group>
              <Button
                ref={addGoalRef}
                variant="default"
                onClick={addGoal}
                disabled={values.goals.length >= 20}
              >
                {t('cases.plan.addGoal')}
              </Button>
            </Group>
          </Stack>

          <Fieldset legend={t('cases.plan.fields.signatures')}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput
                  label={t('cases.plan.fields.workerSignedOn')}
                  {...dateProps}
                  {...input('workerSignedOn')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput
                  label={t('cases.plan.fields.clientSignedOn')}
                  {...dateProps}
                  {...input('clientSignedOn')}
                />
              </Grid.Col>
            </Grid>
          </Fieldset>

          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {plan ? t('cases.plan.save') : t('cases.plan.create')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                draft.clear();
                onDone(null);
              }}
            >
              {t('cases.plan.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        opened={conflict.opened}
        onClose={conflict.close}
        differences={conflict.differences}
        error={conflict.error}
        pending={save.isPending}
        onKeepMine={() => {
          if (conflict.mine && conflict.current) submitValues(conflict.mine, conflict.current.version);
        }}
        onLoadCurrent={() => {
          if (conflict.current) load(conflict.current);
          draft.clear();
          save.reset();
          conflict.close();
        }}
      />
    </>
  );
}
