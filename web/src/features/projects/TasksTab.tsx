import { formatAmount, formatRate, type Project, type ProjectTask } from '@kooperacja/domain';
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useProjectLabels } from './labels';
import { deleteTask, projectKeys } from './projectsApi';
import { TaskForm } from './TaskForm';
import { useProjectTasks } from './useProjectTasks';

/** Zadania i budżet: each task with its budget lines and total, and all tasks against the eligible costs. */
export function TasksTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const queryClient = useQueryClient();
  const query = useProjectTasks(project.id);
  const [editing, setEditing] = useState<ProjectTask | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (task: ProjectTask) => deleteTask(project.id, task),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.tasks(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(project.id) });
    },
  });
  const data = query.data;
  const manage = data?.abilities.manage ?? false;
  const nextNumber = Math.max(0, ...(data?.items.map((x) => x.number) ?? [])) + 1;
  return (
    <Stack gap="lg">
      <SectionCard
        titleId="project-budget"
        title={t('projects.tasks.summary')}
        query={{ ...query, skeletonHeight: 80 }}
      >
        {data && (
          <Stack gap={4}>
            <Text>
              {t('projects.tasks.totalAgainstEligible', {
                tasks: formatAmount(data.tasksTotal),
                eligible: formatAmount(data.eligibleCosts),
                rate: formatRate(data.tasksRate),
              })}
            </Text>
            <Text size="sm">{t('projects.tasks.unassigned', { amount: formatAmount(data.unassigned) })}</Text>
          </Stack>
        )}
        {manage && (
          <Group>
            <Button onClick={() => setEditing('new')}>{t('projects.task.add')}</Button>
          </Group>
        )}
        {remove.error ? <ProblemAlert error={remove.error} /> : null}
      </SectionCard>
      {data?.items.length === 0 && <Text>{t('projects.tasks.empty')}</Text>}
      {data?.items.map((task) => (
        <SectionCard
          key={task.id}
          titleId={`task-${task.id}`}
          title={t('projects.tasks.taskTitle', { number: task.number, name: task.name })}
          description={[
            task.institution?.name,
            task.startsOn || task.endsOn ? `${formatDate(task.startsOn)} – ${formatDate(task.endsOn)}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          {task.description && <Text size="sm">{task.description}</Text>}
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder>
              <Table.Caption>{t('projects.tasks.linesCaption', { number: task.number })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.task.lines')}</Table.Th>
                  <Table.Th scope="col">{t('projects.tasks.category')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('projects.money.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {task.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td>{labels.label('budgetCategories', l.category)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatAmount(l.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={2}>
                    {t('projects.tasks.taskTotal')}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {formatAmount(task.total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          {manage && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(task)}>
                {t('projects.tasks.edit', { number: task.number })}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={remove.isPending && remove.variables?.id === task.id}
                onClick={() => {
                  if (window.confirm(t('projects.tasks.confirmDelete', { name: task.name })))
                    remove.mutate(task);
                }}
              >
                {t('projects.tasks.delete', { number: task.number })}
              </Button>
            </Group>
          )}
        </SectionCard>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('projects.task.add') : t('projects.task.editTitle')}
        size="xl"
      >
        {editing !== null && (
          <TaskForm
            project={project}
            task={editing === 'new' ? undefined : editing}
            nextNumber={nextNumber}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
