import { Anchor, Skeleton, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProjectForm } from './ProjectForm';
import { projectKeys } from './projectsApi';
import { useProject } from './useProject';

/** `/projekty/nowy`: a project led by the active institution; the creator becomes its coordinator. */
export function ProjectNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/projekty" size="sm">
        ← {t('projects.page.back')}
      </Anchor>
      <PageTitle>{t('projects.form.titleNew')}</PageTitle>
      <Text>{t('projects.form.leadNew')}</Text>
      <ProjectForm onSaved={(p) => navigate(`/projekty/${p.id}`)} onCancel={() => navigate('/projekty')} />
    </Stack>
  );
}

/** `/projekty/:id/edycja`: change a project (its coordinator). */
export function ProjectEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useProject(id);
  // Remounts the form with fresh values after "reload" (a conflict with someone else's change).
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={id ? `/projekty/${id}` : '/projekty'} size="sm">
        ← {query.data?.shortTitle ?? query.data?.title ?? t('projects.page.back')}
      </Anchor>
      <PageTitle>{t('projects.form.titleEdit')}</PageTitle>
      {query.isPending && <Skeleton height={600} />}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && (
        <ProjectForm
          key={`${query.data.id}:${generation}`}
          project={query.data}
          onSaved={(p) => navigate(`/projekty/${p.id}`)}
          onCancel={() => navigate(`/projekty/${query.data.id}`)}
          onReload={async () => {
            await queryClient.invalidateQueries({ queryKey: projectKeys.one(query.data.id) });
            await query.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Stack>
  );
}
