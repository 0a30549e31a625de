import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import type { MapLegendData } from '../territory/MapLegend';
import { NEUTRAL_FILL } from '../territory/mapPalettes';
import { PolandMap } from '../territory/PolandMap';
import type { ServiceFilters } from './servicesApi';
import { useServiceMap } from './useServiceMap';

/** Sequential blues, light to dark (distinguishable in greyscale); 0 services keeps the neutral fill. */
export const serviceBuckets = [
  { min: 1, max: 1, color: '#9ecae1' },
  { min: 2, max: 3, color: '#4292c6' },
  { min: 4, max: 9, color: '#2171b5' },
  { min: 10, max: Number.POSITIVE_INFINITY, color: '#08306b' },
] as const;

export const bucketOf = (count: number) => serviceBuckets.find((b) => count >= b.min && count <= b.max);

/** The part of the map to draw: the filter's unit, else the powiat or województwo all results share. */
export function mapArea(filterTeryt: string | undefined, terytCodes: string[]): string | undefined {
  if (filterTeryt) return filterTeryt.length === 7 ? filterTeryt.slice(0, 4) : filterTeryt;
  if (!terytCodes.length) return undefined;
  const first = terytCodes[0] as string;
  if (terytCodes.every((c) => c.startsWith(first.slice(0, 4)))) return first.slice(0, 4);
  if (terytCodes.every((c) => c.startsWith(first.slice(0, 2)))) return first.slice(0, 2);
  return undefined;
}

export interface ServicesMapProps {
  filters: ServiceFilters;
  /** A gmina was clicked (or chosen in the table): filter the list by it. */
  onSelectGmina: (teryt: string) => void;
  /** Switch to the list (the text alternative of the map). */
  onShowList?: () => void;
}

/** Choropleth of the services matching the filters, per gmina, with a legend and a table. */
export function ServicesMap({ filters, onSelectGmina, onShowList }: ServicesMapProps) {
  const { t } = useTranslation();
  const query = useServiceMap(filters);
  const items = query.data?.items ?? [];
  const counts = useMemo(() => new Map(items.map((i) => [i.teryt, i.count])), [items]);
  const fill = useCallback(
    (teryt: string) => bucketOf(counts.get(teryt) ?? 0)?.color ?? NEUTRAL_FILL,
    [counts],
  );
  const within = mapArea(
    filters.teryt,
    items.map((i) => i.teryt),
  );
  const legend = useMemo((): MapLegendData => {
    const gminy = (b: (typeof serviceBuckets)[number]) =>
      items.filter((i) => i.count >= b.min && i.count <= b.max).length;
    return {
      title: t('services.map.legend'),
      items: [
        { color: NEUTRAL_FILL, label: t('services.map.none') },
        ...serviceBuckets.map((b) => ({
          color: b.color,
          label:
            b.max === Number.POSITIVE_INFINITY
              ? `${b.min}+`
              : b.min === b.max
                ? `${b.min}`
                : `${b.min}–${b.max}`,
          value: formatNumber(gminy(b)),
        })),
      ],
    };
  }, [items, t]);

  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const total = query.data?.total ?? 0;
  return (
    <Stack gap="md">
      <PolandMap
        level="gmina"
        within={within}
        highlight={filters.teryt?.length === 7 ? filters.teryt : undefined}
        fill={fill}
        legend={legend}
        label={t('services.map.label')}
        onSelect={onSelectGmina}
        maxHeight="60vh"
        caption={
          <>
            {t('services.map.caption', { formatted: formatNumber(total) })}{' '}
            {onShowList && (
              <Anchor component="button" type="button" size="sm" onClick={onShowList}>
                {t('services.map.listAlternative')}
              </Anchor>
            )}
          </>
        }
      />
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table striped withTableBorder captionSide="top" maw={640}>
            <Table.Caption>{t('services.map.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('services.map.gmina')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('services.map.count')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('services.map.freePlaces')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.teryt}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onSelectGmina(i.teryt)}>
                      {i.name ?? i.teryt}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(i.count)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(i.freePlaces)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.isPending && <Text size="sm">{t('common.loading')}</Text>}
    </Stack>
  );
}
