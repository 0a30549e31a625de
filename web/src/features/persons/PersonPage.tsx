import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/useMe';
import { draftKey, readDraft } from '../cases/shared/useDraft';
import { PageBreadcrumbs } from './PageBreadcrumbs';
import { PersonCasesCard } from './PersonCasesCard';
import { PersonDataView } from './PersonDataView';
import { PersonForm } from './PersonForm';
import { PersonHouseholdsCard } from './PersonHouseholdsCard';
import { SensitiveCard } from './SensitiveCard';
import { usePerson } from './usePerson';

/**
 * `/osoby/:id`: a person's record — data (editable with its version), special-category data when
 * the user's scope includes it, households and cases; opening a case; merging a duplicate.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useMe();
  const query = usePerson(id);
  // An unsaved edit kept in this tab (e.g. before a session time-out) reopens the form.
  const [editing, setEditing] = useState(() =>
    me ? readDraft(draftKey(me.user.id, 'person', id)) !== null : false,
  );
  const crumbs = [{ label: t('persons.search.title'), to: '/osoby' }];

  if (query.isPending) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[...crumbs, { label: t('persons.loading') }]} />
        <PageTitle>{t('persons.one')}</PageTitle>
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.error || !query.data) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[...crumbs, { label: t('persons.one') }]} />
        <PageTitle>{t('persons.one')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const person = query.data;
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs items={[...crumbs, { label: name }]} />
        <Group justify="space-between" align="flex-end">
          <PageTitle documentTitle={name}>{name}</PageTitle>
          {person.abilities.merge && (
            <Button component={Link} to={`/osoby/${person.id}/scal`} variant="default">
              {t('persons.merge.action')}
            </Button>
          )}
        </Group>
        <Text c="dimmed">
          {[
            person.pesel ? `PESEL ${person.pesel}` : t('persons.noPeselShort'),
            t('persons.select.born', { date: formatDate(person.birthDate) }),
            person.unitName,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>

      <SectionCard
        titleId="person-data"
        title={t('persons.view.title')}
        description={person.abilities.update ? undefined : t('persons.view.readOnly')}
      >
        {editing ? (
          <PersonForm person={person} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <PersonDataView person={person} />
            {person.abilities.update && (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('persons.view.edit')}
                </Button>
              </Group>
            )}
          </>
        )}
      </SectionCard>

      {person.abilities.readSensitive && <SensitiveCard person={person} onReload={() => query.refetch()} />}
      <PersonHouseholdsCard person={person} />
      <PersonCasesCard person={person} />
    </Stack>
  );
}
