import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTrainingList } from './hooks';
import { TrainingTable } from './TrainingTable';

/** Prowadzone: the trainings of the organiser's institution, drafts included, and a new one. */
export function ManagedTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useTrainingList({ managed: true, page });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('trainings.managed.lead')}</Text>
        <Button component={Link} to="/szkolenia/nowe">
          {t('trainings.managed.new')}
        </Button>
      </Group>
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && <Skeleton height={160} />}
      {query.data && query.data.items.length === 0 && <Text>{t('trainings.managed.empty')}</Text>}
      {query.data && query.data.items.length > 0 && (
        <TrainingTable
          data={query.data}
          caption={t('trainings.managed.caption')}
          showStatus
          onPage={setPage}
        />
      )}
    </Stack>
  );
}
