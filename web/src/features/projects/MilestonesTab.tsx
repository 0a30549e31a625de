import type { Project, ProjectMilestone } from '@kooperacja/domain';
import {
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useProjectLabels } from './labels';
import { createMilestone, deleteMilestone, projectKeys, updateMilestone } from './projectsApi';
import { useProjectMilestones } from './useProjectMilestones';

/** Status colours: the status is always written out too (never told by colour alone). */
const statusColour: Record<string, string> = {
  planowany: 'gray',
  zagrozony: 'orange',
  osiagniety: 'green',
  nieosiagniety: 'red',
};

interface MilestoneValues {
  name: string;
  description: string;
  dueOn: string | null;
  status: string | null;
  achievedOn: string | null;
}

function MilestoneForm({
  project,
  milestone,
  onDone,
}: {
  project: Project;
  milestone?: ProjectMilestone;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm<MilestoneValues>({
    initialValues: {
      name: milestone?.name ?? '',
      description: milestone?.description ?? '',
      dueOn: milestone?.dueOn ?? null,
      status: milestone?.status ?? 'planowany',
      achievedOn: milestone?.achievedOn ?? null,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('projects.form.required')),
      dueOn: (v) => (v ? null : t('projects.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: MilestoneValues) => {
      const body = {
        name: v.name.trim(),
        description: v.description.trim() || null,
        dueOn: v.dueOn as string,
        status: (v.status ?? 'planowany') as ProjectMilestone['status'],
        achievedOn: v.status === 'osiagniety' ? v.achievedOn : null,
      };
      return milestone
        ? updateMilestone(project.id, milestone.id, body, milestone.version)
        : createMilestone(project.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.milestones(project.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'milestone')),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <TextInput label={t('projects.milestones.name')} required {...form.getInputProps('name')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('projects.milestones.dueOn')}
              required
              {...dateProps}
              {...form.getInputProps('dueOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('projects.milestones.status')}
              data={labels.options('milestoneStatuses')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          {form.values.status === 'osiagniety' && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateInput
                label={t('projects.milestones.achievedOn')}
                required
                {...dateProps}
                {...form.getInputProps('achievedOn')}
              />
            </Grid.Col>
          )}
        </Grid>
        <Textarea
          label={t('projects.milestones.description')}
          rows={3}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('projects.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {milestone ? t('projects.form.save') : t('projects.milestones.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Kamienie milowe: a timeline in date order with each milestone's status and whether it is overdue. */
export function MilestonesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const queryClient = useQueryClient();
  const query = useProjectMilestones(project.id);
  const [editing, setEditing] = useState<ProjectMilestone | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (m: ProjectMilestone) => deleteMilestone(project.id, m),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: projectKeys.milestones(project.id) }),
  });
  const items = query.data?.items ?? [];
  const manage = query.data?.abilities.manage ?? false;
  const overdue = items.filter((m) => m.overdue).length;
  return (
    <SectionCard
      titleId="project-milestones"
      title={t('projects.milestones.title')}
      query={{ ...query, skeletonHeight: 160 }}
    >
      {query.data && (
        <Text size="sm">
          {overdue
            ? t('projects.milestones.overdueCount', { count: overdue })
            : t('projects.milestones.noneOverdue')}
        </Text>
      )}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {query.data && items.length === 0 && <Text>{t('projects.milestones.empty')}</Text>}
      <Box
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('projects.milestones.timeline')}
      >
        {items.map((m, i) => (
          <Box
            component="li"
            key={m.id}
            pl="lg"
            pb={i === items.length - 1 ? 0 : 'md'}
            style={{
              position: 'relative',
              borderLeft:
                i === items.length - 1 ? '2px solid transparent' : '2px solid var(--mantine-color-gray-4)',
            }}
          >
            <Box
              aria-hidden
              style={{
                position: 'absolute',
                left: -7,
                top: 4,
                width: 12,
                height: 12,
                borderRadius: '50%',
                background: `var(--mantine-color-${statusColour[m.status] ?? 'gray'}-7)`,
              }}
            />
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600} component="span">
                  {formatDate(m.dueOn)}
                </Text>
                <Text component="span">{m.name}</Text>
              </Group>
              <Group gap="xs">
                <Badge variant="light" color={statusColour[m.status] ?? 'gray'}>
                  {labels.label('milestoneStatuses', m.status)}
                </Badge>
                {m.overdue && (
                  <Badge variant="filled" color="red.8">
                    {t('projects.milestones.overdue')}
                  </Badge>
                )}
                {m.achievedOn && (
                  <Text size="sm">
                    {t('projects.milestones.achievedOnText', { date: formatDate(m.achievedOn) })}
                  </Text>
                )}
              </Group>
              {m.description && <Text size="sm">{m.description}</Text>}
              {manage && (
                <Group gap="xs">
                  <Button size="compact-xs" variant="default" onClick={() => setEditing(m)}>
                    {t('projects.milestones.editNamed', { name: m.name })}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (window.confirm(t('projects.milestones.confirmDelete', { name: m.name })))
                        remove.mutate(m);
                    }}
                  >
                    {t('projects.milestones.delete')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Box>
        ))}
      </Box>
      {manage && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('projects.milestones.add')}</Button>
        </Group>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('projects.milestones.add') : t('projects.milestones.edit')}
        size="lg"
      >
        {editing !== null && (
          <MilestoneForm
            project={project}
            milestone={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </SectionCard>
  );
}
