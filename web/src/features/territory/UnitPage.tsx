import type { TerritorialUnit, UnitDetail } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { HIGHLIGHT_FILL } from './mapPalettes';
import { PolandMap } from './PolandMap';
import { kindLabel } from './unitLabels';
import { useUnit } from './useUnit';

function UnitBreadcrumbs({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('territory.unit.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6} styles={{ root: { flexWrap: 'wrap' } }}>
        <Anchor component={Link} to="/terytoria" size="sm">
          {t('territory.title')}
        </Anchor>
        {detail.parents.map((p) => (
          <Anchor key={p.teryt} component={Link} to={`/terytoria/${p.teryt}`} size="sm">
            {p.nameFull}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page">
          {detail.unit.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

function UnitFacts({ unit }: { unit: TerritorialUnit }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('territory.unit.teryt'), unit.teryt],
    [t('territory.unit.kind'), kindLabel(t, unit)],
    [t('territory.unit.nameFull'), unit.nameFull],
    [
      t('territory.unit.population'),
      unit.population === null
        ? t('territory.unit.unknown')
        : t('territory.unit.populationValue', { value: formatNumber(unit.population) }),
    ],
    [
      t('territory.unit.geometry'),
      unit.hasGeometry ? t('territory.unit.geometryYes') : t('territory.unit.geometryNo'),
    ],
  ];
  if (unit.level !== 'wojewodztwo') {
    rows.push([
      t('territory.unit.cityWithPowiatRights'),
      unit.cityWithPowiatRights ? t('territory.unit.yes') : t('territory.unit.no'),
    ]);
  }
  return (
    <Table variant="vertical" layout="fixed" withTableBorder data-testid="unit-facts">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="45%" scope="row">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UnitMiniMap({ unit }: { unit: TerritorialUnit }) {
  const { t } = useTranslation();
  // Gminy and powiaty are shown within their województwo, województwa within Poland.
  const within = unit.level === 'wojewodztwo' ? undefined : unit.wojTeryt;
  const level = unit.level;
  return (
    <Stack gap="xs">
      {!unit.hasGeometry && (
        <Alert color="yellow" variant="light">
          <Text size="sm">{t('territory.unit.noGeometry')}</Text>
        </Alert>
      )}
      <PolandMap
        level={level}
        within={within}
        // Without its own polygon, show at least the powiat the unit lies in.
        highlight={unit.hasGeometry ? unit.teryt : (unit.powiatTeryt ?? undefined)}
        highlightFill={HIGHLIGHT_FILL}
        label={`${t('territory.unit.location')}: ${unit.nameFull}`}
        maxHeight="420px"
      />
    </Stack>
  );
}

export function UnitPage() {
  const { t } = useTranslation();
  const { teryt = '' } = useParams();
  const { data, error, isPending, refetch } = useUnit(teryt);

  if (error) {
    return (
      <Stack>
        <PageTitle>{teryt}</PageTitle>
        <ProblemAlert error={error} onRetry={() => void refetch()} />
        <Anchor component={Link} to="/terytoria">
          {t('territory.unit.back')}
        </Anchor>
      </Stack>
    );
  }
  if (isPending) {
    return (
      <Stack aria-busy="true">
        <PageTitle documentTitle={t('territory.title')}>{t('common.loading')}</PageTitle>
        <Skeleton height={240} />
      </Stack>
    );
  }

  const { unit, children } = data;
  const childLevel = children[0]?.level;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <UnitBreadcrumbs detail={data} />
        <PageTitle documentTitle={unit.nameFull}>{unit.name}</PageTitle>
        <Text c="dimmed">
          {kindLabel(t, unit)} · TERYT {unit.teryt}
        </Text>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <section aria-labelledby="unit-facts-title">
              <Title order={2} size="h4" id="unit-facts-title" mb="xs">
                {t('territory.unit.details')}
              </Title>
              <UnitFacts unit={unit} />
            </section>
            <section aria-labelledby="unit-children-title">
              <Title order={2} size="h4" id="unit-children-title" mb="xs">
                {childLevel
                  ? t('territory.unit.childrenOf', {
                      level: t(`territory.levelsPlural.${childLevel}`),
                      name: unit.name,
                    })
                  : t('territory.unit.children')}
              </Title>
              {children.length === 0 ? (
                <Text size="sm">{t('territory.unit.noChildren')}</Text>
              ) : (
                <SimpleGrid
                  component="ul"
                  cols={{ base: 1, xs: 2 }}
                  spacing={4}
                  verticalSpacing={4}
                  m={0}
                  p={0}
                  style={{ listStyle: 'none' }}
                  data-testid="unit-children"
                >
                  {children.map((c) => (
                    <li key={c.teryt}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor component={Link} to={`/terytoria/${c.teryt}`} size="sm">
                          {c.name}
                        </Anchor>
                        <Text span size="xs" c="dimmed">
                          {kindLabel(t, c)}
                        </Text>
                      </Group>
                    </li>
                  ))}
                </SimpleGrid>
              )}
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="unit-map-title">
            <Title order={2} size="h4" id="unit-map-title" mb="xs">
              {t('territory.unit.location')}
            </Title>
            <UnitMiniMap unit={unit} />
            <Anchor component={Link} to="/terytoria/mapa" size="sm" mt="xs" display="inline-block">
              {t('territory.unit.openMap')}
            </Anchor>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
