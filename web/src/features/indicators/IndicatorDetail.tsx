import { achievedShare, type IndicatorValue, type ProjectIndicator } from '@kooperacja/domain';
import { Anchor, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { BreakdownBars, ValueChart, ValueTable } from './charts';
import { useIndicatorSeries } from './hooks';
import { IndicatorForm } from './IndicatorForm';
import { evidenceUrl, indicatorKeys, recordMeasurement, removeIndicator } from './indicatorsApi';
import { formatValue, useIndicatorLabels } from './labels';
import { ValueForm } from './ValueForm';

/**
 * One indicator in detail: value over time against the target (chart and table), the breakdown by
 * gender and age against its targets, every recorded value with its source, evidence and
 * corrections, and the coordinator's actions.
 */
export function IndicatorDetail({
  projectId,
  indicator: i,
  project,
  onRemoved,
}: {
  projectId: string;
  indicator: ProjectIndicator;
  project: { startsOn: string; endsOn: string };
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const queryClient = useQueryClient();
  const series = useIndicatorSeries(projectId, i.id);
  const [entering, setEntering] = useState(false);
  const [correcting, setCorrecting] = useState<IndicatorValue | null>(null);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: indicatorKeys.project(projectId) });
  const measure = useMutation({ mutationFn: () => recordMeasurement(projectId, i.id), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => removeIndicator(projectId, i),
    onSuccess: () => {
      refresh();
      setRemoving(false);
      onRemoved();
    },
  });
  const name = `${i.definition.code ? `${i.definition.code} ` : ''}${i.definition.name}`;
  const unit = i.definition.unit;
  const headingId = `indicator-detail-${i.id}`;
  const dims = [...new Set([...Object.keys(i.current?.breakdown ?? {}), ...Object.keys(i.targetBreakdown)])];
  const achievedOf = (value: string) =>
    achievedShare({ baseline: i.baseline, target: i.target, current: value });
  return (
    <SectionCard
      titleId={headingId}
      title={t('indicators.detail.title', { name })}
      query={{ ...series, skeletonHeight: 200 }}
    >
      <Text size="sm">
        {labels.label('types', i.definition.type)} · {labels.label('units', unit)} ·{' '}
        {labels.label('counting', i.definition.counting)} ·{' '}
        {labels.label('measurement', i.definition.measurement)}
      </Text>
      {i.definition.definition && <Text size="sm">{i.definition.definition}</Text>}
      <Text size="sm">
        {i.source === 'metric'
          ? t('indicators.detail.metric', { metric: labels.pick(i.metricLabel) })
          : labels.label('sources', 'manual')}
      </Text>
      {(measure.error || remove.error) && <ProblemAlert error={measure.error ?? remove.error} />}
      <Group gap="xs">
        {i.abilities.enterValue && (
          <Button onClick={() => setEntering(true)}>{t('indicators.detail.enter')}</Button>
        )}
        {i.abilities.measure && (
          <Button onClick={() => measure.mutate()} loading={measure.isPending}>
            {t('indicators.detail.measure')}
          </Button>
        )}
        {i.abilities.update && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('indicators.detail.edit')}
          </Button>
        )}
        {i.abilities.remove && (
          <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
            {t('indicators.detail.remove')}
          </Button>
        )}
      </Group>
      {series.data && (
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={3} size="h5" id={`${headingId}-chart`}>
              {t('indicators.detail.overTime')}
            </Title>
            <ValueChart
              title={t('indicators.detail.chartTitle', { name })}
              points={series.data.points}
              target={i.target}
              baseline={i.baseline}
              unit={unit}
              startsOn={project.startsOn}
              endsOn={project.endsOn}
            />
            {series.data.points.length > 0 && (
              <ValueTable
                caption={t('indicators.detail.tableCaption', { name })}
                points={series.data.points}
                unit={unit}
                achievedOf={achievedOf}
              />
            )}
          </Stack>
          {dims.map((d) => (
            <Stack gap="xs" key={d}>
              <Title order={3} size="h5" id={`${headingId}-${d}`}>
                {t('indicators.detail.breakdown', { dimension: labels.label('dimensions', d) })}
              </Title>
              <BreakdownBars
                titleId={`${headingId}-${d}`}
                dimension={d}
                values={i.current?.breakdown[d] ?? {}}
                targets={i.targetBreakdown[d] ?? {}}
              />
            </Stack>
          ))}
          <Stack gap="xs">
            <Title order={3} size="h5" id={`${headingId}-history`}>
              {t('indicators.detail.history')}
            </Title>
            {series.data.items.length === 0 ? (
              <Text size="sm">{t('indicators.detail.noValues')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table aria-labelledby={`${headingId}-history`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('indicators.values.date')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.values.value')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.values.source')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.values.evidence')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.values.entered')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.values.status')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('indicators.values.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {series.data.items.map((v) => (
                      <Table.Tr key={v.id} data-testid="value-row">
                        <Table.Td>{formatDate(v.measuredOn)}</Table.Td>
                        <Table.Td>
                          {v.supersededById ? (
                            <s>{formatValue(v.value, unit)}</s>
                          ) : (
                            formatValue(v.value, unit)
                          )}
                          {v.numerator !== null && v.denominator !== null && (
                            <Text size="xs">
                              {t('indicators.values.fraction', {
                                numerator: formatValue(v.numerator, 'liczba'),
                                denominator: formatValue(v.denominator, 'liczba'),
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{labels.label('origins', v.origin)}</Text>
                          {v.sourceNote && <Text size="xs">{v.sourceNote}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {v.evidence ? (
                            <Anchor href={evidenceUrl(projectId, i.id, v.id)} size="sm">
                              {v.evidence.filename}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{v.enteredBy?.name ?? t('indicators.values.system')}</Text>
                          <Text size="xs">{formatDateTime(v.enteredAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {v.supersededById
                              ? t('indicators.values.corrected')
                              : v.supersedesId
                                ? t('indicators.values.correction')
                                : t('indicators.values.inForce')}
                            {v.frozen ? ` · ${t('indicators.values.frozen')}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {v.abilities.correct && (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => setCorrecting(v)}
                              aria-label={t('indicators.values.correctOf', {
                                date: formatDate(v.measuredOn),
                              })}
                            >
                              {t('indicators.values.correct')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Stack>
      )}
      <Modal
        opened={entering}
        onClose={() => setEntering(false)}
        title={t('indicators.detail.enterTitle', { name })}
        size="lg"
      >
        <ValueForm projectId={projectId} indicator={i} onDone={() => setEntering(false)} />
      </Modal>
      <Modal
        opened={!!correcting}
        onClose={() => setCorrecting(null)}
        title={t('indicators.detail.correctTitle', { date: formatDate(correcting?.measuredOn) })}
        size="lg"
      >
        {correcting && (
          <ValueForm
            projectId={projectId}
            indicator={i}
            original={correcting}
            onDone={() => setCorrecting(null)}
          />
        )}
      </Modal>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('indicators.detail.editTitle')}
        size="lg"
      >
        <IndicatorForm projectId={projectId} existing={i} onDone={() => setEditing(false)} />
      </Modal>
      <Modal opened={removing} onClose={() => setRemoving(false)} title={t('indicators.detail.removeTitle')}>
        <Stack gap="sm">
          <Text>{t('indicators.detail.removeConfirm', { name })}</Text>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(false)}>
              {t('indicators.form.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('indicators.detail.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
