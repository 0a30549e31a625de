import type { ReportingPeriod } from '@kooperacja/domain';
import { formatRate } from '@kooperacja/domain';
import { Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { usePeriods } from './hooks';
import { createPeriod, freezePeriod, indicatorKeys, removePeriod } from './indicatorsApi';
import { formatValue, useIndicatorLabels } from './labels';

/**
 * "Okresy sprawozdawcze": the project's reporting periods; freezing one (after a confirmation)
 * stores what is reported for it, and a frozen period shows those figures from then on.
 */
export function PeriodsSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const query = usePeriods(projectId);
  const [creating, setCreating] = useState(false);
  return (
    <SectionCard
      titleId="indicator-periods"
      title={t('indicators.periods.title')}
      description={t('indicators.periods.lead')}
      query={{ ...query, skeletonHeight: 80 }}
    >
      {query.data?.abilities.create && (
        <Group>
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('indicators.periods.create')}
          </Button>
        </Group>
      )}
      {query.data?.items.length === 0 && <Text size="sm">{t('indicators.periods.empty')}</Text>}
      {query.data?.items.map((p) => (
        <PeriodCard key={p.id} projectId={projectId} period={p} />
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('indicators.periods.create')}>
        <PeriodForm projectId={projectId} onDone={() => setCreating(false)} />
      </Modal>
    </SectionCard>
  );
}

function PeriodCard({ projectId, period: p }: { projectId: string; period: ReportingPeriod }) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: indicatorKeys.project(projectId) });
  const freeze = useMutation({
    mutationFn: () => freezePeriod(projectId, p),
    onSuccess: () => {
      refresh();
      setConfirming(false);
    },
  });
  const remove = useMutation({ mutationFn: () => removePeriod(projectId, p), onSuccess: refresh });
  const headingId = `period-${p.id}`;
  const frozen = p.status === 'zamrozony';
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="period">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5" id={headingId}>
            {p.name} ({formatDate(p.startsOn)} – {formatDate(p.endsOn)})
          </Title>
          <Badge
            variant={frozen ? 'filled' : 'outline'}
            color={frozen ? '#1c5d99' : '#495057'}
            tt="none"
            miw="max-content"
          >
            {labels.label('periodStatuses', p.status)}
          </Badge>
        </Group>
        {frozen && (
          <Text size="sm">
            {t('indicators.periods.frozenBy', {
              name: p.frozenBy?.name ?? '—',
              at: formatDateTime(p.frozenAt),
            })}
          </Text>
        )}
        {remove.error ? <ProblemAlert error={remove.error} /> : null}
        {(p.abilities.freeze || p.abilities.remove) && (
          <Group gap="xs">
            {p.abilities.freeze && (
              <Button size="xs" onClick={() => setConfirming(true)}>
                {t('indicators.periods.freeze')}
              </Button>
            )}
            {p.abilities.remove && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => remove.mutate()}
                loading={remove.isPending}
              >
                {t('indicators.periods.remove')}
              </Button>
            )}
          </Group>
        )}
        {frozen &&
          (p.figures.length === 0 ? (
            <Text size="sm">{t('indicators.periods.noFigures')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <caption>{t('indicators.periods.figuresCaption', { name: p.name })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.table.indicator')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.periods.reported')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.table.target')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.values.achieved')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.figures.map((f) => (
                    <Table.Tr key={f.projectIndicatorId}>
                      <Table.Th scope="row" fw={400}>
                        {f.code ? `${f.code} ` : ''}
                        {f.name}
                      </Table.Th>
                      <Table.Td>{formatValue(f.value, f.unit)}</Table.Td>
                      <Table.Td>{formatValue(f.target, f.unit)}</Table.Td>
                      <Table.Td>{formatRate(f.achieved)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('indicators.periods.freezeTitle', { name: p.name })}
      >
        <Stack gap="sm">
          <Text>{t('indicators.periods.freezeConfirm', { end: formatDate(p.endsOn) })}</Text>
          {freeze.error ? <ProblemAlert error={freeze.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('indicators.form.cancel')}
            </Button>
            <Button onClick={() => freeze.mutate()} loading={freeze.isPending}>
              {t('indicators.periods.freezeConfirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function PeriodForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', startsOn: null as string | null, endsOn: null as string | null },
    validate: {
      name: (v) => (v.trim() ? null : t('indicators.form.required')),
      startsOn: (v) => (v ? null : t('indicators.form.required')),
      endsOn: (v) => (v ? null : t('indicators.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      createPeriod(projectId, { name: v.name, startsOn: v.startsOn as string, endsOn: v.endsOn as string }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.periods(projectId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <TextInput
          label={t('indicators.periods.name')}
          placeholder={t('indicators.periods.namePlaceholder')}
          required
          {...form.getInputProps('name')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('indicators.periods.startsOn')}
              required
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('indicators.periods.endsOn')}
              required
              {...dateProps}
              {...form.getInputProps('endsOn')}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('indicators.periods.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
