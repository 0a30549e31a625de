import type { Breakdown, IndicatorValue, ProjectIndicator } from '@kooperacja/domain';
import { Button, FileInput, Grid, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { correctValue, enterValue, indicatorKeys, uploadEvidence } from './indicatorsApi';
import { todayIso, useIndicatorLabels } from './labels';

interface Values {
  measuredOn: string | null;
  value: string;
  numerator: string;
  denominator: string;
  breakdown: Record<string, Record<string, number | ''>>;
  sourceNote: string;
  file: File | null;
}

const categoriesOf: Record<string, string[]> = {
  plec: ['k', 'm', 'n'],
  wiek: ['ponizej_18', '18_29', '30_54', '55_plus'],
};

/** Drops empty breakdown fields: a category left blank is simply not reported. */
function cleanBreakdown(b: Values['breakdown']): Breakdown {
  const out: Breakdown = {};
  for (const [dim, cats] of Object.entries(b)) {
    const filled = Object.entries(cats).filter(([, n]) => n !== '' && n !== null && n !== undefined);
    if (filled.length) out[dim] = Object.fromEntries(filled) as Record<string, number>;
  }
  return out;
}

/**
 * "Wprowadź wartość": the day the value is true for, the value (numerator and denominator for a
 * percent indicator), its breakdown, the source and an evidence file (PDF, PNG or JPEG). With
 * `original` it is a correction: a new value that replaces the original one.
 */
export function ValueForm({
  projectId,
  indicator,
  original,
  onDone,
}: {
  projectId: string;
  indicator: ProjectIndicator;
  original?: IndicatorValue;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const percent = indicator.definition.unit === 'procent';
  const dims = indicator.definition.breakdowns;
  const form = useForm<Values>({
    initialValues: {
      measuredOn: original?.measuredOn ?? todayIso(),
      value: original?.value ?? '',
      numerator: original?.numerator ?? '',
      denominator: original?.denominator ?? '',
      breakdown: Object.fromEntries(
        dims.map((d) => [
          d,
          Object.fromEntries((categoriesOf[d] ?? []).map((c) => [c, original?.breakdown[d]?.[c] ?? ''])),
        ]),
      ),
      sourceNote: original?.sourceNote ?? '',
      file: null,
    },
    validate: {
      measuredOn: (v) => (v ? null : t('indicators.form.required')),
      sourceNote: (v) => (v.trim() ? null : t('indicators.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const evidence = v.file ? await uploadEvidence(projectId, v.file) : null;
      const input = {
        measuredOn: v.measuredOn as string,
        value: percent ? null : v.value.trim() || null,
        numerator: percent ? v.numerator.trim() || null : null,
        denominator: percent ? v.denominator.trim() || null : null,
        breakdown: cleanBreakdown(v.breakdown),
        sourceNote: v.sourceNote,
        evidenceDocumentId: evidence?.id ?? null,
      };
      return original
        ? correctValue(projectId, indicator.id, original.id, input)
        : enterValue(projectId, indicator.id, input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.project(projectId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {original && <Text size="sm">{t('indicators.form.correctionHint')}</Text>}
        <DateInput
          label={t('indicators.values.date')}
          description={t('indicators.form.dateHint')}
          required
          {...dateProps}
          {...form.getInputProps('measuredOn')}
        />
        {percent ? (
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('indicators.values.numerator')}
                required
                inputMode="decimal"
                {...form.getInputProps('numerator')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('indicators.values.denominator')}
                required
                inputMode="decimal"
                {...form.getInputProps('denominator')}
              />
            </Grid.Col>
          </Grid>
        ) : (
          <TextInput
            label={t('indicators.values.valueWithUnit', {
              unit: labels.label('units', indicator.definition.unit),
            })}
            required
            inputMode="decimal"
            {...form.getInputProps('value')}
          />
        )}
        {dims.map((d) => (
          <fieldset key={d} style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t('indicators.form.breakdownOf', { dimension: labels.label('dimensions', d) })}
            </Text>
            <Grid mt={4}>
              {(categoriesOf[d] ?? []).map((c) => (
                <Grid.Col key={c} span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label={labels.category(d, c)}
                    min={0}
                    allowDecimal={false}
                    {...form.getInputProps(`breakdown.${d}.${c}`)}
                  />
                </Grid.Col>
              ))}
            </Grid>
            {form.errors[`breakdown.${d}`] && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors[`breakdown.${d}`]}
              </Text>
            )}
          </fieldset>
        ))}
        <Textarea
          label={t('indicators.values.source')}
          description={t('indicators.form.sourceHint')}
          required
          rows={2}
          {...form.getInputProps('sourceNote')}
        />
        <FileInput
          label={t('indicators.values.evidence')}
          description={
            original?.evidence
              ? t('indicators.form.evidenceKept', { name: original.evidence.filename })
              : t('indicators.form.evidenceHint')
          }
          accept="application/pdf,image/png,image/jpeg"
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          {...form.getInputProps('file')}
          error={form.errors.file ?? form.errors.evidenceDocumentId}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {original ? t('indicators.form.saveCorrection') : t('indicators.form.saveValue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
