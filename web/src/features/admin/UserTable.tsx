import type { User } from '@kooperacja/domain';
import { Anchor, List, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { StatusBadge } from './StatusBadge';
import { UserActions } from './UserActions';
import { useDictionaryLabels } from './useDictionaryLabels';
import { fullName } from './userLabels';

/** Users (name and e-mail) with their institutions and roles, status, second factor, last login and allowed actions. */
export function UserTable({ users, caption }: { users: User[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="user-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.columns.nameEmail')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.memberships')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.twoFactor')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-user-id={u.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/uzytkownicy/${u.id}`} fw={600}>
                  {fullName(u)}
                </Anchor>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {u.email}
                </Text>
              </Table.Td>
              <Table.Td miw={220}>
                {u.memberships.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('admin.users.noMemberships')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none" p={0}>
                    {u.memberships.map((m) => (
                      <List.Item key={m.id}>
                        <Text span size="sm" fw={600}>
                          {m.institutionName}
                        </Text>
                        : {m.roles.map((r) => labels.role(r)).join(', ')}
                        {!m.active && ` (${t('admin.users.membershipInactive')})`}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge tone={u.status === 'active' ? 'success' : 'danger'}>
                  {t(`admin.users.status.${u.status}`)}
                </StatusBadge>
              </Table.Td>
              <Table.Td>{u.twoFactorEnabled ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('admin.users.neverLoggedIn')}
              </Table.Td>
              <Table.Td>
                <UserActions user={u} compact withBlock />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
