import type { Case } from '@kooperacja/domain';
import { Anchor, Breadcrumbs, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { SectionCard } from '../../../components/SectionCard';
import { formatDate } from '../../../lib/format';
import { BlueCardFlag } from '../../sharing/BlueCardFlag';
import { useCaseLabels } from '../shared/casesDictionaries';
import { CaseStatusBadge } from './CaseStatusBadge';
import { Facts } from './Facts';

/** Breadcrumbs, the page title (case number) with the status and subject. */
export function CaseTitle({ data }: { data: Case }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <nav aria-label={t('cases.page.breadcrumbs')}>
        <Breadcrumbs separator="›" separatorMargin={6} styles={{ root: { flexWrap: 'wrap' } }}>
          <Anchor component={Link} to="/sprawy" size="sm">
            {t('nav.cases')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {data.number}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group gap="sm" align="center" wrap="wrap">
        <PageTitle documentTitle={t('cases.page.documentTitle', { number: data.number })}>
          {t('cases.page.title', { number: data.number, subject: data.subject.name })}
        </PageTitle>
        <CaseStatusBadge status={data.status} />
        <BlueCardFlag data={data} />
      </Group>
    </Stack>
  );
}

/** Who and why: the subject with household members, reasons, team, institution, dates. */
export function CaseSummaryCard({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const main = data.reasons.find((r) => r.main);
  const others = data.reasons.filter((r) => !r.main);
  const household = data.subject.kind === 'household';
  const subjectLink = household ? `/rodziny/${data.subject.id}` : `/osoby/${data.subject.id}`;
  const closed = data.status === 'zamknieta';

  const facts = [
    {
      key: 'subject',
      label: household ? t('cases.page.family') : t('cases.page.person'),
      value: (
        <Stack gap={4}>
          <Anchor component={Link} to={subjectLink} fw={600}>
            {data.subject.name}
          </Anchor>
          {household && data.subject.persons.length > 0 && (
            <List size="sm" spacing={2} aria-label={t('cases.page.members')}>
              {data.subject.persons.map((p) => (
                <List.Item key={p.id}>
                  {p.firstName} {p.lastName}
                  {p.relation ? ` — ${labels.label('householdRelations', p.relation)}` : ''}
                  {p.birthDate ? `, ${t('cases.page.born', { date: formatDate(p.birthDate) })}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          {!household && data.subject.persons[0]?.birthDate && (
            <Text size="sm">
              {t('cases.page.born', { date: formatDate(data.subject.persons[0].birthDate) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'address',
      label: t('cases.page.address'),
      value: [data.subject.address, data.subject.unitName].filter(Boolean).join(', ') || t('cases.page.none'),
    },
    {
      key: 'mainReason',
      label: t('cases.page.mainReason'),
      value: main ? <Text fw={600}>{labels.label('reasons', main.code)}</Text> : t('cases.page.none'),
    },
    {
      key: 'otherReasons',
      label: t('cases.page.otherReasons'),
      value: others.length
        ? others.map((r) => labels.label('reasons', r.code)).join(', ')
        : t('cases.page.none'),
    },
    { key: 'lead', label: t('cases.page.leadWorker'), value: data.leadWorker.name },
    {
      key: 'co',
      label: t('cases.page.coWorkers'),
      value: data.coWorkers.length ? data.coWorkers.map((w) => w.name).join(', ') : t('cases.page.none'),
    },
    { key: 'institution', label: t('cases.page.institution'), value: data.institution.name },
    {
      key: 'opened',
      label: t('cases.page.opened'),
      value: `${formatDate(data.openedOn)} · ${labels.label('sources', data.source)}`,
    },
    ...(closed
      ? [
          {
            key: 'closed',
            label: t('cases.page.closed'),
            value: [formatDate(data.closedOn), labels.label('closureReasons', data.closureReason)]
              .filter(Boolean)
              .join(' · '),
          },
        ]
      : []),
  ];

  return (
    <SectionCard titleId="case-summary" title={t('cases.page.summaryTitle')}>
      <Facts items={facts} />
      {data.summary && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.summary}
        </Text>
      )}
      {closed && data.outcomeSummary && (
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={600}>
            {t('cases.page.outcome')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.outcomeSummary}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
