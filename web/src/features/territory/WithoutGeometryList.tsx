import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { describeUnit } from './unitLabels';
import { useTerritorySummary } from './useTerritorySummary';
import { useUnitIndex } from './useUnitIndex';

/** Units registered in TERC but missing from the boundaries file (e.g. Szczawa, Grabówka). */
export function WithoutGeometryList() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useTerritorySummary();
  const { data: index } = useUnitIndex();
  return (
    <SectionCard
      titleId="without-geometry-title"
      title={t('territory.withoutGeometry.title')}
      description={t('territory.withoutGeometry.description')}
      padding="md"
      query={{ isPending, error, refetch, skeletonHeight: 48 }}
    >
      {data &&
        (data.withoutGeometry.length === 0 ? (
          <Text size="sm">{t('territory.withoutGeometry.empty')}</Text>
        ) : (
          <List size="sm" spacing={4} data-testid="units-without-geometry">
            {data.withoutGeometry.map((unit) => (
              <List.Item key={unit.teryt}>
                <Anchor component={Link} to={`/terytoria/${unit.teryt}`}>
                  {describeUnit(t, unit, index)}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {unit.teryt}
                </Text>
              </List.Item>
            ))}
          </List>
        ))}
    </SectionCard>
  );
}
