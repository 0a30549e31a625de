import type { Case } from '@kooperacja/domain';
import { Grid, Skeleton, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CooperationTab } from '../../sharing/CooperationTab';
import { CaseDataSection } from './CaseDataSection';
import { CaseSummaryCard, CaseTitle } from './CaseHeader';
import { DiagnosisSection } from './diagnosis/DiagnosisSection';
import { NowPanel } from './NowPanel';
import { PlansSection } from './plans/PlansSection';
import { StatusStepper } from './StatusStepper';
import { TimelineSection } from './timeline/TimelineSection';
import { useCase } from './useCase';

export const CASE_TABS = ['diagnoza', 'plany', 'przebieg', 'wspolpraca', 'dane'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** The tab a case opens on: where its work is at its current stage. */
function defaultTab(c: Case): CaseTab {
  if (c.status === 'zgloszenie' || c.status === 'diagnoza') return 'diagnoza';
  if (c.status === 'zamknieta') return 'przebieg';
  return 'plany';
}

/**
 * `/sprawy/:id`: a case readable in half a minute — who and why, what is due now, the stage — and
 * below, in tabs, the diagnosis, the plans, the timeline and the case data. The tab (and an open
 * editor) live in the URL, so a new log-in after a time-out brings the user back to the same place.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useCase(id);

  if (query.isPending) {
    return (
      <Stack gap="lg">
        <PageTitle>{t('cases.page.loadingTitle')}</PageTitle>
        <Skeleton height={180} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.error || !query.data) {
    return (
      <Stack gap="lg">
        <PageTitle>{t('cases.page.loadingTitle')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const data = query.data;
  const asked = params.get('zakladka');
  const tab: CaseTab = CASE_TABS.includes(asked as CaseTab) ? (asked as CaseTab) : defaultTab(data);
  const selectTab = (value: string | null) => {
    if (!value) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('zakladka', value);
        next.delete('plan');
        next.delete('edycja');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Stack gap="lg">
      <CaseTitle data={data} />
      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CaseSummaryCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <NowPanel data={data} />
        </Grid.Col>
      </Grid>
      <StatusStepper data={data} />

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('cases.page.tabs.label')}>
          {CASE_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {k === 'wspolpraca' ? t('sharing.tab') : t(`cases.page.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="diagnoza" pt="md">
          <DiagnosisSection data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="plany" pt="md">
          <PlansSection data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="przebieg" pt="md">
          <TimelineSection data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="wspolpraca" pt="md">
          <CooperationTab data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="dane" pt="md">
          <CaseDataSection data={data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
