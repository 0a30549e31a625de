import { Box, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatNumber } from '../../lib/format';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useTrainingStats } from './hooks';
import { todayIso, useTrainingLabels } from './labels';

/** Fills of the two measures: at least 3:1 against white (WCAG 1.4.11); the numbers are text too. */
const COLOURS = { supported: '#1f4e9c', raised: '#2e6b30' } as const;

/** A horizontal bar, decoration only (its value is written next to it). */
function Bar({ value, max, colour }: { value: number; max: number; colour: string }) {
  const width = max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * 100)) : 0;
  return (
    <Box aria-hidden="true" h={10} w="100%" bg="gray.1" style={{ borderRadius: 2, minWidth: 80 }}>
      <Box h={10} w={`${width}%`} style={{ background: colour, borderRadius: 2 }} />
    </Box>
  );
}

/** Rows of the breakdown as a table with bars: the figures stay readable without the picture. */
function BreakdownTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: { key: string; label: string; supported: number; raised: number }[];
}) {
  const { t } = useTranslation();
  const max = Math.max(0, ...rows.map((r) => r.supported), ...rows.map((r) => r.raised));
  if (rows.length === 0) return <Text size="sm">{t('trainings.stats.noRows')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head}</Table.Th>
            <Table.Th scope="col">{t('trainings.stats.supported')}</Table.Th>
            <Table.Th scope="col">{t('trainings.stats.raised')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" miw={40} ta="right">
                    {formatNumber(r.supported)}
                  </Text>
                  <Bar value={r.supported} max={max} colour={COLOURS.supported} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" miw={40} ta="right">
                    {formatNumber(r.raised)}
                  </Text>
                  <Bar value={r.raised} max={max} colour={COLOURS.raised} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Statystyki (organiser): staff supported and staff who raised their qualifications in the
 * institution's trainings on a day (the two indicators of the financing project), by type of the
 * learners' institution and by gmina.
 */
export function StatsTab() {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const dateProps = useDateInputProps();
  const [asOf, setAsOf] = useState(todayIso());
  const query = useTrainingStats(asOf);
  const data = query.data;
  return (
    <Stack gap="lg">
      <Text size="sm">{t('trainings.stats.lead')}</Text>
      <DateInput
        {...dateProps}
        clearable={false}
        maw={240}
        label={t('trainings.stats.asOf')}
        value={asOf}
        onChange={(v) => v && setAsOf(typeof v === 'string' ? v : todayIso())}
      />
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && <Skeleton height={160} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SectionCard titleId="stats-supported" title={t('trainings.stats.supported')}>
              <Text size="xl" fw={700}>
                {formatNumber(data.supported)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('trainings.stats.supportedHint', { date: formatDate(data.asOf) })}
              </Text>
            </SectionCard>
            <SectionCard titleId="stats-raised" title={t('trainings.stats.raised')}>
              <Text size="xl" fw={700}>
                {formatNumber(data.raised)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('trainings.stats.raisedHint', { date: formatDate(data.asOf) })}
              </Text>
            </SectionCard>
          </SimpleGrid>
          <SectionCard titleId="stats-by-type" title={t('trainings.stats.byType')}>
            <BreakdownTable
              caption={t('trainings.stats.byTypeCaption', { date: formatDate(data.asOf) })}
              head={t('trainings.stats.institutionType')}
              rows={data.byInstitutionType.map((r) => ({
                key: r.type,
                label: labels.label('institutionTypes', r.type),
                supported: r.supported,
                raised: r.raised,
              }))}
            />
          </SectionCard>
          <SectionCard titleId="stats-by-gmina" title={t('trainings.stats.byGmina')}>
            <BreakdownTable
              caption={t('trainings.stats.byGminaCaption', { date: formatDate(data.asOf) })}
              head={t('trainings.stats.gmina')}
              rows={data.byGmina.map((r) => ({
                key: r.teryt,
                label: `${r.name} (${r.teryt})`,
                supported: r.supported,
                raised: r.raised,
              }))}
            />
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
