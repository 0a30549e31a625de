import type {
  SupportActivityDetail,
  SupportEpisode,
  SupportSession,
  SupportWarning,
} from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatMoney } from '../../lib/format';
import { ActivityForm } from './ActivityForm';
import { AttendanceGrid } from './AttendanceGrid';
import { EpisodeForm } from './EpisodeForm';
import { plHours, useSupportLabels } from './labels';
import { OccupancySection } from './OccupancySection';
import { SessionForm } from './SessionForm';
import { deleteActivity, deleteEpisode, deleteSession, supportKeys } from './supportApi';
import { useSupportActivity } from './useSupportActivity';

function Warnings({ warnings, onClose }: { warnings: SupportWarning[]; onClose: () => void }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      color="yellow"
      title={t('support.episodes.warnings')}
      withCloseButton
      onClose={onClose}
      role="status"
    >
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w.code}>{w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The schedule of a group activity; each session opens its attendance list below. */
function SessionsSection({
  a,
  selected,
  onSelect,
}: {
  a: SupportActivityDetail;
  selected: string | null;
  onSelect: (sessionId: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = a.abilities.manage;
  const [editing, setEditing] = useState<SupportSession | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (s: SupportSession) => deleteSession(a.projectId, a.id, s.id, s.version),
    onSuccess: (_d, s) => {
      if (selected === s.id) onSelect(null);
      void queryClient.invalidateQueries({ queryKey: supportKeys.all(a.projectId) });
    },
  });
  return (
    <SectionCard
      titleId="support-sessions"
      title={t('support.sessions.title')}
      description={t('support.sessions.total', { count: a.sessionCount, hours: plHours(a.sessionHours) })}
    >
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {a.sessions.length === 0 ? (
        <Text>{t('support.sessions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <VisuallyHidden component="caption">{t('support.sessions.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('support.sessions.date')}</Table.Th>
                <Table.Th scope="col">{t('support.sessions.startTime')}</Table.Th>
                <Table.Th scope="col">{t('support.sessions.hours')}</Table.Th>
                <Table.Th scope="col">{t('support.sessions.topic')}</Table.Th>
                <Table.Th scope="col">{t('support.sessions.attendance')}</Table.Th>
                {manage && <Table.Th scope="col">{t('support.sessions.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.sessions.map((s) => (
                <Table.Tr key={s.id} aria-current={selected === s.id ? 'true' : undefined}>
                  <Table.Td>{formatDate(s.date)}</Table.Td>
                  <Table.Td>{s.startTime ?? '—'}</Table.Td>
                  <Table.Td>{plHours(s.hours)}</Table.Td>
                  <Table.Td>{s.topic ?? '—'}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">
                        {s.recorded
                          ? t('support.sessions.recorded', { count: s.present })
                          : t('support.sessions.notRecorded')}
                      </Text>
                      <Button
                        size="compact-sm"
                        variant={selected === s.id ? 'filled' : 'light'}
                        onClick={() => onSelect(s.id)}
                      >
                        {manage
                          ? t('support.sessions.fillList', { date: formatDate(s.date) })
                          : t('support.sessions.showList', { date: formatDate(s.date) })}
                      </Button>
                    </Stack>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-xs" variant="default" onClick={() => setEditing(s)}>
                          {t('support.sessions.editOf', { date: formatDate(s.date) })}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (
                              window.confirm(
                                t('support.sessions.confirmDelete', { date: formatDate(s.date) }),
                              )
                            )
                              remove.mutate(s);
                          }}
                        >
                          {t('support.sessions.deleteOf', { date: formatDate(s.date) })}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <Group>
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('support.sessions.add')}
          </Button>
        </Group>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('support.sessions.add') : t('support.sessions.edit')}
      >
        {editing !== null && (
          <SessionForm
            projectId={a.projectId}
            activityId={a.id}
            session={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </SectionCard>
  );
}

/** The participants of the activity: their episodes with dates, hours and stipends. */
function EpisodesSection({ a }: { a: SupportActivityDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = a.abilities.manage;
  const [editing, setEditing] = useState<SupportEpisode | 'new' | null>(null);
  const [warnings, setWarnings] = useState<SupportWarning[]>([]);
  const remove = useMutation({
    mutationFn: (e: SupportEpisode) => deleteEpisode(a.projectId, a.id, e.id, e.version),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: supportKeys.all(a.projectId) }),
  });
  const group = a.kind === 'grupowe';
  const withHours = a.kind === 'indywidualne' || a.kind === 'staz';
  const internship = a.kind === 'staz';
  return (
    <SectionCard
      titleId="support-episodes"
      title={t('support.episodes.title')}
      description={t('support.episodes.lead', { active: a.activeCount, total: a.episodeCount })}
    >
      <Warnings warnings={warnings} onClose={() => setWarnings([])} />
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {a.episodes.length === 0 ? (
        <Text>{t('support.episodes.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <VisuallyHidden component="caption">{t('support.episodes.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('support.episodes.participant')}</Table.Th>
                <Table.Th scope="col">{t('support.episodes.startsOn')}</Table.Th>
                <Table.Th scope="col">{t('support.episodes.endsOn')}</Table.Th>
                {group && <Table.Th scope="col">{t('support.episodes.attended')}</Table.Th>}
                {withHours && <Table.Th scope="col">{t('support.episodes.hours')}</Table.Th>}
                {internship && <Table.Th scope="col">{t('support.episodes.stipend')}</Table.Th>}
                {manage && <Table.Th scope="col">{t('support.sessions.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.episodes.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw="normal">
                    {e.participant.name}
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {e.participant.technicalId}
                    </Text>
                  </Table.Th>
                  <Table.Td>{formatDate(e.startsOn)}</Table.Td>
                  <Table.Td>{e.endsOn ? formatDate(e.endsOn) : t('support.openEnded')}</Table.Td>
                  {group && <Table.Td>{plHours(e.attendedHours)}</Table.Td>}
                  {withHours && <Table.Td>{e.hours ? plHours(e.hours) : '—'}</Table.Td>}
                  {internship && <Table.Td>{e.stipend === null ? '—' : formatMoney(e.stipend)}</Table.Td>}
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-xs" variant="default" onClick={() => setEditing(e)}>
                          {t('support.episodes.editOf', { name: e.participant.name })}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (
                              window.confirm(
                                t('support.episodes.confirmDelete', { name: e.participant.name }),
                              )
                            )
                              remove.mutate(e);
                          }}
                        >
                          {t('support.episodes.deleteOf', { name: e.participant.name })}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('support.episodes.add')}</Button>
        </Group>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('support.episodes.add') : t('support.episodes.edit')}
        size="lg"
      >
        {editing !== null && (
          <EpisodeForm
            projectId={a.projectId}
            activities={[{ id: a.id, name: a.name, kind: a.kind, startsOn: a.startsOn, endsOn: a.endsOn }]}
            activityId={a.id}
            episode={editing === 'new' ? undefined : editing}
            onDone={(w) => {
              setEditing(null);
              setWarnings(w ?? []);
            }}
          />
        )}
      </Modal>
    </SectionCard>
  );
}

/**
 * `/projekty/:projectId/wsparcie/:activityId`: one form of support — for a workshop its schedule,
 * the attendance list of the chosen session (`?zajecia=`) and its participants; for a flat its
 * occupancy timeline; for individual support and internships the participants' episodes with hours.
 */
export function ActivityPage() {
  const { projectId = '', activityId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useSupportLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const query = useSupportActivity(projectId, activityId);
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: (a: SupportActivityDetail) => deleteActivity(projectId, a.id, a.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supportKeys.all(projectId) });
      void navigate(`/projekty/${projectId}?karta=wsparcie`);
    },
  });
  const a = query.data;
  const back = (
    <Anchor component={Link} to={`/projekty/${projectId}?karta=wsparcie`} size="sm">
      ← {t('support.activity.back')}
    </Anchor>
  );
  if (query.error)
    return (
      <Stack gap="lg">
        {back}
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!a) return <Text>{t('common.loading')}</Text>;
  const sessionId = params.get('zajecia');
  const selected = a.sessions.some((s) => s.id === sessionId) ? sessionId : null;
  const select = (id: string | null) => setParams(id ? { zajecia: id } : {}, { replace: true });
  const selectedSession = a.sessions.find((s) => s.id === selected);
  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={a.name}>{a.name}</PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light" tt="none">
              {labels.kind(a.kind)}
            </Badge>
            <Text size="sm">{a.project.title}</Text>
          </Group>
        </div>
        {a.abilities.manage && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('support.activity.edit')}
            </Button>
            {a.sessionCount + a.episodeCount === 0 && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  if (window.confirm(t('support.activity.confirmDelete', { name: a.name }))) remove.mutate(a);
                }}
              >
                {t('support.activity.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Box
        component="dl"
        m={0}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xl)' }}
      >
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('support.activity.type')}
          </Text>
          <Text component="dd" m={0} maw={520}>
            {a.supportType ? `${a.supportType.code} ${a.supportType.name}` : '—'}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('support.activity.period')}
          </Text>
          <Text component="dd" m={0}>
            {formatDate(a.startsOn)} – {a.endsOn ? formatDate(a.endsOn) : t('support.openEnded')}
          </Text>
        </div>
        {a.place && (
          <div>
            <Text component="dt" size="xs" c="dimmed">
              {t('support.activity.place')}
            </Text>
            <Text component="dd" m={0}>
              {a.place}
            </Text>
          </div>
        )}
        {a.capacity !== null && (
          <div>
            <Text component="dt" size="xs" c="dimmed">
              {a.kind === 'mieszkanie' ? t('support.form.places') : t('support.form.capacity')}
            </Text>
            <Text component="dd" m={0}>
              {a.capacity}
            </Text>
          </div>
        )}
        {a.employer && (
          <div>
            <Text component="dt" size="xs" c="dimmed">
              {t('support.form.employer')}
            </Text>
            <Text component="dd" m={0}>
              {a.employer}
            </Text>
          </div>
        )}
      </Box>
      {a.supportType?.rules.onlyWithOther && <Text size="sm">{t('support.form.onlyWithOther')}</Text>}
      {a.supportType?.rules.timeWindow && (
        <Text size="sm">{t('support.form.timeWindow', { window: a.supportType.rules.timeWindow })}</Text>
      )}
      {a.description && <Text>{a.description}</Text>}
      {a.kind === 'grupowe' && <SessionsSection a={a} selected={selected} onSelect={select} />}
      {a.kind === 'grupowe' && selectedSession && (
        <SectionCard titleId="support-attendance" title={t('support.attendance.section')}>
          <AttendanceGrid projectId={projectId} activityId={a.id} sessionId={selectedSession.id} />
        </SectionCard>
      )}
      {a.kind === 'mieszkanie' && <OccupancySection projectId={projectId} activityId={a.id} />}
      <EpisodesSection a={a} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('support.activity.edit')} size="lg">
        {editing && (
          <ActivityForm
            projectId={projectId}
            supportTypes={a.supportTypes}
            activity={a}
            onDone={() => setEditing(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}
