import type {
  Breakdown,
  IndicatorDefinition,
  IndicatorUnit,
  MetricInfo,
  ProjectIndicator,
} from '@kooperacja/domain';
import {
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDefinitions, useMetrics } from './hooks';
import { addIndicator, indicatorKeys, updateIndicator } from './indicatorsApi';
import { useIndicatorLabels } from './labels';

const categoriesOf: Record<string, string[]> = {
  plec: ['k', 'm', 'n'],
  wiek: ['ponizej_18', '18_29', '30_54', '55_plus'],
};

interface Values {
  from: 'library' | 'new';
  definitionId: string | null;
  name: string;
  definitionText: string;
  unit: IndicatorUnit;
  type: 'produkt' | 'rezultat';
  counting: string;
  measurement: string;
  breakdowns: string[];
  baseline: string;
  target: string;
  targetBreakdown: Record<string, Record<string, number | ''>>;
  source: 'manual' | 'metric';
  metricKey: string | null;
  metricParams: Record<string, unknown>;
}

function cleanBreakdown(b: Values['targetBreakdown'], dims: readonly string[]): Breakdown {
  const out: Breakdown = {};
  for (const dim of dims) {
    const filled = Object.entries(b[dim] ?? {}).filter(([, n]) => n !== '' && n !== null && n !== undefined);
    if (filled.length) out[dim] = Object.fromEntries(filled) as Record<string, number>;
  }
  return out;
}

/** A metric's parameter as a field: a checkbox, a choice or a whole number. */
function ParamField({
  field,
  value,
  onChange,
  error,
}: {
  field: MetricInfo['params'][number];
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
}) {
  const labels = useIndicatorLabels();
  if (field.kind === 'boolean')
    return (
      <Checkbox
        label={labels.pick(field.label)}
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        error={error}
      />
    );
  if (field.kind === 'enum')
    return (
      <Select
        label={labels.pick(field.label)}
        data={field.options.map((o) => ({ value: o.value, label: labels.pick(o.label) }))}
        value={(value as string) ?? null}
        onChange={(v) => onChange(v)}
        allowDeselect={false}
        error={error}
      />
    );
  return (
    <NumberInput
      label={labels.pick(field.label)}
      value={(value as number) ?? ''}
      onChange={(v) => onChange(v === '' ? undefined : v)}
      allowDecimal={false}
      error={error}
    />
  );
}

const defaultsOf = (m: MetricInfo | undefined) =>
  Object.fromEntries((m?.params ?? []).map((p) => [p.name, p.default]));

/**
 * "Dodaj wskaźnik" (or, with `existing`, its change): a definition from the library or a new
 * project-specific one; baseline, target and targets per breakdown; entered by hand or computed by
 * a metric of the registry with its parameters.
 */
export function IndicatorForm({
  projectId,
  existing,
  onDone,
}: {
  projectId: string;
  existing?: ProjectIndicator;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const queryClient = useQueryClient();
  const library = useDefinitions({ active: 'true', limit: 500 }, !existing);
  const metrics = useMetrics();
  const available = useMemo(
    () =>
      (library.data?.items ?? []).filter(
        (d: IndicatorDefinition) => d.scope !== 'projektowy' || d.project?.id === projectId,
      ),
    [library.data, projectId],
  );
  const form = useForm<Values>({
    initialValues: {
      from: 'library',
      definitionId: existing?.definition.id ?? null,
      name: '',
      definitionText: '',
      unit: existing?.definition.unit ?? 'osoby',
      type: 'produkt',
      counting: 'osoby_unikalne',
      measurement: 'na_dzien',
      breakdowns: [],
      baseline: existing?.baseline ?? '0',
      target: existing?.target ?? '',
      targetBreakdown: Object.fromEntries(
        Object.entries(existing?.targetBreakdown ?? {}).map(([d, cats]) => [d, { ...cats }]),
      ),
      source: existing?.source ?? 'manual',
      metricKey: existing?.metricKey ?? null,
      metricParams: existing?.metricParams ?? {},
    },
  });
  const v = form.values;
  const chosen = existing ? null : available.find((d) => d.id === v.definitionId);
  const unit: IndicatorUnit = existing
    ? existing.definition.unit
    : v.from === 'library'
      ? (chosen?.unit ?? 'osoby')
      : v.unit;
  const dims: readonly string[] = existing
    ? existing.definition.breakdowns
    : v.from === 'library'
      ? (chosen?.breakdowns ?? [])
      : v.breakdowns;
  const fitting = (metrics.data?.items ?? []).filter((m) => m.unit === unit);
  const metric = fitting.find((m) => m.key === v.metricKey);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const settings = {
        baseline: values.baseline.trim() || '0',
        target: values.target.trim(),
        targetBreakdown: cleanBreakdown(values.targetBreakdown, dims),
        source: values.source,
        metricKey: values.source === 'metric' ? values.metricKey : null,
        metricParams: values.source === 'metric' ? values.metricParams : {},
      };
      if (existing)
        return updateIndicator(projectId, existing.id, {
          ...settings,
          sortOrder: existing.sortOrder,
          version: existing.version,
        });
      return addIndicator(projectId, {
        ...settings,
        ...(values.from === 'library'
          ? { definitionId: values.definitionId }
          : {
              newDefinition: {
                name: values.name,
                definition: values.definitionText,
                unit: values.unit,
                type: values.type,
                counting: values.counting as 'zdarzenia',
                measurement: values.measurement as 'na_dzien',
                breakdowns: values.breakdowns as ('plec' | 'wiek')[],
              },
            }),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.project(projectId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {existing ? (
          <Text fw={600}>
            {existing.definition.code ? `${existing.definition.code} ` : ''}
            {existing.definition.name}
          </Text>
        ) : (
          <>
            <SegmentedControl
              aria-label={t('indicators.form.from')}
              data={[
                { value: 'library', label: t('indicators.form.fromLibrary') },
                { value: 'new', label: t('indicators.form.fromNew') },
              ]}
              {...form.getInputProps('from')}
            />
            {v.from === 'library' ? (
              <Select
                label={t('indicators.form.definition')}
                searchable
                required
                nothingFoundMessage={t('indicators.form.nothingFound')}
                data={available.map((d) => ({
                  value: d.id,
                  label: `${d.code ? `${d.code} ` : ''}${d.name}`,
                }))}
                {...form.getInputProps('definitionId')}
              />
            ) : (
              <>
                <TextInput label={t('indicators.library.name')} required {...form.getInputProps('name')} />
                <Textarea
                  label={t('indicators.library.definition')}
                  rows={2}
                  {...form.getInputProps('definitionText')}
                />
                <Grid>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('indicators.library.unit')}
                      data={labels.options('units')}
                      allowDeselect={false}
                      {...form.getInputProps('unit')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('indicators.library.type')}
                      data={labels.options('types')}
                      allowDeselect={false}
                      {...form.getInputProps('type')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('indicators.library.counting')}
                      data={labels.options('counting')}
                      allowDeselect={false}
                      {...form.getInputProps('counting')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('indicators.library.measurement')}
                      data={labels.options('measurement')}
                      allowDeselect={false}
                      {...form.getInputProps('measurement')}
                    />
                  </Grid.Col>
                </Grid>
                <Checkbox.Group
                  label={t('indicators.library.breakdowns')}
                  {...form.getInputProps('breakdowns')}
                >
                  <Group mt={4}>
                    {labels.options('dimensions').map((o) => (
                      <Checkbox key={o.value} value={o.value} label={o.label} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </>
            )}
          </>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('indicators.table.baseline')}
              inputMode="decimal"
              {...form.getInputProps('baseline')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('indicators.form.targetWithUnit', { unit: labels.label('units', unit) })}
              inputMode="decimal"
              required
              {...form.getInputProps('target')}
            />
          </Grid.Col>
        </Grid>
        {dims.map((d) => (
          <fieldset key={d} style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t('indicators.form.targetBreakdownOf', { dimension: labels.label('dimensions', d) })}
            </Text>
            <Grid mt={4}>
              {(categoriesOf[d] ?? []).map((c) => (
                <Grid.Col key={c} span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label={labels.category(d, c)}
                    min={0}
                    allowDecimal={false}
                    {...form.getInputProps(`targetBreakdown.${d}.${c}`)}
                    value={(v.targetBreakdown[d]?.[c] as number | undefined) ?? ''}
                  />
                </Grid.Col>
              ))}
            </Grid>
            {form.errors[`targetBreakdown.${d}`] && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors[`targetBreakdown.${d}`]}
              </Text>
            )}
          </fieldset>
        ))}
        <SegmentedControl
          aria-label={t('indicators.form.source')}
          data={labels.options('sources')}
          {...form.getInputProps('source')}
        />
        {v.source === 'metric' && (
          <>
            <Select
              label={t('indicators.form.metric')}
              description={metric ? labels.pick(metric.description) : t('indicators.form.metricHint')}
              required
              data={fitting.map((m) => ({ value: m.key, label: labels.pick(m.label) }))}
              nothingFoundMessage={t('indicators.form.noMetric')}
              {...form.getInputProps('metricKey')}
              onChange={(key) => {
                form.setFieldValue('metricKey', key);
                form.setFieldValue('metricParams', defaultsOf(fitting.find((m) => m.key === key)));
              }}
            />
            {metric?.params.map((p) => (
              <ParamField
                key={p.name}
                field={p}
                value={v.metricParams[p.name]}
                onChange={(x) => form.setFieldValue('metricParams', { ...v.metricParams, [p.name]: x })}
                error={form.errors[`metricParams.${p.name}`] as string | undefined}
              />
            ))}
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {existing ? t('indicators.form.saveChanges') : t('indicators.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
