import { type RegionMap, regionMeasures } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type PointerEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { todayIso } from '../indicators/labels';
import type { MapLegendData, MapLegendItem } from '../territory/MapLegend';
import { PolandMap } from '../territory/PolandMap';
import { useBoundaries } from '../territory/useBoundaries';
import { downloadMapPng, pngFileName } from './exportPng';
import { formatMeasureValue, formatRate, isRegionMeasure, useRegionLabels } from './labels';
import {
  categoriesOf,
  categoryColor,
  classesOf,
  NO_DATA_FILL,
  SUPPRESSED_FILL,
  unitFill,
  type ValueClass,
} from './mapClasses';
import { RegionMapTable } from './RegionMapTable';
import { type RegionMapParams, regionMapFileUrl, regionReportUrl } from './regionApi';
import { useRegionMap } from './useRegionMap';
import { useRegionScope } from './useRegionScope';

type Level = RegionMapParams['level'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The view from the URL (`?miara=&poziom=&dzien=`), with the defaults: LPDI, gminy, today. */
export function viewOf(params: URLSearchParams, today: string): RegionMapParams {
  const miara = params.get('miara');
  const dzien = params.get('dzien');
  return {
    measure: isRegionMeasure(miara) ? miara : 'lpdi',
    level: params.get('poziom') === 'powiat' ? 'powiat' : 'gmina',
    asOf: dzien && ISO_DATE.test(dzien) ? dzien : today,
  };
}

/** The legend: every category of a status measure, or the classes of the values; then the grey fills. */
function useLegend(map: RegionMap | undefined, classes: ValueClass[]): MapLegendData | undefined {
  const labels = useRegionLabels();
  const { t } = useTranslation();
  return useMemo(() => {
    if (!map) return undefined;
    const { measure, units } = map;
    const count = (test: (u: RegionMap['units'][number]) => boolean) =>
      formatNumber(units.filter(test).length);
    const items: MapLegendItem[] = [];
    const categories = new Set(units.map((u) => u.category).filter((c): c is string => c !== null));
    if (categories.size > 0) {
      const known = categoriesOf(measure);
      for (const c of [...known, ...[...categories].filter((c) => !known.includes(c))])
        items.push({
          color: categoryColor(measure, c),
          label: labels.categoryLabel(measure, c),
          value: count((u) => u.category === c),
        });
    }
    for (const c of classes)
      items.push({
        color: c.color,
        label:
          c.min === c.max
            ? formatMeasureValue(measure, c.min)
            : `${formatMeasureValue(measure, c.min)}–${formatMeasureValue(measure, c.max)}`,
        value: count(
          (u) =>
            !u.suppressed && u.category === null && u.value !== null && u.value >= c.min && u.value <= c.max,
        ),
      });
    if (units.some((u) => u.suppressed) || regionMeasures[measure].kind === 'rate')
      items.push({
        color: SUPPRESSED_FILL,
        label: t('region.map.suppressed'),
        value: count((u) => u.suppressed),
      });
    if (units.some((u) => !u.suppressed && u.category === null && u.value === null))
      items.push({
        color: NO_DATA_FILL,
        label: t('region.map.noData'),
        value: count((u) => !u.suppressed && u.category === null && u.value === null),
      });
    return { title: labels.measureLabel(measure), items };
  }, [map, classes, labels, t]);
}

function SummaryCards({ map }: { map: RegionMap | undefined }) {
  const { t } = useTranslation();
  const s = map?.summary;
  const cards: [string, string, string][] = s
    ? [
        [
          'lpdi',
          t('region.summary.lpdi'),
          t('region.summary.lpdiValue', {
            n: formatNumber(s.jstWithLpdi),
            m: formatNumber(s.jst),
            percent: `${formatRate(s.lpdiSharePercent)}\u00a0%`,
          }),
        ],
        ['cus', t('region.summary.cus'), formatNumber(s.gminyWithCus)],
        [
          'partnerships',
          t('region.summary.partnerships'),
          t('region.summary.partnershipsValue', {
            n: formatNumber(s.jstWithPartnership),
            m: formatNumber(s.jst),
          }),
        ],
      ]
    : [];
  return (
    <section aria-labelledby="region-summary">
      <VisuallyHidden component="h2" id="region-summary">
        {t('region.summary.title')}
      </VisuallyHidden>
      {s ? (
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
          {cards.map(([key, term, value]) => (
            <Card key={key} withBorder padding="md" data-summary={key}>
              <Text component="dt" size="sm" c="dimmed">
                {term}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={650}>
                {value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-hidden>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={76} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

/**
 * `/region/:woj`: the regional dashboard — the choropleth map of the województwo by gmina or powiat
 * for a measure on a day, its legend and the table beside it, the region's totals, and the exports
 * (PNG drawn here from the map; CSV and XLSX from the server with the same query).
 */
export function RegionDashboardPage() {
  const { woj = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useRegionLabels();
  const dateProps = useDateInputProps();
  const [params, setParams] = useSearchParams();
  const [today] = useState(todayIso);
  const view = viewOf(params, today);
  const { measure, level, asOf } = view;
  const scope = useRegionScope();
  const query = useRegionMap(woj, view);
  // Fetch the boundaries alongside the figures (the map component would only start after them).
  useBoundaries();
  // While another measure or day loads, the previous map of the level stays: draw it as what it is.
  const map = query.data && query.data.level === level ? query.data : undefined;
  const shown = map?.measure ?? measure;
  const shownDay = map?.asOf ?? asOf;
  const wojName = map?.woj.name ?? scope.data?.regions.find((r) => r.teryt === woj)?.name ?? woj;

  const setView = (patch: Partial<Record<'miara' | 'poziom' | 'dzien', string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const classes = useMemo(() => (map ? classesOf(map.units) : []), [map]);
  const byTeryt = useMemo(() => new Map(map?.units.map((u) => [u.teryt, u])), [map]);
  const fill = useCallback(
    (teryt: string) => {
      const unit = byTeryt.get(teryt);
      return unit ? unitFill(shown, unit, classes) : NO_DATA_FILL;
    },
    [byTeryt, shown, classes],
  );
  const legend = useLegend(map, classes);

  // The value of the unit under the pointer, in words (the map's own tooltip names the unit).
  const [hovered, setHovered] = useState<string | null>(null);
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const teryt = event.target instanceof Element ? event.target.getAttribute('data-teryt') : null;
    if (teryt !== hovered) setHovered(teryt);
  };
  const hoveredUnit = hovered ? byTeryt.get(hovered) : undefined;

  const mapBox = useRef<HTMLDivElement>(null);
  const [pngError, setPngError] = useState(false);
  const [pngPending, setPngPending] = useState(false);
  const measureLabel = labels.measureLabel(shown);
  const levelLower = t(`region.dashboard.levelsLower.${level}`);
  const title = t('region.titleWoj', { name: wojName });
  const exportPng = async () => {
    const svg = mapBox.current?.querySelector<SVGSVGElement>('svg[data-testid="poland-map"]');
    setPngError(false);
    if (!svg || !legend) {
      setPngError(true);
      return;
    }
    setPngPending(true);
    try {
      await downloadMapPng(
        svg,
        {
          title,
          subtitle: t('region.export.pngSubtitle', {
            measure: measureLabel,
            level: t(`region.dashboard.levels.${level}`),
            date: formatDate(shownDay),
          }),
          legend,
          note: legend.items.some((i) => i.color === SUPPRESSED_FILL)
            ? t('region.map.suppressionNote')
            : undefined,
        },
        pngFileName(woj, shown, shownDay),
      );
    } catch {
      setPngError(true);
    } finally {
      setPngPending(false);
    }
  };

  const refreshing = query.isFetching && !query.isPending;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{title}</PageTitle>
        <Text maw={900}>{t('region.dashboard.lead')}</Text>
        <Group gap="md">
          <Anchor component={Link} to={`/region/${woj}/jst`} size="sm">
            {t('region.dashboard.register')}
          </Anchor>
        </Group>
      </Stack>

      <Card withBorder padding="md" component="section" aria-labelledby="region-view">
        <Title order={2} size="h4" id="region-view" mb="sm">
          {t('region.dashboard.view')}
        </Title>
        <Group align="flex-end" gap="md">
          <Select
            label={t('region.dashboard.measure')}
            data={labels.measureOptions}
            value={measure}
            onChange={(v) => v && setView({ miara: v })}
            allowDeselect={false}
            w={{ base: '100%', sm: 440 }}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="region-level-label">
              {t('region.dashboard.level')}
            </Text>
            <SegmentedControl
              aria-labelledby="region-level-label"
              value={level}
              onChange={(v) => setView({ poziom: v })}
              data={(['gmina', 'powiat'] as Level[]).map((l) => ({
                value: l,
                label: t(`region.dashboard.levels.${l}`),
              }))}
            />
          </Stack>
          <DateInput
            {...dateProps}
            label={t('region.dashboard.day')}
            description={t('region.dashboard.dayHint')}
            clearable={false}
            value={asOf}
            onChange={(v) => v && setView({ dzien: v })}
            w={{ base: '100%', sm: 200 }}
          />
        </Group>
        <Group gap="sm" mt="md" role="group" aria-label={t('region.report.title')}>
          <Text size="sm">{t('region.report.lead', { date: formatDate(view.asOf) })}</Text>
          <Button
            component="a"
            href={regionReportUrl(woj, 'pdf', view.asOf)}
            download
            variant="default"
            size="xs"
          >
            {t('region.report.pdf')}
          </Button>
          <Button
            component="a"
            href={regionReportUrl(woj, 'xlsx', view.asOf)}
            download
            variant="default"
            size="xs"
          >
            {t('region.report.xlsx')}
          </Button>
        </Group>
      </Card>

      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}

      <SummaryCards map={map} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="region-map">
            <Group justify="space-between" mb="xs" gap="xs">
              <Title order={2} size="h4" id="region-map">
                {t('region.map.title')}
              </Title>
              {refreshing && (
                <Group gap={6} role="status">
                  <Loader size="xs" aria-hidden />
                  <Text size="sm">{t('region.dashboard.refreshing')}</Text>
                </Group>
              )}
            </Group>
            <Text size="sm" mih={22} aria-hidden data-testid="region-map-hover">
              {hoveredUnit
                ? t('region.map.hover', {
                    name: hoveredUnit.name,
                    value: labels.unitValueInWords(shown, hoveredUnit),
                  })
                : t('region.map.hoverHint')}
            </Text>
            {/* Pointer moves only tell which unit to describe above; the table is the keyboard equivalent. */}
            <div ref={mapBox} onPointerMove={onPointerMove} onPointerLeave={() => setHovered(null)}>
              {map ? (
                <PolandMap
                  level={level}
                  within={woj}
                  fill={fill}
                  legend={legend}
                  label={t('region.map.label', { woj: wojName, level: levelLower, measure: measureLabel })}
                  caption={t('region.map.caption', { date: formatDate(shownDay) })}
                  onSelect={(teryt) => navigate(`/region/${woj}/jst/${teryt}`)}
                  maxHeight="70vh"
                />
              ) : (
                !query.error && (
                  <Stack gap="xs" aria-busy="true">
                    <Skeleton height={320} radius="sm" />
                    <Text size="sm" c="dimmed" role="status">
                      {t('region.dashboard.loading')}
                    </Text>
                  </Stack>
                )
              )}
            </div>
            <Group gap="sm" mt="md" role="group" aria-label={t('region.export.title')}>
              <Button variant="default" onClick={() => void exportPng()} loading={pngPending} disabled={!map}>
                {t('region.export.png')}
              </Button>
              <Button component="a" href={regionMapFileUrl(woj, 'csv', view)} download variant="default">
                {t('region.export.csv')}
              </Button>
              <Button component="a" href={regionMapFileUrl(woj, 'xlsx', view)} download variant="default">
                {t('region.export.xlsx')}
              </Button>
            </Group>
            {pngError && (
              <Alert color="red" variant="light" mt="sm" role="alert">
                {t('region.export.pngFailed')}
              </Alert>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="region-table">
            <Title order={2} size="h4" id="region-table" mb="xs">
              {t('region.table.title')}
            </Title>
            {map ? (
              <RegionMapTable
                woj={woj}
                measure={shown}
                units={map.units}
                caption={t('region.table.caption', {
                  level: t(`region.dashboard.levels.${level}`),
                  measure: measureLabel,
                  date: formatDate(map.asOf),
                })}
              />
            ) : (
              !query.error && <Skeleton height={320} aria-hidden />
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
