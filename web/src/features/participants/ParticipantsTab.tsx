import type { ParticipantCounts, ParticipantSummary, Project } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { ListPagination } from '../admin/ListPagination';
import { useParticipantLabels } from './labels';
import {
  fetchParticipantSummary,
  fetchParticipants,
  type ParticipantListParams,
  participantKeys,
} from './participantsApi';

const PAGE_SIZE = 50;

/** Counts by status and sex: what every reader of the project sees. */
function Counts({ counts }: { counts: ParticipantCounts }) {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const items: [string, number][] = [
    [t('participants.counts.total'), counts.total],
    ...(['aktywny', 'zakonczony', 'przerwany'] as const).map(
      (s) => [labels.label('statuses', s), counts.byStatus[s] ?? 0] as [string, number],
    ),
    [t('participants.counts.women'), counts.bySex.K ?? 0],
    [t('participants.counts.men'), counts.bySex.M ?? 0],
  ];
  return (
    <Box component="dl" m={0} style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-lg)' }}>
      {items.map(([label, n]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {n}
          </Text>
        </div>
      ))}
    </Box>
  );
}

/** The follow-up column: written out (overdue / coming up with the day, or the day it was recorded). */
export function FollowUpCell({
  p,
}: {
  p: Pick<ParticipantSummary, 'followUp' | 'followUpDueOn' | 'followUpOn'>;
}) {
  const { t } = useTranslation();
  if (p.followUpOn)
    return <Text size="sm">{t('participants.followUp.doneOn', { date: formatDate(p.followUpOn) })}</Text>;
  if (p.followUp === 'zalegly')
    return (
      <Badge color="red.8" variant="filled">
        {t('participants.followUp.overdue', { date: formatDate(p.followUpDueOn) })}
      </Badge>
    );
  if (p.followUp === 'wkrotce')
    return (
      <Badge color="orange.9" variant="light">
        {t('participants.followUp.soon', { date: formatDate(p.followUpDueOn) })}
      </Badge>
    );
  if (p.followUpDueOn)
    return <Text size="sm">{t('participants.followUp.dueOn', { date: formatDate(p.followUpDueOn) })}</Text>;
  return <Text size="sm">—</Text>;
}

function ParticipantTable({ projectId, manage }: { projectId: string; manage: boolean }) {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const [status, setStatus] = useState<string | null>(null);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [text, setText] = useState('');
  // `?pomiar=1` (the link of a follow-up reminder) opens the list on the follow-ups to do.
  const [searchParams] = useSearchParams();
  const [dueOnly, setDueOnly] = useState(searchParams.get('pomiar') === '1');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(text.trim(), 300);
  const params: ParticipantListParams = {
    status: status ?? undefined,
    cohortId: cohortId ?? undefined,
    q: q || undefined,
    followUp: dueOnly ? 'do_zrobienia' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: participantKeys.list(projectId, params),
    queryFn: ({ signal }) => fetchParticipants(projectId, params, signal),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <SectionCard
      titleId="participants-list"
      title={t('participants.list.title')}
      query={{ ...list, skeletonHeight: 200 }}
    >
      {data && <Counts counts={data.counts} />}
      {data && data.followUpsDue > 0 && (
        <Text size="sm" fw={600}>
          {t('participants.list.followUpsDue', { count: data.followUpsDue })}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t('participants.fields.status')}
            data={labels.options('statuses')}
            value={status}
            onChange={filter(setStatus)}
            clearable
            placeholder={t('participants.list.all')}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t('participants.fields.cohort')}
            data={(data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={cohortId}
            onChange={filter(setCohortId)}
            clearable
            placeholder={t('participants.list.all')}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <TextInput
            type="search"
            label={t('participants.list.search')}
            description={t('participants.list.searchHint')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Switch
            label={t('participants.list.dueOnly')}
            checked={dueOnly}
            onChange={(e) => filter(setDueOnly)(e.currentTarget.checked)}
          />
        </Grid.Col>
      </Grid>
      {data && (
        <Text size="sm" role="status" aria-live="polite">
          {t('participants.list.found', { count: data.total })}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Caption>{t('participants.list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('participants.fields.technicalId')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.sex')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.ageAtEntry')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.cohort')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.period')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('participants.fields.followUp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr
                  key={p.id}
                  bg={p.followUp === 'zalegly' ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.technicalId}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/projekty/${projectId}/uczestnicy/${p.id}`}>
                      {p.lastName} {p.firstName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`participants.sex.${p.sex}`)}</Table.Td>
                  <Table.Td>{p.ageAtEntry}</Table.Td>
                  <Table.Td>{p.cohortName ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(p.joinedOn)} – {p.leftOn ? formatDate(p.leftOn) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.status === 'aktywny' ? 'blue' : 'gray'}>
                      {labels.label('statuses', p.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <FollowUpCell p={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <ListPagination total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />}
      {manage && (
        <Group>
          <Button component={Link} to={`/projekty/${projectId}/uczestnicy/nowy`}>
            {t('participants.enrol.title')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}

/**
 * Tab "Uczestnicy" of a project: the team sees the participants (filters, counts by status and sex,
 * follow-ups due written out and highlighted); any other reader of the project sees the counts only.
 */
export function ParticipantsTab({ project }: { project: Pick<Project, 'id'> }) {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: participantKeys.summary(project.id),
    queryFn: ({ signal }) => fetchParticipantSummary(project.id, signal),
  });
  if (summary.data?.abilities.readPersons)
    return <ParticipantTable projectId={project.id} manage={summary.data.abilities.manage} />;
  return (
    <SectionCard
      titleId="participants-counts"
      title={t('participants.list.title')}
      description={summary.data ? t('participants.list.countsOnly') : undefined}
      query={{ ...summary, skeletonHeight: 80 }}
    >
      {summary.data && <Counts counts={summary.data.counts} />}
    </SectionCard>
  );
}
