import type { Occupancy, OccupancyGranularity } from '@kooperacja/domain';
import { SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useOccupancy } from './useOccupancy';

const W = 640;
const H = 220;
const M = { top: 16, right: 16, bottom: 40, left: 40 };
const BAR = '#1c5d99';
const LIMIT = '#b3261e';

const periodLabel = (p: { from: string; to: string }, by: OccupancyGranularity) =>
  by === 'miesiac' ? `${p.from.slice(5, 7)}.${p.from.slice(0, 4)}` : formatDate(p.from);

/**
 * The occupancy as bars (places taken per day or month) under the line of the places available,
 * drawn in SVG with a title and a description; the table below carries the same figures and who
 * stayed — the accessible form of the chart.
 */
export function OccupancyChart({ data, title }: { data: Occupancy; title: string }) {
  const { t } = useTranslation();
  const id = useId();
  const periods = data.periods;
  const max = Math.max(1, data.capacity ?? 0, ...periods.map((p) => p.occupied));
  const innerW = W - M.left - M.right;
  const slot = innerW / Math.max(periods.length, 1);
  const y = (v: number) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const peak = periods.reduce((a, p) => Math.max(a, p.occupied), 0);
  const labelEvery = Math.max(1, Math.ceil(periods.length / 8));
  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W }}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        data-testid="occupancy-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {t('support.occupancy.desc', {
            from: formatDate(data.from),
            to: formatDate(data.to),
            peak,
            capacity: data.capacity ?? '—',
          })}
        </desc>
        <line x1={M.left} y1={H - M.bottom} x2={W - M.right} y2={H - M.bottom} stroke="#868e96" />
        <line x1={M.left} y1={M.top} x2={M.left} y2={H - M.bottom} stroke="#868e96" />
        {[0, max].map((v) => (
          <text key={v} x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="currentColor">
            {v}
          </text>
        ))}
        {periods.map((p, i) => (
          <g key={p.from}>
            <rect
              x={M.left + i * slot + slot * 0.15}
              y={y(p.occupied)}
              width={Math.max(1, slot * 0.7)}
              height={H - M.bottom - y(p.occupied)}
              fill={BAR}
            />
            {i % labelEvery === 0 && (
              <text
                x={M.left + i * slot + slot / 2}
                y={H - M.bottom + 14}
                fontSize="10"
                textAnchor="middle"
                fill="currentColor"
              >
                {periodLabel(p, data.by)}
              </text>
            )}
          </g>
        ))}
        {data.capacity !== null && (
          <>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(data.capacity)}
              y2={y(data.capacity)}
              stroke={LIMIT}
              strokeDasharray="6 4"
              strokeWidth="2"
            />
            <text x={W - M.right} y={y(data.capacity) - 6} textAnchor="end" fontSize="11" fill={LIMIT}>
              {t('support.occupancy.capacityLine', { count: data.capacity })}
            </text>
          </>
        )}
      </svg>
      <Text size="xs" aria-hidden="true">
        <span style={{ color: BAR }}>■</span> {t('support.occupancy.legendOccupied')}{' '}
        <span style={{ color: LIMIT }}>┅</span> {t('support.occupancy.legendCapacity')}
      </Text>
    </Stack>
  );
}

/** A flat: the occupancy timeline by month or day, as a chart and a table with who stayed. */
export function OccupancySection({ projectId, activityId }: { projectId: string; activityId: string }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<OccupancyGranularity>('miesiac');
  const query = useOccupancy(projectId, activityId, { by });
  const data = query.data;
  const names = new Map((data?.residents ?? []).map((r) => [r.participant.id, r.participant.name]));
  return (
    <SectionCard
      titleId="support-occupancy"
      title={t('support.occupancy.title')}
      query={{ ...query, skeletonHeight: 220 }}
    >
      <SegmentedControl
        aria-label={t('support.occupancy.by')}
        value={by}
        onChange={(v) => setBy(v as OccupancyGranularity)}
        data={[
          { value: 'miesiac', label: t('support.occupancy.byMonth') },
          { value: 'dzien', label: t('support.occupancy.byDay') },
        ]}
      />
      {data && (
        <>
          <OccupancyChart
            data={data}
            title={t('support.occupancy.chartTitle', { name: data.activity.name })}
          />
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <VisuallyHidden component="caption">{t('support.occupancy.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('support.occupancy.period')}</Table.Th>
                  <Table.Th scope="col">{t('support.occupancy.places')}</Table.Th>
                  <Table.Th scope="col">{t('support.occupancy.occupied')}</Table.Th>
                  <Table.Th scope="col">{t('support.occupancy.free')}</Table.Th>
                  <Table.Th scope="col">{t('support.occupancy.personDays')}</Table.Th>
                  <Table.Th scope="col">{t('support.occupancy.residents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.periods.map((p) => (
                  <Table.Tr key={p.from}>
                    <Table.Td>
                      {data.by === 'miesiac'
                        ? `${formatDate(p.from)} – ${formatDate(p.to)}`
                        : formatDate(p.from)}
                    </Table.Td>
                    <Table.Td>{data.capacity ?? '—'}</Table.Td>
                    <Table.Td>{p.occupied}</Table.Td>
                    <Table.Td>{p.free ?? '—'}</Table.Td>
                    <Table.Td>{p.personDays}</Table.Td>
                    <Table.Td>{p.residents.map((r) => names.get(r) ?? r).join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </SectionCard>
  );
}
