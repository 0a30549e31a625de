import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { useCan } from '../auth/useMe';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { InstitutionForm } from './InstitutionForm';
import { InstitutionUsers } from './InstitutionUsers';
import { StatusBadge } from './StatusBadge';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useInstitution } from './useInstitution';

/** `/admin/instytucje/:id`: an institution's data (editable per its abilities) and its people. */
export function InstitutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const labels = useDictionaryLabels();
  const query = useInstitution(id);
  const canReadAudit = useCan('audit.read');
  // Remounts the form with fresh values after "reload" (a conflict with someone else's change).
  const [generation, setGeneration] = useState(0);
  const listLabel = t('admin.institutions.title');
  const crumbs = [{ label: listLabel, to: '/admin/instytucje' }];

  if (query.isPending) {
    return (
      <Stack gap="lg">
        <AdminBreadcrumbs items={[...crumbs, { label: t('admin.loading') }]} />
        <PageTitle>{t('admin.institutions.one')}</PageTitle>
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.error || !query.data) {
    return (
      <Stack gap="lg">
        <AdminBreadcrumbs items={[...crumbs, { label: t('admin.institutions.one') }]} />
        <PageTitle>{t('admin.institutions.one')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const institution = query.data;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs items={[...crumbs, { label: institution.name }]} />
        <PageTitle>{institution.name}</PageTitle>
        <Group gap="sm">
          <Text c="dimmed">
            {[labels.institutionType(institution.type), institution.unitName].filter(Boolean).join(' · ')}
          </Text>
          {institution.active ? (
            <StatusBadge tone="success">{t('admin.institutions.active')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('admin.institutions.inactive')}</StatusBadge>
          )}
        </Group>
        {canReadAudit && (
          <Anchor component={Link} to={`/audyt?typ=institution&rekord=${institution.id}`} size="sm">
            {t('admin.auditHistory')}
          </Anchor>
        )}
      </Stack>

      <SectionCard
        titleId="institution-data"
        title={t('admin.institutions.form.title')}
        description={institution.abilities.update ? undefined : t('admin.institutions.form.readOnly')}
      >
        <InstitutionForm
          key={generation}
          institution={institution}
          readOnly={!institution.abilities.update}
          onReload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
        />
      </SectionCard>

      {institution.abilities.manageUsers && <InstitutionUsers institutionId={institution.id} />}
    </Stack>
  );
}
