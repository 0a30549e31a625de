import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatNumber } from '../../lib/format';
import { unitLevels } from '../territory/levels';
import { useTerritorySummary } from '../territory/useTerritorySummary';

export function TerritorySummaryCard() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useTerritorySummary();
  return (
    <SectionCard
      titleId="summary-title"
      title={t('home.summary.title')}
      description={t('home.summary.description')}
      query={{ isPending, error, refetch, skeletonHeight: 72 }}
    >
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
    </SectionCard>
  );
}
