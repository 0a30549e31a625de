import type { Case } from '@kooperacja/domain';
import { Alert, Anchor, Box, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../../lib/format';
import { TaskItem } from '../../tasks/TaskItem';
import { useTasks } from '../../tasks/useTasks';
import { useCaseLabels } from '../shared/casesDictionaries';
import { isPastDay } from './dates';
import { currentPlans, goalProgress, planProgress } from './planProgress';
import { usePlans } from './plans/usePlans';
import { useTimeline } from './timeline/useTimeline';

const NEXT_LIMIT = 3;

/**
 * "Na teraz": what needs doing in this case — overdue tasks (red), the next deadlines, the last
 * event of the timeline and how far the current plan is.
 */
export function NowPanel({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const tasks = useTasks({ caseId: data.id });
  const plans = usePlans(data.id);
  const latest = useTimeline(data.id, { limit: 1 });
  const last = latest.data?.pages[0]?.items[0];
  const overdue = tasks.data?.overdue ?? [];
  const next = [
    ...(tasks.data?.today ?? []),
    ...(tasks.data?.week ?? []),
    ...(tasks.data?.later ?? []),
  ].slice(0, NEXT_LIMIT);
  const current = currentPlans(plans.data?.items ?? []);
  const diagnosisLate = isPastDay(data.diagnosisDue);

  return (
    <Box
      component="section"
      aria-labelledby="case-now"
      p="lg"
      style={{
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-body)',
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-now">
          {t('cases.page.now.title')}
        </Title>

        {data.diagnosisDue && data.status !== 'zamknieta' && (
          <Alert color={diagnosisLate ? 'red' : 'blue'} variant="light" p="xs" role="note">
            <Text size="sm" fw={diagnosisLate ? 700 : 400} c={diagnosisLate ? '#b3261e' : undefined}>
              {diagnosisLate
                ? t('cases.page.now.diagnosisLate', { date: formatDate(data.diagnosisDue) })
                : t('cases.page.now.diagnosisDue', { date: formatDate(data.diagnosisDue) })}
            </Text>
          </Alert>
        )}

        <Title order={3} size="h6" id="case-now-overdue">
          {t('cases.page.now.overdue', { count: overdue.length })}
        </Title>
        {tasks.isPending && <Skeleton height={48} />}
        {tasks.error ? <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
        {tasks.data &&
          (overdue.length ? (
            <Stack component="ul" gap={6} m={0} p={0} aria-labelledby="case-now-overdue">
              {overdue.map((task) => (
                <TaskItem key={task.key} task={task} showCase={false} />
              ))}
            </Stack>
          ) : (
            <Text size="sm">{t('cases.page.now.noOverdue')}</Text>
          ))}

        <Title order={3} size="h6" id="case-now-next">
          {t('cases.page.now.next')}
        </Title>
        {tasks.data &&
          (next.length ? (
            <Stack component="ul" gap={6} m={0} p={0} aria-labelledby="case-now-next">
              {next.map((task) => (
                <TaskItem key={task.key} task={task} showCase={false} />
              ))}
            </Stack>
          ) : (
            <Text size="sm">{t('cases.page.now.noNext')}</Text>
          ))}

        <Title order={3} size="h6">
          {t('cases.page.now.lastEvent')}
        </Title>
        {latest.isPending && <Skeleton height={32} />}
        {latest.error ? <ProblemAlert error={latest.error} onRetry={() => void latest.refetch()} /> : null}
        {latest.data &&
          (last ? (
            <Text size="sm">
              <Text span fw={600}>
                {formatDateTime(last.occurredAt)}
              </Text>{' '}
              · {labels.label('timelineKinds', last.kind)} ·{' '}
              <Anchor component={Link} to="?zakladka=przebieg" size="sm">
                {last.title}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                ({last.author.name})
              </Text>
            </Text>
          ) : (
            <Text size="sm">{t('cases.page.now.noEvents')}</Text>
          ))}

        <Title order={3} size="h6">
          {t('cases.page.now.plan')}
        </Title>
        {plans.isPending && <Skeleton height={32} />}
        {plans.error ? <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} /> : null}
        {plans.data &&
          (current.length ? (
            current.map((plan) => {
              const p = planProgress(plan);
              const name = labels.label('planTypes', plan.type);
              return (
                <Stack key={plan.id} gap={4}>
                  <Anchor component={Link} to={`?zakladka=plany&plan=${plan.id}`} size="sm" fw={600}>
                    {plan.title ? `${name}: ${plan.title}` : name}
                  </Anchor>
                  <Text size="sm">{t('cases.page.now.actionsDone', { done: p.done, all: p.all })}</Text>
                  <Progress
                    value={p.all ? (100 * p.done) / p.all : 0}
                    aria-label={t('cases.page.now.progressLabel', { done: p.done, all: p.all })}
                    size="md"
                  />
                  <Stack component="ul" gap={0} m={0} pl="md">
                    {plan.goals.map((g) => {
                      const gp = goalProgress(g);
                      return (
                        <Text component="li" key={g.id} size="sm">
                          {g.description} — {t('cases.page.now.goalDone', { done: gp.done, all: gp.all })}
                        </Text>
                      );
                    })}
                  </Stack>
                </Stack>
              );
            })
          ) : (
            <Text size="sm">{t('cases.page.now.noPlan')}</Text>
          ))}
      </Stack>
    </Box>
  );
}
