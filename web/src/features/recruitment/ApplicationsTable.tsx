import type { Call } from '@kooperacja/domain';
import { Anchor, Badge, Button, Grid, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useRecruitmentLabels } from './labels';
import { type ApplicationListParams, fetchApplications, recruitmentKeys } from './recruitmentApi';

/**
 * The applications of a call (project team only): filters by status (with counts), cohort, result of
 * the check, channel and text; each row links to the application. Coordinators enter paper ones.
 */
export function ApplicationsTable({ call }: { call: Call }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const [status, setStatus] = useState<string | null>(null);
  const [cohort, setCohort] = useState<string | null>(null);
  const [eligible, setEligible] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const params: ApplicationListParams = {
    status: status ?? undefined,
    cohort: cohort ?? undefined,
    eligible: eligible ?? undefined,
    q: q || undefined,
    limit: 200,
  } as ApplicationListParams;
  const query = useQuery({
    queryKey: recruitmentKeys.applications(call.projectId, call.id, params),
    queryFn: ({ signal }) => fetchApplications(call.projectId, call.id, params, signal),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const statusOptions = labels.options('statuses').map((o) => ({
    value: o.value,
    label: `${o.label} (${data?.counts[o.value] ?? call.counts[o.value] ?? 0})`,
  }));
  const titleId = `applications-${call.id}`;
  return (
    <SectionCard
      titleId={titleId}
      title={t('recruitment.applications.title')}
      description={t('recruitment.applications.lead')}
      query={{ ...query, skeletonHeight: 160 }}
    >
      <Grid align="flex-end">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label={t('recruitment.applications.status')}
            data={statusOptions}
            value={status}
            onChange={setStatus}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            placeholder={t('recruitment.applications.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label={t('recruitment.applications.cohort')}
            data={call.cohorts.map((c) => ({ value: c.id, label: c.name }))}
            value={cohort}
            onChange={setCohort}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            placeholder={t('recruitment.applications.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label={t('recruitment.applications.eligible')}
            data={[
              { value: 'tak', label: t('recruitment.applications.meets') },
              { value: 'nie', label: t('recruitment.applications.doesNotMeet') },
            ]}
            value={eligible}
            onChange={setEligible}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            placeholder={t('recruitment.applications.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <TextInput
            label={t('recruitment.applications.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </Grid.Col>
      </Grid>
      {call.abilities.manage && (
        <Group>
          <Button
            component={Link}
            to={`/projekty/${call.projectId}/nabory/${call.id}/zgloszenie-papierowe`}
            variant="default"
          >
            {t('recruitment.applications.paper')}
          </Button>
        </Group>
      )}
      {data && data.items.length === 0 && <Text>{t('recruitment.applications.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={880} type="native">
          <Table striped>
            <Table.Caption>
              {t('recruitment.applications.caption', { shown: data.items.length, total: data.total })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('recruitment.applications.number')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.applications.name')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.applications.cohort')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.applications.submittedAt')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.applications.status')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.applications.eligible')}</Table.Th>
                <Table.Th scope="col">{t('recruitment.ranking.points')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/projekty/${call.projectId}/zgloszenia/${a.id}`}>
                      {a.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {labels.label('channels', a.channel)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.firstName} {a.lastName}
                  </Table.Td>
                  <Table.Td>{a.cohortName ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(a.submittedAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{labels.label('statuses', a.status)}</Badge>
                    {a.missingDocuments > 0 && (
                      <Text size="xs">
                        {t('recruitment.ranking.missingDocuments', { n: a.missingDocuments })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.eligible === null
                      ? t('recruitment.applications.notChecked')
                      : a.eligible
                        ? t('recruitment.applications.meets')
                        : t('recruitment.applications.doesNotMeet')}
                  </Table.Td>
                  <Table.Td>{a.score ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
