import type { UnitLevel } from '@kooperacja/domain';
import { Anchor, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../lib/format';
import { featuresOf } from './boundaries';
import { isUnitLevel, unitLevels } from './levels';
import type { MapLegendData } from './MapLegend';
import {
  fillByGminaKind,
  fillByPowiatKind,
  gminaKindColors,
  gminaKindOf,
  gminaKinds,
  NEUTRAL_FILL,
  powiatKindColors,
} from './mapPalettes';
import { PolandMap } from './PolandMap';
import { TerritoryPicker } from './TerritoryPicker';
import { useBoundaries } from './useBoundaries';

const fills: Record<UnitLevel, ((teryt: string) => string | undefined) | undefined> = {
  wojewodztwo: undefined,
  powiat: fillByPowiatKind,
  gmina: fillByGminaKind,
};

/** Map of Poland with a level switch; gminy are coloured by kind (miejska / wiejska / miejsko-wiejska). */
export function TerritoryMapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const levelParam = params.get('poziom');
  const level: UnitLevel = isUnitLevel(levelParam) ? levelParam : 'gmina';
  const { data: topology } = useBoundaries();

  // Counts of what is actually drawn (units without geometry are listed in the register instead).
  const drawn = useMemo(() => (topology ? featuresOf(topology, level) : []), [topology, level]);

  const legend = useMemo((): MapLegendData => {
    if (level === 'gmina') {
      const counts = new Map<string, number>();
      for (const f of drawn) {
        const kind = gminaKindOf(f.properties.teryt);
        if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      return {
        title: t('territory.map.gminaKind'),
        items: gminaKinds.map((kind) => ({
          color: gminaKindColors[kind],
          label: t(`territory.kinds.${kind}`),
          value: formatNumber(counts.get(kind) ?? 0),
        })),
      };
    }
    if (level === 'powiat') {
      const cities = drawn.filter(
        (f) => fillByPowiatKind(f.properties.teryt) !== powiatKindColors.powiat,
      ).length;
      return {
        title: t('territory.map.legend'),
        items: [
          {
            color: powiatKindColors.powiat,
            label: t('territory.kinds.powiat'),
            value: formatNumber(drawn.length - cities),
          },
          {
            color: powiatKindColors.miasto_na_prawach_powiatu,
            label: t('territory.kinds.miasto_na_prawach_powiatu'),
            value: formatNumber(cities),
          },
        ],
      };
    }
    return {
      title: t('territory.map.legend'),
      items: [
        { color: NEUTRAL_FILL, label: t('territory.kinds.wojewodztwo'), value: formatNumber(drawn.length) },
      ],
    };
  }, [level, drawn, t]);

  const levelName = t(`territory.levelsPlural.${level}`).toLocaleLowerCase();
  const legendText = legend.items.map((i) => `${i.label} (${i.value})`).join(', ');

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <PageTitle>{t('territory.map.title')}</PageTitle>
        <Text maw={820}>{t('territory.map.lead')}</Text>
      </Stack>

      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="map-level-label">
            {t('territory.map.level')}
          </Text>
          <SegmentedControl
            aria-labelledby="map-level-label"
            value={level}
            onChange={(v) => setParams({ poziom: v }, { replace: true })}
            data={unitLevels.map((l) => ({ value: l, label: t(`territory.levelsPlural.${l}`) }))}
          />
        </Stack>
        <TerritoryPicker
          levels={['gmina', 'powiat', 'wojewodztwo']}
          label={t('territory.map.goTo')}
          onChange={(teryt) => teryt && navigate(`/terytoria/${teryt}`)}
          w={{ base: '100%', sm: 420 }}
        />
      </Group>

      <Card withBorder padding="md">
        <PolandMap
          level={level}
          fill={fills[level]}
          legend={legend}
          label={t('territory.map.label', { level: levelName })}
          caption={
            <>
              {t('territory.map.caption', { level: levelName, formatted: formatNumber(drawn.length) })}{' '}
              {level === 'gmina' && t('territory.map.captionKinds', { legend: legendText })}{' '}
              <Anchor component={Link} to="/terytoria" size="sm">
                {t('territory.map.tableAlternative')}
              </Anchor>
            </>
          }
        />
      </Card>
    </Stack>
  );
}
