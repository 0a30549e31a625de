import { formatRate, type IndicatorBand, type IndicatorUnit } from '@kooperacja/domain';
import { Badge, Group, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { bandColours, formatValue, useIndicatorLabels } from './labels';

/** The band as text in a badge; its colour only repeats the text (WCAG 1.4.1). */
export function BandBadge({ band }: { band: IndicatorBand }) {
  const labels = useIndicatorLabels();
  const colour = bandColours[band];
  if (band === 'brak_danych')
    return (
      <Badge variant="outline" color={colour} style={{ color: colour }} tt="none" miw="max-content">
        {labels.label('bands', band)}
      </Badge>
    );
  return (
    <Badge variant="filled" color={colour} tt="none" miw="max-content" data-band={band}>
      {labels.label('bands', band)}
    </Badge>
  );
}

/** Progress towards the target: a bar named for assistive technology and the share as text. */
export function ProgressCell({
  achieved,
  band,
  name,
}: {
  achieved: number | null;
  band: IndicatorBand;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} miw={140}>
      <Progress.Root
        role="progressbar"
        aria-label={t('indicators.table.progressOf', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round((achieved ?? 0) / 100))}
        aria-valuetext={achieved === null ? t('indicators.table.noValue') : formatRate(achieved)}
      >
        <Progress.Section
          value={Math.min(achieved ?? 0, 10_000) / 100}
          color={bandColours[band]}
          withAria={false}
        />
      </Progress.Root>
      <Text size="sm">{achieved === null ? '—' : formatRate(achieved)}</Text>
    </Stack>
  );
}

const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 36, left: 56 };
const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;

/**
 * Value over time with the target line, drawn in SVG (no chart library). The picture has a title
 * and a description for screen readers, and the same figures follow in a table — the accessible
 * form of the chart.
 */
export function ValueChart({
  title,
  points,
  target,
  baseline,
  unit,
  startsOn,
  endsOn,
}: {
  title: string;
  points: { measuredOn: string; value: string }[];
  target: string;
  baseline: string;
  unit: IndicatorUnit;
  startsOn: string;
  endsOn: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const values = points.map((p) => Number(p.value));
  const goal = Number(target);
  const base = Number(baseline);
  const yMax = Math.max(goal, base, ...values, 1) * 1.1;
  const x0 = Math.min(dayOf(startsOn), ...points.map((p) => dayOf(p.measuredOn)));
  const x1 = Math.max(dayOf(endsOn), ...points.map((p) => dayOf(p.measuredOn)), x0 + 1);
  const x = (iso: string) => M.left + ((dayOf(iso) - x0) / (x1 - x0)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.measuredOn)},${y(Number(p.value))}`).join(' ');
  const last = points.at(-1);
  const desc = last
    ? t('indicators.chart.desc', {
        count: points.length,
        first: formatDate(points[0]?.measuredOn),
        last: formatDate(last.measuredOn),
        value: formatValue(last.value, unit),
        target: formatValue(target, unit),
      })
    : t('indicators.chart.empty');
  const startIso = new Date(x0 * DAY).toISOString().slice(0, 10);
  const endIso = new Date(x1 * DAY).toISOString().slice(0, 10);
  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W }}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        data-testid="value-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={M.left} y1={H - M.bottom} x2={W - M.right} y2={H - M.bottom} stroke="#868e96" />
        <line x1={M.left} y1={M.top} x2={M.left} y2={H - M.bottom} stroke="#868e96" />
        {[...new Set([0, goal / 2, goal])].map((v) => (
          <text key={`y${v}`} x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="currentColor">
            {formatValue(String(Math.round(v * 100) / 100), unit)}
          </text>
        ))}
        <text x={M.left} y={H - 10} fontSize="11" fill="currentColor">
          {formatDate(startIso)}
        </text>
        <text x={W - M.right} y={H - 10} fontSize="11" textAnchor="end" fill="currentColor">
          {formatDate(endIso)}
        </text>
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(goal)}
          y2={y(goal)}
          stroke="#b3261e"
          strokeDasharray="6 4"
          strokeWidth="2"
          data-testid="target-line"
        />
        <text x={W - M.right} y={y(goal) - 6} textAnchor="end" fontSize="11" fill="#b3261e">
          {t('indicators.chart.target', { value: formatValue(target, unit) })}
        </text>
        {points.length > 0 && <path d={path} fill="none" stroke="#1c5d99" strokeWidth="2.5" />}
        {points.map((p) => (
          <circle key={p.measuredOn} cx={x(p.measuredOn)} cy={y(Number(p.value))} r="4" fill="#1c5d99" />
        ))}
      </svg>
      <Text size="xs" aria-hidden="true">
        <span style={{ color: '#1c5d99' }}>━</span> {t('indicators.chart.legendValue')}{' '}
        <span style={{ color: '#b3261e' }}>┅</span> {t('indicators.chart.legendTarget')}
      </Text>
    </Stack>
  );
}

/** The values in force as a table: the text alternative of the chart. */
export function ValueTable({
  caption,
  points,
  unit,
  achievedOf,
}: {
  caption: string;
  points: { measuredOn: string; value: string }[];
  unit: IndicatorUnit;
  achievedOf: (value: string) => number | null;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indicators.values.date')}</Table.Th>
            <Table.Th scope="col">{t('indicators.values.value')}</Table.Th>
            <Table.Th scope="col">{t('indicators.values.achieved')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.measuredOn}>
              <Table.Td>{formatDate(p.measuredOn)}</Table.Td>
              <Table.Td>{formatValue(p.value, unit)}</Table.Td>
              <Table.Td>{formatRate(achievedOf(p.value))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A breakdown (gender or age) against its targets: bars hidden from assistive technology next to
 * a table with the same numbers.
 */
export function BreakdownBars({
  dimension,
  values,
  targets,
  titleId,
}: {
  dimension: string;
  values: Record<string, number>;
  targets: Record<string, number>;
  titleId: string;
}) {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const keys = [...new Set([...Object.keys(values), ...Object.keys(targets)])];
  const max = Math.max(1, ...keys.map((k) => Math.max(values[k] ?? 0, targets[k] ?? 0)));
  const rowH = 28;
  const labelW = 170;
  const width = 520;
  const scale = (v: number) => ((width - labelW - 50) * v) / max;
  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${width} ${Math.max(keys.length, 1) * rowH}`}
        width="100%"
        style={{ maxWidth: width }}
        role="presentation"
        aria-hidden="true"
        focusable="false"
      >
        {keys.map((k, i) => (
          <g key={k} transform={`translate(0, ${i * rowH})`}>
            <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
              {labels.category(dimension, k)}
            </text>
            <rect x={labelW} y={5} width={scale(values[k] ?? 0)} height={rowH - 12} fill="#1c5d99" />
            {targets[k] !== undefined && (
              <line
                x1={labelW + scale(targets[k] as number)}
                x2={labelW + scale(targets[k] as number)}
                y1={2}
                y2={rowH - 2}
                stroke="#b3261e"
                strokeWidth="3"
              />
            )}
            <text x={labelW + scale(values[k] ?? 0) + 4} y={rowH / 2 + 4} fontSize="11" fill="currentColor">
              {values[k] ?? 0}
            </text>
          </g>
        ))}
      </svg>
      <Group gap="xs" aria-hidden="true">
        <Text size="xs">
          <span style={{ color: '#1c5d99' }}>■</span> {t('indicators.breakdown.value')}{' '}
          <span style={{ color: '#b3261e' }}>┃</span> {t('indicators.breakdown.target')}
        </Text>
      </Group>
      <Table aria-labelledby={titleId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{labels.label('dimensions', dimension)}</Table.Th>
            <Table.Th scope="col">{t('indicators.breakdown.value')}</Table.Th>
            <Table.Th scope="col">{t('indicators.breakdown.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" fw={400}>
                {labels.category(dimension, k)}
              </Table.Th>
              <Table.Td>{values[k] ?? 0}</Table.Td>
              <Table.Td>{targets[k] ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
