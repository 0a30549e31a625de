import { Alert, Anchor, Card, List, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRegionScope } from './useRegionScope';

/**
 * `/region`: the województwa the user monitors. One goes straight to its dashboard; several are
 * listed to choose from; none is said plainly.
 */
export function RegionIndexPage() {
  const { t } = useTranslation();
  const scope = useRegionScope();
  const regions = scope.data?.regions ?? [];
  if (regions.length === 1 && regions[0]) return <Navigate to={`/region/${regions[0].teryt}`} replace />;
  return (
    <Stack gap="lg">
      <PageTitle>{t('region.title')}</PageTitle>
      <Text maw={820}>{t('region.index.lead')}</Text>
      {scope.error ? <ProblemAlert error={scope.error} onRetry={() => void scope.refetch()} /> : null}
      {scope.isPending && <Skeleton height={120} aria-hidden />}
      {scope.data && regions.length === 0 && (
        <Alert color="blue" variant="light" role="status">
          {t('region.index.none')}
        </Alert>
      )}
      {regions.length > 1 && (
        <Card withBorder component="section" aria-labelledby="region-choose" padding="lg">
          <Text component="h2" fw={600} size="lg" id="region-choose" m={0} mb="sm">
            {t('region.index.choose')}
          </Text>
          <List spacing="xs">
            {regions.map((r) => (
              <List.Item key={r.teryt}>
                <Anchor component={Link} to={`/region/${r.teryt}`}>
                  {r.name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({r.edit ? t('region.index.canEdit') : t('region.index.readOnly')})
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
