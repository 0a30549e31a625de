import type { User } from '@kooperacja/domain';
import { Anchor, Divider, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { AddMembershipForm } from './AddMembershipForm';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { MembershipsTable } from './MembershipsTable';
import { StatusBadge } from './StatusBadge';
import { UserAccountForm } from './UserAccountForm';
import { UserActions } from './UserActions';
import { fullName } from './userLabels';
import { useUser } from './useUser';

function AccountFacts({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      <List.Item>
        {t('admin.users.columns.email')}: <strong>{user.email}</strong>
      </List.Item>
      <List.Item>
        {t('admin.users.columns.lastLogin')}:{' '}
        <strong>
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('admin.users.neverLoggedIn')}
        </strong>
      </List.Item>
      <List.Item>
        {t('admin.users.password')}:{' '}
        <strong>{user.hasPassword ? t('admin.users.passwordSet') : t('admin.users.passwordPending')}</strong>
      </List.Item>
      <List.Item>
        {t('admin.users.columns.twoFactor')}:{' '}
        <strong>{user.twoFactorEnabled ? t('common.yes') : t('common.no')}</strong>
      </List.Item>
    </List>
  );
}

/** `/admin/uzytkownicy/:id`: an account, its security actions and its memberships — each per the record's abilities. */
export function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useUser(id);
  const canReadAudit = useCan('audit.read');
  const [generation, setGeneration] = useState(0);
  const crumbs = [{ label: t('admin.users.title'), to: '/admin/uzytkownicy' }];

  if (query.isPending || query.error || !query.data) {
    return (
      <Stack gap="lg">
        <AdminBreadcrumbs items={[...crumbs, { label: t('admin.users.one') }]} />
        <PageTitle>{t('admin.users.one')}</PageTitle>
        {query.isPending ? (
          <Skeleton height={320} />
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }

  const user = query.data;
  const name = fullName(user);
  const reload = () => void query.refetch().then(() => setGeneration((g) => g + 1));
  const hasSecurityActions = user.abilities.sendPasswordReset || user.abilities.resetTwoFactor;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs items={[...crumbs, { label: name }]} />
        <PageTitle>{name}</PageTitle>
        <Group gap="sm">
          <Text c="dimmed">{user.email}</Text>
          <StatusBadge tone={user.status === 'active' ? 'success' : 'danger'}>
            {t(`admin.users.status.${user.status}`)}
          </StatusBadge>
        </Group>
        {canReadAudit && (
          <Anchor component={Link} to={`/audyt?typ=user&rekord=${user.id}`} size="sm">
            {t('admin.auditHistory')}
          </Anchor>
        )}
      </Stack>

      <SectionCard
        titleId="user-account"
        title={t('admin.users.account')}
        description={user.abilities.update ? undefined : t('admin.users.form.readOnly')}
      >
        {user.abilities.update ? (
          <UserAccountForm key={generation} user={user} onReload={reload} />
        ) : (
          <AccountFacts user={user} />
        )}
        {user.abilities.update && <AccountFacts user={user} />}
      </SectionCard>

      <SectionCard titleId="user-security" title={t('admin.users.security')}>
        {hasSecurityActions ? (
          <>
            <Text size="sm">{t('admin.users.securityLead')}</Text>
            <UserActions user={user} />
          </>
        ) : (
          <Text size="sm">{t('admin.users.noSecurityActions')}</Text>
        )}
      </SectionCard>

      <SectionCard titleId="user-memberships" title={t('admin.users.memberships.title')}>
        <MembershipsTable user={user} />
        {user.abilities.manageMemberships && (
          <>
            <Divider />
            <AddMembershipForm user={user} />
          </>
        )}
      </SectionCard>
    </Stack>
  );
}
