import type { Institution } from '@kooperacja/domain';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from './StatusBadge';
import { useDictionaryLabels } from './useDictionaryLabels';

/** Institutions: name (link to the record), type, municipality, NIP and whether it is active. */
export function InstitutionTable({
  institutions,
  caption,
}: {
  institutions: Institution[];
  caption: string;
}) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="institution-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.institutions.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.institutions.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('admin.institutions.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('admin.institutions.columns.nip')}</Table.Th>
            <Table.Th scope="col">{t('admin.institutions.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {institutions.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/instytucje/${i.id}`} fw={600}>
                  {i.name}
                </Anchor>
                {i.shortName && (
                  <Text size="xs" c="dimmed">
                    {i.shortName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{labels.institutionType(i.type)}</Table.Td>
              <Table.Td>{i.unitName ?? i.teryt}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {i.nip ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {i.active ? (
                  <StatusBadge tone="success">{t('admin.institutions.active')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">{t('admin.institutions.inactive')}</StatusBadge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
