import type { PersonSummary } from '@kooperacja/domain';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format';

/** Persons found: name (link to the record), PESEL, birth date, gmina and open cases. */
export function PersonTable({ persons, caption }: { persons: PersonSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="person-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('persons.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('persons.columns.pesel')}</Table.Th>
            <Table.Th scope="col">{t('persons.columns.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('persons.columns.place')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('persons.columns.openCases')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/osoby/${p.id}`} fw={600}>
                  {p.firstName} {p.lastName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {p.pesel ?? t('persons.noPeselShort')}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(p.birthDate)}</Table.Td>
              <Table.Td>
                {[
                  p.city,
                  p.unitName && p.unitName !== p.city ? t('persons.gminaOf', { name: p.unitName }) : null,
                ]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(p.openCases)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
