import type { TerritorialUnit } from '@kooperacja/domain';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { kindLabel, parentLabel } from './unitLabels';
import { useUnitIndex } from './useUnitIndex';

export interface UnitTableProps {
  units: TerritorialUnit[];
  caption: string;
}

/** Units with name (link to the unit page), TERYT, kind, parent and population. */
export function UnitTable({ units, caption }: UnitTableProps) {
  const { t } = useTranslation();
  const { data: index } = useUnitIndex();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="unit-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('territory.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('territory.columns.teryt')}</Table.Th>
            <Table.Th scope="col">{t('territory.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('territory.columns.parent')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('territory.columns.population')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.teryt} data-teryt={unit.teryt}>
              <Table.Td>
                <Anchor component={Link} to={`/terytoria/${unit.teryt}`} fw={600}>
                  {unit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {unit.teryt}
                </Text>
              </Table.Td>
              <Table.Td>{kindLabel(t, unit)}</Table.Td>
              <Table.Td>{parentLabel(unit, index)}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {unit.population === null ? '—' : formatNumber(unit.population)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
