import type { Task } from '@kooperacja/domain';
import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { StatusBadge } from '../admin/StatusBadge';
import { caseLink, taskTarget } from './taskLinks';

/**
 * One task: due date, what to do (a link to where it is done) and, unless shown inside the case,
 * the case number and subject. An overdue task has a red edge and says so in words.
 */
export function TaskItem({ task, showCase = true }: { task: Task; showCase?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      data-overdue={task.overdue || undefined}
      pl="sm"
      py={4}
      style={{
        borderLeft: task.overdue ? '4px solid #b3261e' : '4px solid var(--mantine-color-gray-3)',
        listStyle: 'none',
      }}
    >
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} c={task.overdue ? '#b3261e' : undefined}>
            {formatDate(task.due)}
          </Text>
          {task.overdue && <StatusBadge tone="danger">{t('cases.tasks.overdueBadge')}</StatusBadge>}
          <Text size="xs" c="dimmed">
            {t(`cases.tasks.kind.${task.kind}`)}
          </Text>
        </Group>
        <Anchor component={Link} to={taskTarget(task)} size="sm">
          {task.title}
        </Anchor>
        {showCase && (
          <Text size="sm">
            <Anchor component={Link} to={caseLink(task.caseId)} size="sm">
              {t('cases.tasks.caseLink', { number: task.caseNumber, subject: task.subjectName })}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Box>
  );
}
