import {
  Button,
  Fieldset,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { useDateInputProps } from '../useDateInputProps';
import type { ActionValues, GoalValues } from './planForm';
import { ResponsibleInstitutionSelect } from './ResponsibleInstitutionSelect';

/** What a goal's fields may do to the form (stable across renders). */
export interface GoalApi {
  set: (path: string, value: unknown) => void;
  move: (from: number, to: number, key: string, dir: 'up' | 'down') => void;
  remove: (index: number) => void;
  addAction: (index: number) => void;
  removeAction: (index: number, actionIndex: number, goalKey: string) => void;
}

interface GoalFieldsProps {
  index: number;
  count: number;
  goal: GoalValues;
  /** This goal's errors by full path. */
  errors: Record<string, string>;
  api: GoalApi;
}

const textOf = (e: unknown) =>
  e && typeof e === 'object' && 'currentTarget' in e ? (e.currentTarget as HTMLInputElement).value : e;

function ActionFields({
  goalIndex,
  index,
  goalKey,
  action,
  errors,
  api,
}: {
  goalIndex: number;
  index: number;
  goalKey: string;
  action: ActionValues;
  errors: Record<string, string>;
  api: GoalApi;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const dateProps = useDateInputProps();
  const n = `${goalIndex + 1}.${index + 1}`;
  const path = `goals.${goalIndex}.actions.${index}`;
  const field = (name: keyof ActionValues) => ({
    'data-path': `${path}.${name}`,
    error: errors[`${path}.${name}`],
  });
  return (
    <Fieldset legend={t('cases.plan.actionN', { n })} variant="filled">
      <Grid gap="sm">
        <Grid.Col span={12}>
          <Textarea
            id={`action-${action.key}-description`}
            label={t('cases.plan.fields.actionDescription')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={action.description}
            onChange={(e) => api.set(`${path}.description`, textOf(e))}
            {...field('description')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Select
            label={t('cases.plan.fields.party')}
            required
            data={labels.options('actionParties')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            value={action.party}
            onChange={(v) => api.set(`${path}.party`, v)}
            {...field('party')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {action.party === 'instytucja' ? (
            <ResponsibleInstitutionSelect
              label={t('cases.plan.fields.institution')}
              placeholder={t('cases.plan.institutionPlaceholder')}
              required
              initialLabel={action.responsibleInstitutionName}
              value={action.responsibleInstitutionId}
              onChange={(id, option) => {
                api.set(`${path}.responsibleInstitutionId`, id);
                api.set(`${path}.responsibleInstitutionName`, option?.label ?? null);
              }}
              {...field('responsibleInstitutionId')}
            />
          ) : (
            <Text size="sm" mt={28}>
              {t('cases.plan.clientCommitment')}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput
            label={t('cases.plan.fields.person')}
            maxLength={200}
            value={action.responsiblePerson}
            onChange={(e) => api.set(`${path}.responsiblePerson`, e.currentTarget.value)}
            {...field('responsiblePerson')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <DateInput
            label={t('cases.plan.fields.deadline')}
            {...dateProps}
            value={action.deadline}
            onChange={(v) => api.set(`${path}.deadline`, v)}
            {...field('deadline')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('cases.plan.fields.actionStatus')}
            data={labels.options('actionStatuses')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            value={action.status}
            onChange={(v) => api.set(`${path}.status`, v)}
            {...field('status')}
          />
        </Grid.Col>
      </Grid>
      <Group mt="xs">
        <Button
          size="compact-sm"
          variant="subtle"
          color="red.8"
          onClick={() => api.removeAction(goalIndex, index, goalKey)}
        >
          {t('cases.plan.actionRemove', { n })}
        </Button>
      </Group>
    </Fieldset>
  );
}

/**
 * One goal of the plan editor with its actions. Rendered again only when this goal, its position
 * or its errors change — a plan with many goals stays quick to type in.
 */
function GoalFieldsInner({ index, count, goal, errors, api }: GoalFieldsProps) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={`goal-${goal.key}-title`} data-goal={n}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={5} size="h6" id={`goal-${goal.key}-title`}>
            {t('cases.plan.goalN', { n })}
          </Title>
          <Group gap={4}>
            <Button
              id={`goal-${goal.key}-up`}
              size="compact-sm"
              variant="subtle"
              disabled={index === 0}
              aria-label={t('cases.plan.goalUp', { n })}
              onClick={() => api.move(index, index - 1, goal.key, 'up')}
            >
              ↑ {t('cases.plan.up')}
            </Button>
            <Button
              id={`goal-${goal.key}-down`}
              size="compact-sm"
              variant="subtle"
              disabled={index === count - 1}
              aria-label={t('cases.plan.goalDown', { n })}
              onClick={() => api.move(index, index + 1, goal.key, 'down')}
            >
              ↓ {t('cases.plan.down')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red.8"
              disabled={count === 1}
              aria-label={t('cases.plan.goalRemove', { n })}
              onClick={() => api.remove(index)}
            >
              {t('cases.plan.remove')}
            </Button>
          </Group>
        </Group>
        <Textarea
          id={`goal-${goal.key}-description`}
          label={t('cases.plan.goalDescription', { n })}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={goal.description}
          onChange={(e) => api.set(`goals.${index}.description`, e.currentTarget.value)}
          error={errors[`goals.${index}.description`]}
          data-path={`goals.${index}.description`}
        />
        {goal.actions.map((a, j) => (
          <ActionFields
            key={a.key}
            goalIndex={index}
            index={j}
            goalKey={goal.key}
            action={a}
            errors={errors}
            api={api}
          />
        ))}
        <Group>
          <Button
            id={`goal-${goal.key}-add-action`}
            size="sm"
            variant="default"
            disabled={goal.actions.length >= 30}
            onClick={() => api.addAction(index)}
          >
            {t('cases.plan.addAction', { n })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const same = (a: GoalFieldsProps, b: GoalFieldsProps) =>
  a.index === b.index &&
  a.count === b.count &&
  a.api === b.api &&
  JSON.stringify(a.goal) === JSON.stringify(b.goal) &&
  JSON.stringify(a.errors) === JSON.stringify(b.errors);

export const GoalFields = memo(GoalFieldsInner, same);

/** The errors of goal `index` (paths `goals.<index>.…`). */
export function goalErrors(errors: Record<string, unknown>, index: number): Record<string, string> {
  const prefix = `goals.${index}.`;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix) && v) out[k] = String(v);
  return out;
}
