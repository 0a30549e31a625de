import type { Service, ServiceList } from '@kooperacja/domain';
import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { ListPagination } from '../admin/ListPagination';
import { ServiceCard } from './ServiceCard';

export interface ServiceResultsProps {
  query: {
    data: ServiceList | undefined;
    error: unknown;
    isPending: boolean;
    refetch: () => unknown;
  };
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPick?: (service: Service) => void;
  pickedId?: string | null;
  headingOrder?: 2 | 3 | 4;
  /** Cards per row from the medium breakpoint. */
  columns?: number;
}

/** The result count (announced politely), the cards and the pages. */
export function ServiceResults({
  query,
  page,
  pageSize,
  onPage,
  onPick,
  pickedId,
  headingOrder,
  columns = 2,
}: ServiceResultsProps) {
  const { t } = useTranslation();
  const total = query.data?.total ?? 0;
  return (
    <Stack gap="sm">
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && !query.error && <Loader role="img" aria-label={t('common.loading')} />}
      {query.data && (
        <>
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? t('services.results.none')
              : t('services.results.count', { count: total, formatted: formatNumber(total) })}
          </Text>
          {query.data.items.length > 0 && (
            <SimpleGrid
              cols={{ base: 1, md: columns }}
              spacing="sm"
              component="section"
              aria-label={t('services.results.label')}
            >
              {query.data.items.map((s) => (
                <ServiceCard
                  key={s.id}
                  service={s}
                  onPick={onPick}
                  picked={pickedId === s.id}
                  headingOrder={headingOrder}
                />
              ))}
            </SimpleGrid>
          )}
          <ListPagination total={total} pageSize={pageSize} page={page} onChange={onPage} />
        </>
      )}
    </Stack>
  );
}
