import type { Project } from '@kooperacja/domain';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/useMe';

/** The project card's way to the SM EFS page, for the project team only (who may see participants). */
export function SmefsProjectLink({ project }: { project: Pick<Project, 'id' | 'team'> }) {
  const { t } = useTranslation();
  const { me } = useMe();
  if (!me || !project.team.some((m) => m.user.id === me.user.id)) return null;
  return (
    <Button component={Link} to={`/projekty/${project.id}/smefs`} variant="default">
      {t('smefs.link')}
    </Button>
  );
}
