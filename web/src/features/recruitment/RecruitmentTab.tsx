import type { Call, Cohort } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ApplicationsTable } from './ApplicationsTable';
import { CallForm } from './CallForm';
import { CohortForm } from './CohortForm';
import { useDescribe } from './describe';
import { useRecruitmentLabels } from './labels';
import { RankingView } from './RankingView';
import {
  deleteCohort,
  fetchCalls,
  recruitmentKeys,
  regulationsUrl,
  uploadRegulations,
} from './recruitmentApi';

/** Applications by status: aggregate counts, what every reader of the project may see. */
function Counts({ counts, total }: { counts: Record<string, number>; total: number }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const items: [string, number][] = [
    [t('recruitment.calls.total'), total],
    ...Object.entries(counts).map(([s, n]) => [labels.label('statuses', s), n] as [string, number]),
  ];
  return (
    <Box component="dl" m={0} style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-lg)' }}>
      {items.map(([label, n]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {formatNumber(n)}
          </Text>
        </div>
      ))}
    </Box>
  );
}

function CohortCard({ call, cohort }: { call: Call; cohort: Cohort }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const describe = useDescribe();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteCohort(call.projectId, call.id, cohort),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(call.projectId) }),
  });
  const applications = Object.values(cohort.counts).reduce((s, n) => s + n, 0);
  if (editing)
    return (
      <Card withBorder component="li">
        <CohortForm
          call={call}
          cohort={cohort}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </Card>
    );
  return (
    <Card withBorder component="li">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {cohort.name}
          </Title>
          <Text size="sm">
            {t('recruitment.cohort.summary', {
              places: cohort.places,
              reserve: cohort.reservePlaces,
              applications,
              rule: labels.label('tieBreaks', cohort.tieBreak),
            })}
          </Text>
        </div>
        {call.abilities.manage && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setEditing(true)}
              aria-label={t('recruitment.cohort.editNamed', { name: cohort.name })}
            >
              {t('recruitment.common.edit')}
            </Button>
            {applications === 0 && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                aria-label={t('recruitment.cohort.deleteNamed', { name: cohort.name })}
                onClick={() => {
                  if (window.confirm(t('recruitment.cohort.confirmDelete', { name: cohort.name })))
                    remove.mutate();
                }}
              >
                {t('recruitment.common.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Text size="sm" fw={600} mt="xs">
        {t('recruitment.cohort.rules')}
      </Text>
      {cohort.eligibilityRules.length ? (
        <List size="sm">
          {cohort.eligibilityRules.map((r) => (
            <List.Item key={r.kind}>{describe.rule(r)}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t('recruitment.cohort.noRules')}</Text>
      )}
      <Text size="sm" fw={600} mt="xs">
        {t('recruitment.cohort.criteria')}
      </Text>
      {cohort.scoringCriteria.length ? (
        <List size="sm">
          {cohort.scoringCriteria.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no identity of their own
            <List.Item key={i}>{describe.criterion(c)}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t('recruitment.cohort.noCriteria')}</Text>
      )}
    </Card>
  );
}

function CallDetail({ call }: { call: Call }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [rankingCohort, setRankingCohort] = useState<string | null>(call.cohorts[0]?.id ?? null);
  const upload = useMutation({
    mutationFn: (f: File) => uploadRegulations(call.projectId, call.id, f),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(call.projectId) });
    },
  });
  const publicPath = `/nabor/${call.code}`;
  return (
    <Stack>
      <SectionCard
        titleId={`call-${call.id}`}
        title={call.name}
        description={t('recruitment.calls.period', {
          from: formatDateTime(call.opensAt),
          to: formatDateTime(call.closesAt),
        })}
      >
        {editing ? (
          <CallForm
            projectId={call.projectId}
            call={call}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="light">{labels.label('callStatuses', call.status)}</Badge>
              <Text size="sm">{t('recruitment.calls.code', { code: call.code })}</Text>
              <Text size="sm">{t('recruitment.calls.places', { places: call.placesTotal })}</Text>
            </Group>
            {call.description && <Text size="sm">{call.description}</Text>}
            <Text size="sm">
              {call.acceptsApplications ? (
                <>
                  {t('recruitment.calls.publicForm')}{' '}
                  <Anchor component={Link} to={publicPath}>
                    {`${window.location.origin}${publicPath}`}
                  </Anchor>
                </>
              ) : (
                t('recruitment.calls.notAccepting')
              )}
            </Text>
            <Text size="sm">
              {t('recruitment.calls.formKinds', {
                kinds: call.formKinds.map((k) => labels.label('formKinds', k)).join('; '),
              })}
            </Text>
            <Counts counts={call.counts} total={call.total} />
            {call.regulations ? (
              <Anchor href={regulationsUrl(call.projectId, call.id)} download={call.regulations.filename}>
                {t('recruitment.calls.regulations', { file: call.regulations.filename })}
              </Anchor>
            ) : (
              <Text size="sm">{t('recruitment.calls.noRegulations')}</Text>
            )}
            {call.abilities.manage && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (file) upload.mutate(file);
                }}
              >
                <Group align="flex-end">
                  <FileInput
                    label={t('recruitment.calls.regulationsFile')}
                    accept="application/pdf"
                    value={file}
                    onChange={setFile}
                    clearable
                    clearButtonProps={{ 'aria-label': t('common.clear') }}
                    w={320}
                  />
                  <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
                    {t('recruitment.calls.upload')}
                  </Button>
                </Group>
                {upload.error ? <ProblemAlert error={upload.error} /> : null}
              </form>
            )}
            {call.abilities.manage && (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('recruitment.calls.edit')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </SectionCard>

      <SectionCard
        titleId={`cohorts-${call.id}`}
        title={t('recruitment.cohort.title')}
        description={t('recruitment.cohort.lead')}
      >
        {call.cohorts.length === 0 && <Text>{t('recruitment.cohort.empty')}</Text>}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {call.cohorts.map((c) => (
            <CohortCard key={c.id} call={call} cohort={c} />
          ))}
        </Stack>
        {call.abilities.manage &&
          (adding ? (
            <Card withBorder>
              <CohortForm call={call} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
            </Card>
          ) : (
            <Group>
              <Button variant="default" onClick={() => setAdding(true)}>
                {t('recruitment.cohort.new')}
              </Button>
            </Group>
          ))}
      </SectionCard>

      {call.abilities.team ? (
        <>
          <ApplicationsTable call={call} />
          {call.cohorts.length > 0 && (
            <Stack gap="xs">
              <Select
                label={t('recruitment.ranking.cohort')}
                data={call.cohorts.map((c) => ({ value: c.id, label: c.name }))}
                value={rankingCohort}
                onChange={setRankingCohort}
                allowDeselect={false}
                w={360}
              />
              {rankingCohort && (
                <RankingView projectId={call.projectId} callId={call.id} cohortId={rankingCohort} />
              )}
            </Stack>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('recruitment.calls.teamOnly')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Nabór: the project's calls. Every reader sees the calls, cohorts and the number of applications;
 * the project team sees the applications and rankings; coordinators change them. The chosen call is
 * in the URL (`?karta=nabor&nabor=<id>`).
 */
export function RecruitmentTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: recruitmentKeys.calls(projectId),
    queryFn: ({ signal }) => fetchCalls(projectId, signal),
  });
  const items = query.data?.items ?? [];
  const chosen = items.find((c) => c.id === params.get('nabor')) ?? items[0];
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('nabor', id);
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <SectionCard
        titleId="project-calls"
        title={t('recruitment.calls.title')}
        description={t('recruitment.calls.lead')}
        query={{ ...query, skeletonHeight: 80 }}
      >
        {query.data && items.length === 0 && <Text>{t('recruitment.calls.empty')}</Text>}
        {items.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((c) => (
              <Group component="li" key={c.id} gap="sm">
                <Button
                  variant={chosen?.id === c.id ? 'light' : 'subtle'}
                  onClick={() => choose(c.id)}
                  aria-current={chosen?.id === c.id ? 'true' : undefined}
                >
                  {c.name}
                </Button>
                <Text size="sm">
                  {c.code} · {labels.label('callStatuses', c.status)} ·{' '}
                  {t('recruitment.calls.applicationsCount', { n: c.total })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {query.data?.abilities.manage &&
          (creating ? (
            <Card withBorder>
              <CallForm
                projectId={projectId}
                onDone={(c) => {
                  setCreating(false);
                  choose(c.id);
                }}
                onCancel={() => setCreating(false)}
              />
            </Card>
          ) : (
            <Group>
              <Button onClick={() => setCreating(true)}>{t('recruitment.calls.new')}</Button>
            </Group>
          ))}
      </SectionCard>
      {chosen && <CallDetail key={chosen.id} call={chosen} />}
    </Stack>
  );
}
