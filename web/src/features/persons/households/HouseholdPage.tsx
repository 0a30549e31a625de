import type { CaseStatus, Household } from '@kooperacja/domain';
import { Anchor, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { formatDate } from '../../../lib/format';
import { useCan } from '../../auth/useMe';
import { CaseStatusBadge } from '../../cases/page/CaseStatusBadge';
import { useCaseLabels } from '../../cases/shared/casesDictionaries';
import { PageBreadcrumbs } from '../PageBreadcrumbs';
import { AddMemberForm } from './AddMemberForm';
import { EndMembershipButton } from './EndMembershipButton';
import { HouseholdEditForm } from './HouseholdEditForm';
import { useHousehold } from './useHousehold';

function addressOf(h: Household, t: TFunction) {
  return [
    h.street,
    [h.postalCode, h.city].filter(Boolean).join(' '),
    h.unitName ? t('persons.gminaOf', { name: h.unitName }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * `/rodziny/:id`: a household — its members now (with ending a membership and adding one), the
 * earlier members with their dates, and its cases.
 */
export function HouseholdPage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { id = '' } = useParams();
  const query = useHousehold(id);
  const [editing, setEditing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const canOpenCase = useCan('cases.write');
  const crumbs = [{ label: t('persons.search.title'), to: '/osoby' }];

  if (query.isPending) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[...crumbs, { label: t('persons.loading') }]} />
        <PageTitle>{t('persons.household.one')}</PageTitle>
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.error || !query.data) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[...crumbs, { label: t('persons.household.one') }]} />
        <PageTitle>{t('persons.household.one')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const h = query.data;
  const current = h.members.filter((m) => !m.toDate);
  const history = h.members.filter((m) => m.toDate);
  const canUpdate = h.abilities.update;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs items={[...crumbs, { label: h.name }]} />
        <Group justify="space-between" align="flex-end">
          <PageTitle documentTitle={h.name}>{h.name}</PageTitle>
          {canOpenCase && (
            <Button component={Link} to={`/sprawy/nowa?householdId=${h.id}`}>
              {t('persons.household.openCase')}
            </Button>
          )}
        </Group>
        <Text c="dimmed">{addressOf(h, t) || t('persons.household.noAddress')}</Text>
      </Stack>

      <SectionCard titleId="household-data" title={t('persons.household.addressTitle')}>
        {editing ? (
          <HouseholdEditForm
            key={generation}
            household={h}
            onDone={() => setEditing(false)}
            onReload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
          />
        ) : (
          <>
            <Text size="sm">{addressOf(h, t) || t('persons.household.noAddress')}</Text>
            {canUpdate && (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('persons.household.edit')}
                </Button>
              </Group>
            )}
          </>
        )}
      </SectionCard>

      <SectionCard titleId="household-current" title={t('persons.household.currentTitle')}>
        {current.length === 0 ? (
          <Text size="sm">{t('persons.household.noCurrent')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-labelledby="household-current" data-testid="household-current">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('persons.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('persons.households.relation')}</Table.Th>
                  <Table.Th scope="col">{t('persons.columns.birthDate')}</Table.Th>
                  <Table.Th scope="col">{t('persons.households.from')}</Table.Th>
                  {canUpdate && <Table.Th scope="col">{t('persons.household.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.map((m) => {
                  const name = `${m.person.firstName} ${m.person.lastName}`;
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/osoby/${m.person.id}`} fw={600}>
                          {name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{labels.label('householdRelations', m.relation)}</Table.Td>
                      <Table.Td>{formatDate(m.person.birthDate)}</Table.Td>
                      <Table.Td>{formatDate(m.fromDate)}</Table.Td>
                      {canUpdate && (
                        <Table.Td>
                          <EndMembershipButton
                            householdId={h.id}
                            memberId={m.id}
                            name={name}
                            version={h.version}
                            fromDate={m.fromDate}
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>

      {canUpdate && (
        <SectionCard titleId="household-add" title={t('persons.household.addTitle')}>
          <AddMemberForm household={h} />
        </SectionCard>
      )}

      <SectionCard titleId="household-history" title={t('persons.household.historyTitle')}>
        {history.length === 0 ? (
          <Text size="sm">{t('persons.household.noHistory')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-labelledby="household-history" data-testid="household-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('persons.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('persons.households.relation')}</Table.Th>
                  <Table.Th scope="col">{t('persons.households.from')}</Table.Th>
                  <Table.Th scope="col">{t('persons.households.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/osoby/${m.person.id}`}>
                        {m.person.firstName} {m.person.lastName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labels.label('householdRelations', m.relation)}</Table.Td>
                    <Table.Td>{formatDate(m.fromDate)}</Table.Td>
                    <Table.Td>{formatDate(m.toDate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>

      <SectionCard titleId="household-cases" title={t('persons.household.casesTitle')}>
        {h.cases.length === 0 ? (
          <Text size="sm">{t('persons.household.noCases')}</Text>
        ) : (
          <Table verticalSpacing="xs" aria-labelledby="household-cases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('persons.cases.number')}</Table.Th>
                <Table.Th scope="col">{t('persons.cases.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sprawy/${c.id}`} fw={600}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status as CaseStatus} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
    </Stack>
  );
}
