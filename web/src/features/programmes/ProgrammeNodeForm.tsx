import type {
  ProgrammeNodeDetail,
  ProgrammeNodeInput,
  ProgrammeNodeKind,
  ProgrammeRules,
} from '@kooperacja/domain';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isConflict } from '../admin/fieldErrors';
import { formErrorsOf } from '../cases/page/formErrors';
import { useProgrammeLabels } from './programmeLabels';
import { useCreateProgrammeNode, useUpdateProgrammeNode } from './useProgrammeMutations';

export interface ProgrammeNodeFormValues {
  kind: ProgrammeNodeKind | null;
  code: string;
  name: string;
  description: string;
  period: string;
  onlyWithOther: boolean;
  timeWindow: string;
  monthsAfterLeaving: number | string;
  /** One target group a line. */
  targetGroups: string;
  sortOrder: number | string;
}

const FIELDS = [
  'kind',
  'code',
  'name',
  'description',
  'period',
  'onlyWithOther',
  'timeWindow',
  'monthsAfterLeaving',
  'targetGroups',
  'sortOrder',
] as const;

export function valuesOf(
  node: ProgrammeNodeDetail | undefined,
  kind: ProgrammeNodeKind | null,
): ProgrammeNodeFormValues {
  const r = node?.rules ?? {};
  return {
    kind: node?.kind ?? kind,
    code: node?.code ?? '',
    name: node?.name ?? '',
    description: node?.description ?? '',
    period: node?.period ?? '',
    onlyWithOther: r.onlyWithOther ?? false,
    timeWindow: r.timeWindow ?? '',
    monthsAfterLeaving: r.monthsAfterLeaving ?? '',
    targetGroups: (r.targetGroups ?? []).join('\n'),
    sortOrder: node?.sortOrder ?? '',
  };
}

/** The rules of the form, only those the kind may carry; empty values left out. */
export function rulesOf(v: ProgrammeNodeFormValues): ProgrammeRules {
  if (v.kind === 'program' || v.kind === 'os') return {};
  const groups = v.targetGroups
    .split('\n')
    .map((g) => g.trim())
    .filter(Boolean);
  return {
    ...(v.kind === 'typ_wsparcia' && v.onlyWithOther ? { onlyWithOther: true } : {}),
    ...(v.timeWindow.trim() ? { timeWindow: v.timeWindow.trim() } : {}),
    ...(v.monthsAfterLeaving !== '' ? { monthsAfterLeaving: Number(v.monthsAfterLeaving) } : {}),
    ...(groups.length ? { targetGroups: groups } : {}),
  };
}

/** Server field paths (`node.code`, `rules.timeWindow`, `rules.targetGroups.0`) to form fields. */
function formField(field: string): string {
  const f = field.replace(/^node\./, '');
  if (f.startsWith('rules.')) return f.split('.')[1] ?? f;
  return f;
}

export interface ProgrammeNodeFormProps {
  /** The node to change; absent when adding a child. */
  node?: ProgrammeNodeDetail;
  /** Adding: the parent (null for a new programme) and the kinds a child may have. */
  parent?: ProgrammeNodeDetail | null;
  childKinds?: readonly ProgrammeNodeKind[];
  onSaved: (saved: ProgrammeNodeDetail) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/**
 * Add a node under a parent or change one: code, name, description, the programming period of a
 * programme, and the rules of actions, sub-actions and support types. The server's messages appear
 * next to their fields; a stale save offers to reload.
 */
export function ProgrammeNodeForm({
  node,
  parent,
  childKinds,
  onSaved,
  onCancel,
  onReload,
}: ProgrammeNodeFormProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const create = useCreateProgrammeNode();
  const update = useUpdateProgrammeNode();
  const kinds = node ? [node.kind] : [...(childKinds ?? [])];
  const form = useForm<ProgrammeNodeFormValues>({
    initialValues: valuesOf(node, kinds.length === 1 ? (kinds[0] ?? null) : null),
    validate: {
      kind: (v) => (v ? null : t('programmes.form.required')),
      code: (v) => (v.trim() ? null : t('programmes.form.required')),
      name: (v) => (v.trim() ? null : t('programmes.form.required')),
    },
  });
  const kind = form.values.kind;
  const hasRules = kind === 'dzialanie' || kind === 'poddzialanie' || kind === 'typ_wsparcia';
  const error = node ? update.error : create.error;
  const pending = node ? update.isPending : create.isPending;

  const fieldLabel = (field: string) => {
    const key = formField(field);
    return (FIELDS as readonly string[]).includes(key)
      ? t(`programmes.form.${key as (typeof FIELDS)[number]}`)
      : field;
  };
  const setServerErrors = (e: unknown) => {
    const out: Record<string, string> = {};
    for (const [field, message] of Object.entries(formErrorsOf(e))) out[formField(field)] = message;
    form.setErrors(out);
  };

  const submit = form.onSubmit((v) => {
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      description: v.description.trim() || null,
      rules: rulesOf(v),
      period: v.kind === 'program' && v.period.trim() ? v.period.trim() : null,
    };
    const done = (saved: ProgrammeNodeDetail) => {
      notifications.show({
        color: 'green',
        message: node ? t('programmes.form.saved') : t('programmes.form.created'),
      });
      onSaved(saved);
    };
    if (node) {
      update.mutate(
        {
          id: node.id,
          body: {
            node: { ...fields, sortOrder: v.sortOrder === '' ? node.sortOrder : Number(v.sortOrder) },
            version: node.version,
          },
        },
        { onSuccess: done, onError: setServerErrors },
      );
    } else {
      const input: ProgrammeNodeInput = {
        parentId: parent?.id ?? null,
        kind: v.kind as ProgrammeNodeKind,
        ...fields,
      };
      create.mutate(input, { onSuccess: done, onError: setServerErrors });
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={node ? t('programmes.form.editLabel') : t('programmes.form.addLabel')}
    >
      <Stack gap="md">
        {isConflict(error) ? (
          <Alert color="orange" variant="light" role="alert" title={t('programmes.form.conflict')}>
            {onReload && (
              <Button variant="default" size="sm" mt="xs" onClick={onReload}>
                {t('programmes.form.reload')}
              </Button>
            )}
          </Alert>
        ) : error ? (
          <ProblemAlert error={error} fieldLabel={fieldLabel} />
        ) : null}
        {parent !== undefined && (
          <TextInput
            label={t('programmes.form.parent')}
            value={parent ? parent.path : t('programmes.form.root')}
            readOnly
          />
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('programmes.form.kind')}
              required
              disabled={Boolean(node) || kinds.length < 2}
              data={kinds.map((k) => ({ value: k, label: labels.kind(k) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('programmes.form.code')}
              description={t('programmes.form.codeHint')}
              required
              {...form.getInputProps('code')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('programmes.form.name')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('name')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('programmes.form.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
          </Grid.Col>
          {kind === 'program' && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('programmes.form.period')}
                placeholder="2021-2027"
                {...form.getInputProps('period')}
              />
            </Grid.Col>
          )}
          {node && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('programmes.form.sortOrder')}
                description={t('programmes.form.sortOrderHint')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('sortOrder')}
              />
            </Grid.Col>
          )}
        </Grid>
        {hasRules && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t('programmes.form.rules')}</legend>
            <Stack gap="sm">
              {kind === 'typ_wsparcia' && (
                <Checkbox
                  label={t('programmes.form.onlyWithOther')}
                  {...form.getInputProps('onlyWithOther', { type: 'checkbox' })}
                />
              )}
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label={t('programmes.form.timeWindow')}
                    description={t('programmes.form.timeWindowHint')}
                    {...form.getInputProps('timeWindow')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NumberInput
                    label={t('programmes.form.monthsAfterLeaving')}
                    min={0}
                    max={120}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('monthsAfterLeaving')}
                  />
                </Grid.Col>
              </Grid>
              <Textarea
                label={t('programmes.form.targetGroups')}
                description={t('programmes.form.targetGroupsHint')}
                autosize
                minRows={2}
                {...form.getInputProps('targetGroups')}
              />
            </Stack>
          </fieldset>
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {node ? t('programmes.form.save') : t('programmes.form.add')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('programmes.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
