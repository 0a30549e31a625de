import { Alert, Anchor, Button, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';
import { type AuditFilters, auditExportUrl } from './auditApi';
import { filtersFromParams, searchOf } from './auditFilters';
import { recordTypeLabel } from './auditLabels';
import { RetentionCard } from './RetentionCard';
import { useAuditLog } from './useAuditLog';

/** `/audyt`: who did what and when — filters in the URL, keyset paging, CSV export of the same filters. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const filters = filtersFromParams(params);
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (next: AuditFilters) => void navigate({ pathname: '/audyt', search: searchOf(next) });
  const recordHistory = filters.recordId !== undefined;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('audit.title')}</PageTitle>
        <Text maw={820}>{t('audit.lead')}</Text>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <Stack gap="md">
            {/* Remounted when the URL changes (a link in the table), so the fields show the new filters. */}
            <AuditFiltersForm key={location.search} filters={filters} onApply={apply} />

            {recordHistory && (
              <Alert
                variant="light"
                color="kooperacja"
                title={t('audit.history.title')}
                styles={{ title: { color: 'var(--mantine-color-text)' } }}
              >
                <Stack gap={4}>
                  <Text size="sm">
                    {t('audit.history.text', {
                      type: filters.recordType
                        ? recordTypeLabel(t, filters.recordType)
                        : t('audit.history.anyType'),
                      id: filters.recordId,
                    })}
                  </Text>
                  <Anchor component={Link} to="/audyt" size="sm">
                    {t('audit.history.showAll')}
                  </Anchor>
                </Stack>
              </Alert>
            )}

            <Group justify="space-between" align="center">
              <Text size="sm" role="status" aria-live="polite">
                {log.data
                  ? entries.length === 0
                    ? t('audit.empty')
                    : t('audit.shown', { count: entries.length })
                  : ''}
              </Text>
              <Button component="a" href={auditExportUrl(filters)} download variant="default" size="sm">
                {t('audit.exportCsv')}
              </Button>
            </Group>

            {log.isPending && <Skeleton height={240} />}
            {log.error && <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />}
            {entries.length > 0 && <AuditTable entries={entries} />}
            {log.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                >
                  {t('audit.older')}
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <RetentionCard />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
