import type { Me } from '@kooperacja/domain';
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { useLogoutEverywhere } from '../auth/useAuthActions';
import { useMe } from '../auth/useMe';
import classes from './AccountPage.module.css';
import { ChangePasswordSection } from './ChangePasswordSection';
import { TwoFactorSection } from './TwoFactorSection';
import { useRoleLabels } from './useRoleLabels';

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <SectionCard titleId="account-profile" title={t('account.profile.title')}>
      <dl className={classes.facts}>
        <dt>{t('account.profile.name')}</dt>
        <dd data-testid="account-name">
          {me.user.firstName} {me.user.lastName}
        </dd>
        <dt>{t('account.profile.email')}</dt>
        <dd data-testid="account-email">{me.user.email}</dd>
      </dl>
      <Anchor component={Link} to="/konto/powiadomienia" mt="sm" display="inline-block">
        {t('notifications.preferences.title')}
      </Anchor>
    </SectionCard>
  );
}

function MembershipsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labels = useRoleLabels();
  return (
    <SectionCard titleId="account-memberships" title={t('account.memberships.title')}>
      {me.memberships.length === 0 ? (
        <Text>{t('account.memberships.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="account-memberships">
            <caption className={classes.caption}>{t('account.memberships.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.memberships.institution')}</Table.Th>
                <Table.Th scope="col">{t('account.memberships.roles')}</Table.Th>
                <Table.Th scope="col">{t('account.memberships.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={500}>
                    {m.institutionName}
                    <Text size="xs" c="dimmed">
                      {labels.institutionType(m.institutionType)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{m.roles.map((r) => labels.role(r)).join(', ')}</Table.Td>
                  <Table.Td>
                    {!m.active ? (
                      <Text size="sm" c="dimmed">
                        {t('account.memberships.inactive')}
                      </Text>
                    ) : m.institutionId === me.activeInstitutionId ? (
                      <Badge variant="outline">{t('account.memberships.current')}</Badge>
                    ) : (
                      <Text size="sm">{t('account.memberships.active')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const logoutEverywhere = useLogoutEverywhere();
  return (
    <SectionCard titleId="account-sessions" title={t('account.sessions.title')}>
      <Text>{t('account.sessions.lead')}</Text>
      <Group>
        <Button
          variant="outline"
          color="red.9"
          loading={logoutEverywhere.isPending}
          onClick={() => logoutEverywhere.mutate()}
        >
          {t('account.sessions.logoutEverywhere')}
        </Button>
      </Group>
    </SectionCard>
  );
}

/** `/konto`: who I am, where I work and as whom, my password, second factor and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  if (!me) return null;
  return (
    <Stack gap="lg" py="md">
      <PageTitle>{t('account.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ProfileSection me={me} />
        <SessionsSection />
      </SimpleGrid>
      <MembershipsSection me={me} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChangePasswordSection />
        <TwoFactorSection me={me} />
      </SimpleGrid>
    </Stack>
  );
}
