import { Anchor, Skeleton, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useInstitution } from '../admin/useInstitution';
import { useMe } from '../auth/useMe';
import { ServiceForm } from './ServiceForm';
import { serviceKeys } from './servicesApi';
import { useService } from './useService';

/** `/zasoby/nowa`: a new service of the active institution (placed in its gmina by default). */
export function ServiceNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const institution = useInstitution(me?.activeInstitutionId);
  const teryt = institution.data?.teryt;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/zasoby" size="sm">
        ← {t('services.page.back')}
      </Anchor>
      <PageTitle>{t('services.form.titleNew')}</PageTitle>
      {institution.isPending && me?.activeInstitutionId ? (
        <Skeleton height={400} />
      ) : (
        <ServiceForm
          defaultTeryt={teryt && teryt.length === 7 ? teryt : null}
          onSaved={(saved) => navigate(`/zasoby/${saved.id}`)}
          onCancel={() => navigate('/zasoby')}
        />
      )}
    </Stack>
  );
}

/** `/zasoby/:id/edycja`: change a service of the own institution. */
export function ServiceEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useService(id);
  // Remounts the form with fresh values after "reload" (a conflict with someone else's change).
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={id ? `/zasoby/${id}` : '/zasoby'} size="sm">
        ← {query.data?.name ?? t('services.page.back')}
      </Anchor>
      <PageTitle>{t('services.form.titleEdit')}</PageTitle>
      {query.isPending && <Skeleton height={400} />}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && (
        <ServiceForm
          key={`${query.data.id}:${generation}`}
          service={query.data}
          onSaved={(saved) => navigate(`/zasoby/${saved.id}`)}
          onCancel={() => navigate(`/zasoby/${query.data.id}`)}
          onReload={async () => {
            await queryClient.invalidateQueries({ queryKey: serviceKeys.one(query.data.id) });
            await query.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Stack>
  );
}
