import type { Task, TaskList } from '@kooperacja/domain';
import { Badge, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TaskItem } from './TaskItem';
import { useTasks } from './useTasks';

/** The groups in the order shown: what is late first. */
export const TASK_GROUPS = [
  'overdue',
  'today',
  'week',
  'later',
] as const satisfies readonly (keyof TaskList)[];

function TaskGroup({ group, tasks }: { group: (typeof TASK_GROUPS)[number]; tasks: Task[] }) {
  const { t } = useTranslation();
  const titleId = `tasks-${group}`;
  const late = group === 'overdue' && tasks.length > 0;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={titleId}
      data-group={group}
      style={late ? { borderColor: '#b3261e', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId} c={late ? '#b3261e' : undefined}>
          {t(`cases.tasks.groups.${group}`)}{' '}
          <Badge
            component="span"
            variant={late ? 'filled' : 'outline'}
            color={late ? '#b3261e' : 'gray.7'}
            tt="none"
            style={late ? undefined : { color: '#495057' }}
          >
            {t('cases.tasks.count', { count: tasks.length })}
          </Badge>
        </Title>
        {tasks.length === 0 ? (
          <Text size="sm">{t(`cases.tasks.empty.${group}`)}</Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} aria-labelledby={titleId}>
            {tasks.map((task) => (
              <TaskItem key={task.key} task={task} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * `/zadania` "Moje zadania": plan actions, plan reviews and diagnoses due, in four groups — overdue
 * (red), today, this week, later — each with its case.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const query = useTasks();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('cases.tasks.title')}</PageTitle>
        <Text maw={820}>{t('cases.tasks.lead')}</Text>
      </Stack>
      {query.isPending && <Skeleton height={240} />}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && TASK_GROUPS.map((g) => <TaskGroup key={g} group={g} tasks={query.data[g]} />)}
    </Stack>
  );
}
