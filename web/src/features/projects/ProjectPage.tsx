import { Anchor, Badge, Box, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { ProjectIndicatorsTab } from '../indicators/ProjectIndicatorsTab';
import { ParticipantsTab } from '../participants/ParticipantsTab';
import { RecruitmentTab } from '../recruitment/RecruitmentTab';
import { SmefsProjectLink } from '../smefs/SmefsProjectLink';
import { SupportTab } from '../support/SupportTab';
import { DocumentsTab } from './DocumentsTab';
import { useProjectLabels } from './labels';
import { MilestonesTab } from './MilestonesTab';
import { OverviewTab } from './OverviewTab';
import { PartnersTab } from './PartnersTab';
import { TasksTab } from './TasksTab';
import { useProject } from './useProject';

const tabs = [
  'przeglad',
  'zadania',
  'partnerzy',
  'kamienie',
  'dokumenty',
  'wskazniki',
  'nabor',
  'uczestnicy',
  'wsparcie',
] as const;
type Tab = (typeof tabs)[number];

/**
 * `/projekty/:id`: the project card — overview (money split, call ranking, goals, target groups,
 * period), tasks and budget, partners and team, milestones, documents and indicators. The tab is
 * in the URL (`?karta=`).
 */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const [params, setParams] = useSearchParams();
  const query = useProject(id);
  const p = query.data;
  const requested = params.get('karta') ?? '';
  const tab: Tab = (tabs as readonly string[]).includes(requested) ? (requested as Tab) : 'przeglad';
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!p) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/projekty" size="sm">
        ← {t('projects.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={p.shortTitle ?? p.title}>{p.title}</PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{labels.label('statuses', p.status)}</Badge>
            <Text size="sm">{p.number}</Text>
          </Group>
        </div>
        <Group gap="xs">
          <SmefsProjectLink project={p} />
          {p.abilities.manage && (
            <Button component={Link} to={`/projekty/${p.id}/edycja`} variant="default">
              {t('projects.page.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Box
        component="dl"
        m={0}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xl)' }}
      >
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('projects.fields.leader')}
          </Text>
          <Text component="dd" m={0}>
            {p.leader.name}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('projects.fields.programmeNodeId')}
          </Text>
          <Text component="dd" m={0}>
            {p.programme.path.map((s) => s.code).join(' › ')} {p.programme.name}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('projects.fields.period')}
          </Text>
          <Text component="dd" m={0}>
            {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
          </Text>
        </div>
      </Box>
      {!p.abilities.manage && (
        <Text size="sm" c="dimmed">
          {t('projects.page.readOnly')}
        </Text>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'przeglad' ? { karta: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="przeglad">{t('projects.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="zadania">{t('projects.tabs.tasks')}</Tabs.Tab>
          <Tabs.Tab value="partnerzy">{t('projects.tabs.partners')}</Tabs.Tab>
          <Tabs.Tab value="kamienie">{t('projects.tabs.milestones')}</Tabs.Tab>
          <Tabs.Tab value="dokumenty">{t('projects.tabs.documents')}</Tabs.Tab>
          <Tabs.Tab value="wskazniki">{t('projects.tabs.indicators')}</Tabs.Tab>
          <Tabs.Tab value="nabor">{t('recruitment.tab')}</Tabs.Tab>
          <Tabs.Tab value="uczestnicy">{t('participants.tab')}</Tabs.Tab>
          <Tabs.Tab value="wsparcie">{t('support.tab.label')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="przeglad" pt="md">
          <OverviewTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="zadania" pt="md">
          <TasksTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="partnerzy" pt="md">
          <PartnersTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="kamienie" pt="md">
          <MilestonesTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="dokumenty" pt="md">
          <DocumentsTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="wskazniki" pt="md">
          <ProjectIndicatorsTab projectId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="nabor" pt="md">
          <RecruitmentTab projectId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="uczestnicy" pt="md">
          <ParticipantsTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="wsparcie" pt="md">
          <SupportTab projectId={p.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
