import { Anchor, Card, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeUnit } from './unitLabels';
import { useTerritorySummary } from './useTerritorySummary';
import { useUnitIndex } from './useUnitIndex';

/** Units registered in TERC but missing from the boundaries file (e.g. Szczawa, Grabówka). */
export function WithoutGeometryList() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useTerritorySummary();
  const { data: index } = useUnitIndex();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="without-geometry-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="without-geometry-title">
          {t('territory.withoutGeometry.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('territory.withoutGeometry.description')}
        </Text>
        {isPending && <Skeleton height={48} />}
        {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
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
      </Stack>
    </Card>
  );
}
