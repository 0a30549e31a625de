import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useCan, useMe } from '../auth/useMe';
import { TrainingForm } from './TrainingForm';

/** `/szkolenia/nowe`: a new catalogue entry (a draft unless published at once). */
export function TrainingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isLoading } = useMe();
  const canManage = useCan('trainings.manage');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/szkolenia?karta=prowadzone" size="sm">
        ← {t('trainings.back')}
      </Anchor>
      <PageTitle>{t('trainings.form.newTitle')}</PageTitle>
      {isLoading ? (
        <Text>{t('common.loading')}</Text>
      ) : canManage ? (
        <>
          <Text size="sm">{t('trainings.form.newLead')}</Text>
          <TrainingForm
            training={null}
            onSaved={(saved) => navigate(`/szkolenia/${saved.id}?karta=edycje`)}
            onCancel={() => navigate('/szkolenia?karta=prowadzone')}
          />
        </>
      ) : (
        <Alert color="yellow" variant="light">
          {t('trainings.form.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
