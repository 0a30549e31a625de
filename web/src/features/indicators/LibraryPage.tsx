import type { IndicatorDefinition } from '@kooperacja/domain';
import {
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { ListPagination } from '../admin/ListPagination';
import { formErrorsOf } from '../cases/page/formErrors';
import { useProgrammeFilterOptions } from '../projects/useProgrammeFilterOptions';
import { useDefinitions } from './hooks';
import { createDefinition, indicatorKeys, updateDefinition } from './indicatorsApi';
import { useIndicatorLabels } from './labels';

const PAGE = 50;

/**
 * /wskazniki: the indicator library — the common ESF+ indicators, programme-specific and (for the
 * projects one reads) project-specific ones, each with its definition, unit, type, counting unit,
 * breakdowns and measurement moment. A system administrator adds and changes the shared ones.
 */
export function LibraryPage() {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [editing, setEditing] = useState<IndicatorDefinition | 'new' | null>(null);
  const [shown, setShown] = useState<IndicatorDefinition | null>(null);
  const query = useDefinitions({
    q: debouncedQ || undefined,
    scope: scope ?? undefined,
    type: type ?? undefined,
    unit: unit ?? undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const d = query.data;
  const filter = (set: (v: string | null) => void) => (v: string | null) => {
    set(v);
    setPage(1);
  };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('indicators.library.title')}</PageTitle>
        {d?.abilities.createShared && (
          <Button onClick={() => setEditing('new')}>{t('indicators.library.create')}</Button>
        )}
      </Group>
      <Text>{t('indicators.library.lead')}</Text>
      <SectionCard
        titleId="library-list"
        title={t('indicators.library.listTitle')}
        query={{ ...query, skeletonHeight: 200 }}
      >
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('indicators.library.search')}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setPage(1);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.library.scope')}
              data={labels.options('scopes')}
              value={scope}
              onChange={filter(setScope)}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.library.type')}
              data={labels.options('types')}
              value={type}
              onChange={filter(setType)}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.library.unit')}
              data={labels.options('units')}
              value={unit}
              onChange={filter(setUnit)}
              clearable
            />
          </Grid.Col>
        </Grid>
        {d && (
          <>
            <Text size="sm" role="status">
              {t('indicators.library.found', { count: d.total })}
            </Text>
            <Table.ScrollContainer minWidth={1000}>
              <Table striped data-testid="library-table">
                <caption>{t('indicators.library.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.library.code')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.name')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.scope')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.type')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.unit')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.counting')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.breakdowns')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.library.measurement')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>{x.code ?? '—'}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          h="auto"
                          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                          onClick={() => setShown(x)}
                        >
                          {x.name}
                        </Button>
                        {!x.active && <Text size="xs">{t('indicators.library.inactive')}</Text>}
                      </Table.Th>
                      <Table.Td>
                        {labels.label('scopes', x.scope)}
                        {x.programmeNode && <Text size="xs">{x.programmeNode.code}</Text>}
                        {x.project && <Text size="xs">{x.project.number}</Text>}
                      </Table.Td>
                      <Table.Td>{labels.label('types', x.type)}</Table.Td>
                      <Table.Td>{labels.label('units', x.unit)}</Table.Td>
                      <Table.Td>{labels.label('counting', x.counting)}</Table.Td>
                      <Table.Td>
                        {x.breakdowns.length
                          ? x.breakdowns.map((b) => labels.label('dimensions', b)).join(', ')
                          : '—'}
                      </Table.Td>
                      <Table.Td>{labels.label('measurement', x.measurement)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination total={d.total} pageSize={PAGE} page={page} onChange={setPage} />
          </>
        )}
      </SectionCard>
      <Modal
        opened={!!shown}
        onClose={() => setShown(null)}
        title={shown?.code ?? t('indicators.library.definitionTitle')}
        size="lg"
      >
        {shown && (
          <Stack gap="xs">
            <Text fw={600}>{shown.name}</Text>
            <Text>{shown.definition ?? t('indicators.library.noDefinition')}</Text>
            <Text size="sm">
              {labels.label('scopes', shown.scope)} · {labels.label('types', shown.type)} ·{' '}
              {labels.label('units', shown.unit)} · {labels.label('counting', shown.counting)} ·{' '}
              {labels.label('measurement', shown.measurement)}
            </Text>
            <Text size="sm">{t('indicators.library.usedBy', { count: shown.usedBy })}</Text>
            {shown.abilities.update && (
              <Group justify="flex-end">
                <Button
                  onClick={() => {
                    setEditing(shown);
                    setShown(null);
                  }}
                >
                  {t('indicators.library.edit')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('indicators.library.create') : t('indicators.library.edit')}
        size="lg"
      >
        {editing && (
          <DefinitionForm
            existing={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function DefinitionForm({ existing, onDone }: { existing?: IndicatorDefinition; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const queryClient = useQueryClient();
  const programmes = useProgrammeFilterOptions();
  const form = useForm({
    initialValues: {
      scope: existing?.scope ?? 'wspolny',
      programmeNodeId: existing?.programmeNode?.id ?? (null as string | null),
      code: existing?.code ?? '',
      name: existing?.name ?? '',
      definition: existing?.definition ?? '',
      unit: existing?.unit ?? 'osoby',
      type: existing?.type ?? 'produkt',
      counting: existing?.counting ?? 'osoby_unikalne',
      breakdowns: (existing?.breakdowns ?? []) as string[],
      measurement: existing?.measurement ?? 'przy_wejsciu',
      active: existing?.active ?? true,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const fields = {
        code: v.code,
        name: v.name,
        definition: v.definition,
        unit: v.unit,
        type: v.type,
        counting: v.counting,
        breakdowns: v.breakdowns as ('plec' | 'wiek')[],
        measurement: v.measurement,
      };
      return existing
        ? updateDefinition(existing.id, { definition: fields, active: v.active, version: existing.version })
        : createDefinition({
            ...fields,
            scope: v.scope,
            programmeNodeId: v.scope === 'programowy' ? v.programmeNodeId : null,
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.all });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'definition')),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {!existing && (
          <Select
            label={t('indicators.library.scope')}
            data={labels.options('scopes').filter((o) => o.value !== 'projektowy')}
            allowDeselect={false}
            {...form.getInputProps('scope')}
          />
        )}
        {!existing && form.values.scope === 'programowy' && (
          <Select
            label={t('indicators.library.programme')}
            data={programmes.options}
            searchable
            required
            {...form.getInputProps('programmeNodeId')}
          />
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('indicators.library.code')} {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('indicators.library.name')} required {...form.getInputProps('name')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('indicators.library.definition')} rows={3} {...form.getInputProps('definition')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('indicators.library.unit')}
              data={labels.options('units')}
              allowDeselect={false}
              {...form.getInputProps('unit')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('indicators.library.type')}
              data={labels.options('types')}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('indicators.library.counting')}
              data={labels.options('counting')}
              allowDeselect={false}
              {...form.getInputProps('counting')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('indicators.library.measurement')}
              data={labels.options('measurement')}
              allowDeselect={false}
              {...form.getInputProps('measurement')}
            />
          </Grid.Col>
        </Grid>
        <Checkbox.Group label={t('indicators.library.breakdowns')} {...form.getInputProps('breakdowns')}>
          <Group mt={4}>
            {labels.options('dimensions').map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        {existing && (
          <Switch
            label={t('indicators.library.activeField')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('indicators.form.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
