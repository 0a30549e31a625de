import { Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { InstitutionForm } from './InstitutionForm';
import { useInstitutionSearch } from './useInstitutionSearch';

/** `/admin/instytucje/nowa`: registers an institution (when the registry's abilities allow it). */
export function InstitutionNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The list answers whether the signed-in user may create; the rule itself stays on the server.
  const abilities = useInstitutionSearch({ limit: 1 });
  const title = t('admin.institutions.new');
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs
          items={[{ label: t('admin.institutions.title'), to: '/admin/instytucje' }, { label: title }]}
        />
        <PageTitle>{title}</PageTitle>
      </Stack>
      {abilities.isPending && <Skeleton height={320} />}
      {abilities.error && <ProblemAlert error={abilities.error} onRetry={() => void abilities.refetch()} />}
      {abilities.data && !abilities.data.abilities.create && (
        <Text>{t('admin.institutions.cannotCreate')}</Text>
      )}
      {abilities.data?.abilities.create && (
        <SectionCard titleId="institution-data" title={t('admin.institutions.form.title')}>
          <InstitutionForm onSaved={(saved) => void navigate(`/admin/instytucje/${saved.id}`)} />
        </SectionCard>
      )}
    </Stack>
  );
}
