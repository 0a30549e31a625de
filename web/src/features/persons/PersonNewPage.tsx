import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { PageBreadcrumbs } from './PageBreadcrumbs';
import { PersonForm } from './PersonForm';

/** `/osoby/nowa`: registering a person (the registry is checked for duplicates before saving). */
export function PersonNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t('persons.new.title');
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs items={[{ label: t('persons.search.title'), to: '/osoby' }, { label: title }]} />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('persons.new.lead')}</Text>
      </Stack>
      <PersonForm onSaved={(p) => navigate(`/osoby/${p.id}`)} onCancel={() => navigate('/osoby')} />
    </Stack>
  );
}
