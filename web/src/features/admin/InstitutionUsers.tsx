import { Anchor, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from './StatusBadge';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useUserSearch } from './useUserSearch';

const LIMIT = 50;

/** The people with a membership in an institution, with links to the full user search. */
export function InstitutionUsers({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const query = useUserSearch({ institutionId, limit: LIMIT });
  const users = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  return (
    <SectionCard
      titleId="institution-users"
      title={t('admin.institutions.users.title')}
      query={{ ...query, skeletonHeight: 120 }}
    >
      {query.data && users.length === 0 && <Text>{t('admin.institutions.users.none')}</Text>}
      {users.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <VisuallyHidden component="caption">{t('admin.institutions.users.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.users.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.columns.roles')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => {
                const membership = u.memberships.find((m) => m.institutionId === institutionId);
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/uzytkownicy/${u.id}`} fw={600}>
                        {u.firstName} {u.lastName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {membership?.roles.map((r) => labels.role(r)).join(', ')}
                      {membership && !membership.active && (
                        <Text size="xs" c="dimmed">
                          {t('admin.users.membershipInactive')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={u.status === 'active' ? 'success' : 'danger'}>
                        {t(`admin.users.status.${u.status}`)}
                      </StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data && (
        <Group gap="md">
          <Anchor component={Link} to={`/admin/uzytkownicy?instytucja=${institutionId}`} size="sm">
            {total > LIMIT
              ? t('admin.institutions.users.showAll', { count: total })
              : t('admin.institutions.users.openSearch')}
          </Anchor>
          {query.data.abilities.create && (
            <Anchor component={Link} to={`/admin/uzytkownicy/nowy?instytucja=${institutionId}`} size="sm">
              {t('admin.users.add')}
            </Anchor>
          )}
        </Group>
      )}
    </SectionCard>
  );
}
