import type { RegionMapUnit, RegionMeasure } from '@kooperacja/domain';
import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useRegionLabels } from './labels';
import { categoriesOf } from './mapClasses';

type SortColumn = 'unit' | 'population' | 'value';
type SortDirection = 'ascending' | 'descending';

/**
 * The order of the values: numbers by size; categories in the order of the measure's stages (brak
 * before w przygotowaniu…); suppressed counts (1–4) just above zero; units without data last.
 */
function valueRank(measure: RegionMeasure, u: RegionMapUnit): number {
  if (u.category !== null) return categoriesOf(measure).indexOf(u.category);
  if (u.suppressed) return 0.5;
  if (u.value === null) return Number.NEGATIVE_INFINITY;
  return u.value === 0 ? 0 : u.value + 1;
}

function compare(measure: RegionMeasure, column: SortColumn, a: RegionMapUnit, b: RegionMapUnit) {
  if (column === 'unit') return a.name.localeCompare(b.name, 'pl');
  if (column === 'population') return (a.population ?? -1) - (b.population ?? -1);
  return valueRank(measure, a) - valueRank(measure, b);
}

export interface RegionMapTableProps {
  woj: string;
  measure: RegionMeasure;
  units: RegionMapUnit[];
  caption: string;
}

/** The map's units as a table (the text alternative of the map), sortable by each column. */
export function RegionMapTable({ woj, measure, units, caption }: RegionMapTableProps) {
  const { t } = useTranslation();
  const labels = useRegionLabels();
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
    column: 'unit',
    direction: 'ascending',
  });
  const rows = useMemo(() => {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...units].sort(
      (a, b) => sign * compare(measure, sort.column, a, b) || a.name.localeCompare(b.name, 'pl'),
    );
  }, [units, measure, sort]);

  const header = (column: SortColumn, label: string, numeric = false) => {
    const active = sort.column === column;
    const toggle = () =>
      setSort((s) =>
        s.column === column
          ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: column === 'unit' ? 'ascending' : 'descending' },
      );
    return (
      <Table.Th
        scope="col"
        aria-sort={active ? sort.direction : undefined}
        ta={numeric ? 'right' : undefined}
      >
        <UnstyledButton onClick={toggle} fw={600} fz="sm" title={t('region.table.sort', { column: label })}>
          <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : undefined}>
            {label}
            <span aria-hidden>{active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  if (units.length === 0) return <Text size="sm">{t('region.table.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={320} maxHeight="70vh">
      <Table striped stickyHeader captionSide="top" data-testid="region-map-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {header('unit', t('region.table.unit'))}
            {header('population', t('region.table.population'), true)}
            {header('value', t('region.table.value'), true)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={u.teryt} data-teryt={u.teryt}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/region/${woj}/jst/${u.teryt}`} size="sm">
                  {u.name}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right">{formatNumber(u.population)}</Table.Td>
              <Table.Td
                ta="right"
                c={u.suppressed || (u.value === null && u.category === null) ? 'dimmed' : undefined}
              >
                {labels.unitValue(measure, u)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
