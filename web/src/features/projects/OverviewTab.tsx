import { formatRate, type Project } from '@kooperacja/domain';
import { Grid, List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { MoneyChart } from './MoneyChart';

/** Lines of a free text as a list when there are several (goals are typed one per line). */
function Lines({ text }: { text: string | null }) {
  const lines = (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (lines.length <= 1) return <Text>{lines[0] ?? '—'}</Text>;
  return (
    <List spacing={4}>
      {lines.map((l) => (
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

/** Przegląd: money split and its checks, the call ranking, the period with time elapsed, goals and groups. */
export function OverviewTab({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const ranking =
    p.callRank && p.callTotal
      ? t('projects.overview.ranking', { rank: p.callRank, total: p.callTotal })
      : p.callRank
        ? t('projects.overview.rankOnly', { rank: p.callRank })
        : null;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <SectionCard titleId="project-money" title={t('projects.overview.money')}>
            <MoneyChart money={p.money} />
            <Stack gap={4}>
              <Text size="sm" fw={600} id="project-money-checks">
                {t('projects.overview.checks')}
              </Text>
              <List size="sm" spacing={2} aria-labelledby="project-money-checks">
                {p.money.checks.map((c) => (
                  <List.Item key={c.rule} icon={<span aria-hidden>{c.ok ? '✓' : '✗'}</span>}>
                    {t(
                      `projects.checks.${c.rule.replace('project.money.', '')}` as 'projects.checks.sourcesMismatch',
                    )}
                    {' — '}
                    <strong>
                      {c.ok ? t('projects.overview.checkOk') : t('projects.overview.checkFailed')}
                    </strong>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </SectionCard>
          <SectionCard titleId="project-goals" title={t('projects.fields.goals')}>
            <Lines text={p.goals} />
          </SectionCard>
          {p.description && (
            <SectionCard titleId="project-description" title={t('projects.fields.description')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{p.description}</Text>
            </SectionCard>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          <SectionCard titleId="project-period" title={t('projects.fields.period')}>
            <Text>
              {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
            </Text>
            <Progress.Root>
              <Progress.Section
                value={p.elapsed / 100}
                aria-label={t('projects.overview.elapsedLabel')}
                aria-valuetext={formatRate(p.elapsed)}
              />
            </Progress.Root>
            <Text size="sm">{t('projects.overview.elapsed', { rate: formatRate(p.elapsed) })}</Text>
          </SectionCard>
          <SectionCard titleId="project-call" title={t('projects.overview.call')}>
            {p.callNumber || ranking || p.callResult ? (
              <Stack gap={4}>
                {p.callNumber && <Text>{t('projects.overview.callNumber', { number: p.callNumber })}</Text>}
                {ranking && <Text fw={600}>{ranking}</Text>}
                {p.callResult && <Text>{p.callResult}</Text>}
              </Stack>
            ) : (
              <Text c="dimmed">{t('projects.overview.noCall')}</Text>
            )}
          </SectionCard>
          <SectionCard titleId="project-groups" title={t('projects.fields.targetGroups')}>
            {p.targetGroups.length ? (
              <List spacing={4}>
                {p.targetGroups.map((g) => (
                  <List.Item key={g}>{g}</List.Item>
                ))}
              </List>
            ) : (
              <Text c="dimmed">—</Text>
            )}
          </SectionCard>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
