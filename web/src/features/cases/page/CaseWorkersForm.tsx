import type { Case } from '@kooperacja/domain';
import { Button, Grid, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isConflict } from '../../admin/fieldErrors';
import { useCaseWorkers } from '../list/useCaseWorkers';
import { ConflictDialog } from './ConflictDialog';
import { caseKeys, fetchCase } from './caseApi';
import type { ConflictField } from './conflict';
import { formErrorsOf } from './formErrors';
import { useConflict } from './useConflict';
import { useUpdateCaseWorkers } from './useUpdateCaseWorkers';

interface WorkersValues {
  leadWorkerId: string | null;
  coWorkerIds: string[];
}

const workersOf = (c: Case): WorkersValues => ({
  leadWorkerId: c.leadWorker.id,
  coWorkerIds: c.coWorkers.map((w) => w.id),
});

/** The lead worker and co-workers of the case (a supervisor's decision, per the case's abilities). */
export function CaseWorkersForm({ data }: { data: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editable = data.abilities.assignWorkers;
  const workers = useCaseWorkers({ enabled: editable });
  const update = useUpdateCaseWorkers(data.id);
  const [version, setVersion] = useState(data.version);
  const form = useForm<WorkersValues>({
    initialValues: workersOf(data),
    validate: {
      leadWorkerId: (v) => (v ? null : t('cases.page.common.required')),
      coWorkerIds: (v, all) =>
        all.leadWorkerId && v.includes(all.leadWorkerId) ? t('cases.page.workers.leadTwice') : null,
    },
  });

  // Names of everybody offered or already on the case (someone no longer offered stays readable).
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const w of [data.leadWorker, ...data.coWorkers, ...(workers.data?.items ?? [])]) m.set(w.id, w.name);
    return m;
  }, [data, workers.data]);
  const options = [...names].map(([value, label]) => ({ value, label }));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : '');

  const fields: ConflictField<WorkersValues>[] = [
    { key: 'leadWorkerId', label: t('cases.page.leadWorker'), format: (v) => nameOf(v.leadWorkerId) },
    {
      key: 'coWorkerIds',
      label: t('cases.page.coWorkers'),
      format: (v) => v.coWorkerIds.map(nameOf).sort().join('\n'),
    },
  ];
  const conflict = useConflict({
    fetchCurrent: () =>
      queryClient.fetchQuery({
        queryKey: caseKeys.detail(data.id),
        queryFn: ({ signal }) => fetchCase(data.id, signal),
        staleTime: 0,
      }),
    valuesOf: workersOf,
    fields,
  });

  const loadValues = (c: Case) => {
    const v = workersOf(c);
    setVersion(c.version);
    form.setInitialValues(v);
    form.setValues(v);
    form.resetDirty(v);
  };

  const save = (v: WorkersValues, withVersion: number) =>
    update.mutate(
      { leadWorkerId: v.leadWorkerId ?? '', coWorkerIds: v.coWorkerIds, version: withVersion },
      {
        onSuccess: (saved) => {
          loadValues(saved);
          conflict.close();
          notifications.show({ color: 'green', message: t('cases.page.workers.saved') });
        },
        onError: (error) => {
          if (isConflict(error)) void conflict.begin(v);
          else form.setErrors(formErrorsOf(error));
        },
      },
    );

  return (
    <>
      <form
        onSubmit={form.onSubmit((v) => save(v, version))}
        noValidate
        aria-label={t('cases.page.workers.title')}
      >
        <Stack gap="md">
          {update.error && !isConflict(update.error) ? <ProblemAlert error={update.error} /> : null}
          {workers.error ? (
            <ProblemAlert error={workers.error} onRetry={() => void workers.refetch()} />
          ) : null}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Select
                label={t('cases.page.leadWorker')}
                required
                readOnly={!editable}
                searchable
                data={options}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('leadWorkerId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <MultiSelect
                label={t('cases.page.coWorkers')}
                readOnly={!editable}
                searchable
                maxValues={10}
                data={options.filter((o) => o.value !== form.values.leadWorkerId)}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('coWorkerIds')}
              />
            </Grid.Col>
          </Grid>
          {editable && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('cases.page.workers.save')}
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
