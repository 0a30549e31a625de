import { Anchor, Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { RetentionCard } from '../audit/RetentionCard';
import { useCan, useMe } from '../auth/useMe';

interface Section {
  key: 'institutions' | 'users' | 'outbox' | 'audit' | 'degurba';
  to: string;
  visible: boolean;
}

/** `/admin`: the administration areas the signed-in user may use, each with a sentence on what it holds. */
export function AdminPage() {
  const { t } = useTranslation();
  const { isLoading } = useMe();
  const canReadInstitutions = useCan(['institutions.read', 'system.admin']);
  const canManageUsers = useCan(['institution.admin', 'system.admin']);
  const isSystemAdmin = useCan('system.admin');
  const canReadAudit = useCan('audit.read');

  const sections: Section[] = [
    { key: 'institutions', to: '/admin/instytucje', visible: canReadInstitutions },
    { key: 'users', to: '/admin/uzytkownicy', visible: canManageUsers },
    { key: 'outbox', to: '/admin/skrzynka', visible: isSystemAdmin },
    { key: 'audit', to: '/audyt', visible: canReadAudit },
    { key: 'degurba', to: '/admin/degurba', visible: isSystemAdmin },
  ];
  const visible = sections.filter((s) => s.visible);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('admin.title')}</PageTitle>
        <Text maw={820}>{t('admin.lead')}</Text>
      </Stack>
      {isLoading ? (
        <Skeleton height={120} />
      ) : visible.length === 0 ? (
        <Text>{t('admin.noAccess')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {visible.map((s) => (
            <Card key={s.key} withBorder padding="md" component="li">
              <Title order={2} size="h4">
                <Anchor component={Link} to={s.to}>
                  {t(`admin.sections.${s.key}.title`)}
                </Anchor>
              </Title>
              <Text size="sm" mt={6}>
                {t(`admin.sections.${s.key}.text`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {isSystemAdmin ? <RetentionCard /> : null}
    </Stack>
  );
}
