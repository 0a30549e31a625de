import { bandKeys, formatRate } from '@kooperacja/domain';
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { BandBadge, ProgressCell } from './charts';
import { useProjectIndicators } from './hooks';
import { IndicatorDetail } from './IndicatorDetail';
import { IndicatorForm } from './IndicatorForm';
import { formatValue, useIndicatorLabels } from './labels';
import { PeriodsSection } from './PeriodsSection';

/**
 * The "Wskaźniki" tab of a project page: the indicators with their values, progress and band — the
 * stored latest figures, or "as of" a chosen day (metrics recomputed, manual values as known then)
 * — one indicator in detail, and the reporting periods.
 */
export function ProjectIndicatorsTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const dateProps = useDateInputProps();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const query = useProjectIndicators(projectId, asOf);
  const d = query.data;
  const current = d?.items.find((i) => i.id === selected) ?? null;
  return (
    <Stack gap="lg">
      <SectionCard
        titleId="project-indicators"
        title={t('indicators.tab.title')}
        description={t('indicators.tab.lead')}
        query={{ ...query, skeletonHeight: 160 }}
      >
        <Group align="flex-end" justify="space-between">
          <DateInput
            label={t('indicators.tab.asOf')}
            description={t('indicators.tab.asOfHint')}
            {...dateProps}
            value={asOf}
            onChange={(v) => setAsOf(v ? String(v) : null)}
            maw={260}
          />
          {d?.abilities.manage && <Button onClick={() => setAdding(true)}>{t('indicators.tab.add')}</Button>}
        </Group>
        {d && (
          <>
            <Text size="sm" role="status">
              {d.live
                ? t('indicators.tab.live', { elapsed: formatRate(d.project.elapsed) })
                : t('indicators.tab.asOfShown', {
                    date: formatDate(d.asOf),
                    elapsed: formatRate(d.project.elapsed),
                  })}
            </Text>
            {d.items.length > 0 && (
              <Group
                gap="md"
                component="ul"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-label={t('indicators.tab.summary')}
              >
                {bandKeys
                  .filter((b) => d.byBand[b] > 0)
                  .map((b) => (
                    <Group key={b} gap={6} component="li">
                      <BandBadge band={b} />
                      <Text size="sm">{d.byBand[b]}</Text>
                    </Group>
                  ))}
              </Group>
            )}
            {d.items.length === 0 ? (
              <Text size="sm">{t('indicators.tab.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={980}>
                <Table striped data-testid="indicator-table">
                  <caption>{t('indicators.tab.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('indicators.table.indicator')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.type')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.baseline')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.target')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.value')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.progress')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.table.band')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((i) => {
                      const name = `${i.definition.code ? `${i.definition.code} ` : ''}${i.definition.name}`;
                      const unit = i.definition.unit;
                      return (
                        <Table.Tr key={i.id}>
                          <Table.Th scope="row" fw={400}>
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              h="auto"
                              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                              onClick={() => setSelected(selected === i.id ? null : i.id)}
                              aria-expanded={selected === i.id}
                              aria-controls={selected === i.id ? `indicator-detail-${i.id}` : undefined}
                            >
                              {name}
                            </Button>
                            <Text size="xs">
                              {labels.label('units', unit)}
                              {i.source === 'metric' ? ` · ${labels.label('sources', 'metric')}` : ''}
                            </Text>
                          </Table.Th>
                          <Table.Td>{labels.label('types', i.definition.type)}</Table.Td>
                          <Table.Td>{formatValue(i.baseline, unit)}</Table.Td>
                          <Table.Td>{formatValue(i.target, unit)}</Table.Td>
                          <Table.Td>
                            {i.current ? (
                              <>
                                <Text size="sm" fw={600}>
                                  {formatValue(i.current.value, unit)}
                                </Text>
                                <Text size="xs">
                                  {t('indicators.table.on', { date: formatDate(i.current.measuredOn) })}
                                </Text>
                              </>
                            ) : i.metricFailed ? (
                              <Text size="sm">{t('indicators.table.metricFailed')}</Text>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>
                            <ProgressCell achieved={i.achieved} band={i.band} name={name} />
                          </Table.Td>
                          <Table.Td>
                            <BandBadge band={i.band} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Text size="xs">{t('indicators.tab.bandsHint')}</Text>
          </>
        )}
      </SectionCard>
      {current && d && (
        <IndicatorDetail
          key={current.id}
          projectId={projectId}
          indicator={current}
          project={d.project}
          onRemoved={() => setSelected(null)}
        />
      )}
      <PeriodsSection projectId={projectId} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('indicators.tab.add')} size="lg">
        <IndicatorForm projectId={projectId} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
