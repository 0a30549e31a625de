import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatNumber } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { useTaskSummary } from './useTaskSummary';

/** Home-page card "Moje zadania": how many tasks are overdue and due today (case workers only). */
export function MyTasksCard() {
  const { t } = useTranslation();
  const allowed = useCan('cases.read');
  const { data, error, isPending, refetch } = useTaskSummary({ enabled: allowed });
  if (!allowed) return null;
  const late = (data?.overdue ?? 0) > 0;
  return (
    <SectionCard
      titleId="my-tasks-title"
      title={t('cases.tasks.title')}
      query={{ isPending, error, refetch, skeletonHeight: 56 }}
    >
      {data && (
        <SimpleGrid cols={2} spacing="sm">
          <div data-testid="tasks-overdue">
            <Text fz={28} fw={700} lh={1.1} c={late ? '#b3261e' : 'kooperacja.8'}>
              {formatNumber(data.overdue)}
            </Text>
            <Text size="sm" fw={late ? 700 : undefined} c={late ? '#b3261e' : undefined}>
              {t('cases.tasks.summaryOverdue', { count: data.overdue })}
            </Text>
          </div>
          <div data-testid="tasks-today">
            <Text fz={28} fw={700} lh={1.1} c="kooperacja.8">
              {formatNumber(data.today)}
            </Text>
            <Text size="sm">{t('cases.tasks.summaryToday', { count: data.today })}</Text>
          </div>
        </SimpleGrid>
      )}
      <Group>
        <Button component={Link} to="/zadania" size="sm">
          {t('cases.tasks.open')}
        </Button>
      </Group>
    </SectionCard>
  );
}
