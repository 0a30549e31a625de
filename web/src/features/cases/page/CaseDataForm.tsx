import type { AssistanceReason, Case, CaseSource } from '@kooperacja/domain';
import { Button, Grid, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isConflict } from '../../admin/fieldErrors';
import { useCaseLabels } from '../shared/casesDictionaries';
import { ConflictDialog } from './ConflictDialog';
import { type CaseUpdateInput, caseKeys, fetchCase } from './caseApi';
import type { ConflictField } from './conflict';
import { formErrorsOf } from './formErrors';
import { useConflict } from './useConflict';
import { useUpdateCase } from './useUpdateCase';

export interface CaseDataValues {
  source: string | null;
  sourceDetails: string;
  reasons: string[];
  mainReason: string | null;
  summary: string;
}

export function caseValuesOf(c: Case): CaseDataValues {
  return {
    source: c.source,
    sourceDetails: c.sourceDetails ?? '',
    reasons: c.reasons.map((r) => r.code),
    mainReason: c.reasons.find((r) => r.main)?.code ?? null,
    summary: c.summary ?? '',
  };
}

export function caseInputOf(v: CaseDataValues, version: number): CaseUpdateInput {
  return {
    source: v.source as CaseSource,
    sourceDetails: v.sourceDetails.trim() || null,
    reasons: v.reasons.map((code) => ({ code: code as AssistanceReason, main: code === v.mainReason })),
    summary: v.summary.trim() || null,
    version,
  };
}

/** The case's source, reasons for assistance (one main) and description, saved with the loaded version. */
export function CaseDataForm({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const queryClient = useQueryClient();
  const update = useUpdateCase(data.id);
  const readOnly = !data.abilities.update;
  const [version, setVersion] = useState(data.version);
  const form = useForm<CaseDataValues>({
    initialValues: caseValuesOf(data),
    validate: {
      source: (v) => (v ? null : t('cases.page.common.required')),
      reasons: (v) => (v.length ? null : t('cases.page.data.reasonsRequired')),
      mainReason: (v, all) => (v && all.reasons.includes(v) ? null : t('cases.page.data.mainRequired')),
    },
  });

  const fields: ConflictField<CaseDataValues>[] = [
    { key: 'source', label: t('cases.page.data.source'), format: (v) => labels.label('sources', v.source) },
    { key: 'sourceDetails', label: t('cases.page.data.sourceDetails'), format: (v) => v.sourceDetails },
    {
      key: 'reasons',
      label: t('cases.page.data.reasons'),
      format: (v) =>
        v.reasons
          .map(
            (r) => labels.label('reasons', r) + (r === v.mainReason ? ` (${t('cases.page.data.main')})` : ''),
          )
          .join('\n'),
    },
    { key: 'summary', label: t('cases.page.data.summary'), format: (v) => v.summary },
  ];
  const conflict = useConflict({
    fetchCurrent: () =>
      queryClient.fetchQuery({
        queryKey: caseKeys.detail(data.id),
        queryFn: ({ signal }) => fetchCase(data.id, signal),
        staleTime: 0,
      }),
    valuesOf: caseValuesOf,
    fields,
  });

  const loadValues = (c: Case) => {
    const v = caseValuesOf(c);
    setVersion(c.version);
    form.setInitialValues(v);
    form.setValues(v);
    form.resetDirty(v);
  };

  const save = (values: CaseDataValues, withVersion: number) =>
    update.mutate(caseInputOf(values, withVersion), {
      onSuccess: (saved) => {
        loadValues(saved);
        conflict.close();
        notifications.show({ color: 'green', message: t('cases.page.data.saved') });
      },
      onError: (error) => {
        if (isConflict(error)) void conflict.begin(values);
        else form.setErrors(formErrorsOf(error));
      },
    });

  const reasonOptions = labels.options('reasons');
  const mainOptions = reasonOptions.filter((o) => form.values.reasons.includes(o.value));

  return (
    <>
      <form
        onSubmit={form.onSubmit((v) => save(v, version))}
        noValidate
        aria-label={t('cases.page.data.title')}
      >
        <Stack gap="md">
          {update.error && !isConflict(update.error) ? <ProblemAlert error={update.error} /> : null}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('cases.page.data.source')}
                required
                readOnly={readOnly}
                data={labels.options('sources')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('source')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput
                label={t('cases.page.data.sourceDetails')}
                description={t('cases.page.data.sourceDetailsHint')}
                readOnly={readOnly}
                maxLength={500}
                {...form.getInputProps('sourceDetails')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <MultiSelect
                label={t('cases.page.data.reasons')}
                description={t('cases.page.data.reasonsHint')}
                required
                readOnly={readOnly}
                searchable
                data={reasonOptions}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('reasons')}
                onChange={(reasons) => {
                  form.setFieldValue('reasons', reasons);
                  const main = form.values.mainReason;
                  if (!main || !reasons.includes(main)) form.setFieldValue('mainReason', reasons[0] ?? null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.page.data.mainReason')}
                required
                readOnly={readOnly}
                data={mainOptions}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('mainReason')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('cases.page.data.summary')}
                description={t('cases.page.data.summaryHint')}
                readOnly={readOnly}
                autosize
                minRows={3}
                maxLength={4000}
                {...form.getInputProps('summary')}
              />
            </Grid.Col>
          </Grid>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('cases.page.common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <ConflictDialog
        opened={conflict.opened}
        onClose={conflict.close}
        differences={conflict.differences}
        error={conflict.error}
        pending={update.isPending}
        onKeepMine={() => {
          if (conflict.mine && conflict.current) save(conflict.mine, conflict.current.version);
        }}
        onLoadCurrent={() => {
          if (conflict.current) loadValues(conflict.current);
          update.reset();
          conflict.close();
        }}
      />
    </>
  );
}
