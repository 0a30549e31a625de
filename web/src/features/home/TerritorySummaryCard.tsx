import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { unitLevels } from '../territory/levels';
import { useTerritorySummary } from '../territory/useTerritorySummary';

export function TerritorySummaryCard() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useTerritorySummary();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="summary-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="summary-title">
          {t('home.summary.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.summary.description')}
        </Text>
        {isPending && <Skeleton height={72} />}
        {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
        {data && (
          <>
            <SimpleGrid cols={3} spacing="sm" data-testid="territory-counts">
              {unitLevels.map((level) => (
                <div key={level}>
                  <Text fz={28} fw={700} lh={1.1} c="kooperacja.8">
                    {formatNumber(data.counts[level])}
                  </Text>
                  <Text size="sm">{t(`territory.units.${level}`, { count: data.counts[level] })}</Text>
                </div>
              ))}
            </SimpleGrid>
            <Text size="sm">{t('home.summary.withoutGeometry', { count: data.withoutGeometry.length })}</Text>
            {data.stanNa && (
              <Text size="sm" c="dimmed">
                {t('home.summary.stanNa', { date: formatDate(data.stanNa) })}
              </Text>
            )}
          </>
        )}
        <Group gap="sm">
          <Button component={Link} to="/terytoria" size="sm">
            {t('home.summary.open')}
          </Button>
          <Button component={Link} to="/terytoria/mapa" size="sm" variant="default">
            {t('home.summary.openMap')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
