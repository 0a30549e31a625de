import { Button, Grid, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTrainingList } from './hooks';
import { useTrainingLabels } from './labels';
import { TrainingTable } from './TrainingTable';
import type { TrainingListParams } from './trainingsApi';

/** Katalog: the published trainings, searched by words and filtered by form. */
export function CatalogueTab() {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [typed, setTyped] = useState('');
  const [params, setParams] = useState<TrainingListParams>({ page: 1 });
  const query = useTrainingList(params);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams((p) => ({ ...p, q: typed.trim() || undefined, page: 1 }));
  };
  return (
    <Stack gap="md">
      <form onSubmit={search}>
        <Grid align="flex-end" role="search" aria-label={t('trainings.catalogue.searchLabel')}>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('trainings.catalogue.search')}
              description={t('trainings.catalogue.searchHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              maxLength={100}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('trainings.fields.form')}
              placeholder={t('trainings.catalogue.allForms')}
              data={labels.options('forms')}
              value={params.form ?? null}
              onChange={(v) => setParams((p) => ({ ...p, form: v ?? undefined, page: 1 }))}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 2 }}>
            <Button type="submit" fullWidth>
              {t('trainings.catalogue.searchButton')}
            </Button>
          </Grid.Col>
        </Grid>
      </form>
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && <Skeleton height={160} />}
      {query.data && query.data.items.length === 0 && (
        <Text role="status">
          {params.q || params.form ? t('trainings.catalogue.noneFound') : t('trainings.catalogue.empty')}
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <TrainingTable
          data={query.data}
          caption={t('trainings.catalogue.caption')}
          onPage={(page) => setParams((p) => ({ ...p, page }))}
        />
      )}
    </Stack>
  );
}
