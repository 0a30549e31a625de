import { type BandCounts, bandKeys, formatRate } from '@kooperacja/domain';
import { Anchor, Grid, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatNumber } from '../../lib/format';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { ListPagination } from '../admin/ListPagination';
import { useProgrammeFilterOptions } from '../projects/useProgrammeFilterOptions';
import { BandBadge } from './charts';
import { usePortfolio } from './hooks';
import { bandColours, formatValue, useIndicatorLabels } from './labels';

const PAGE = 50;

/** Projects by band: bars hidden from assistive technology, the same numbers in the table below. */
function BandBars({ byBand }: { byBand: BandCounts }) {
  const labels = useIndicatorLabels();
  const max = Math.max(1, ...bandKeys.map((b) => byBand[b]));
  const rowH = 26;
  const labelW = 230;
  const width = 560;
  return (
    <svg
      viewBox={`0 0 ${width} ${bandKeys.length * rowH}`}
      width="100%"
      style={{ maxWidth: width }}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {bandKeys.map((b, i) => (
        <g key={b} transform={`translate(0, ${i * rowH})`}>
          <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
            {labels.label('bands', b)}
          </text>
          <rect
            x={labelW}
            y={4}
            width={((width - labelW - 40) * byBand[b]) / max}
            height={rowH - 8}
            fill={bandColours[b]}
          />
          <text
            x={labelW + ((width - labelW - 40) * byBand[b]) / max + 4}
            y={rowH / 2 + 4}
            fontSize="11"
            fill="currentColor"
          >
            {byBand[b]}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * /projekty/portfel: the indicators of every project the user may read (a coordinator's own, a
 * ROPS analyst's region), from the stored figures: indicators by band, projects with their counts
 * by band, and progress per indicator across the projects.
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const labels = useIndicatorLabels();
  const programmes = useProgrammeFilterOptions();
  const [programme, setProgramme] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [institution, setInstitution] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query = usePortfolio({
    programme: programme ?? undefined,
    status: status ?? undefined,
    institution: institution ?? undefined,
    region: region ?? undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const d = query.data;
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Stack gap="lg">
      <PageTitle>{t('indicators.portfolio.title')}</PageTitle>
      <Text>{t('indicators.portfolio.lead')}</Text>
      <SectionCard titleId="portfolio-filters" title={t('indicators.portfolio.filters')}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.portfolio.programme')}
              data={programmes.options}
              value={programme}
              onChange={filter(setProgramme)}
              searchable
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.portfolio.status')}
              data={labels.options('projectStatuses')}
              value={status}
              onChange={filter(setStatus)}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <InstitutionSelect
              label={t('indicators.portfolio.institution')}
              value={institution}
              onChange={filter((v: string | null) => setInstitution(v))}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('indicators.portfolio.region')}
              data={labels.options('regions')}
              value={region}
              onChange={filter(setRegion)}
              searchable
              clearable
            />
          </Grid.Col>
        </Grid>
      </SectionCard>
      <SectionCard
        titleId="portfolio-bands"
        title={t('indicators.portfolio.byBand')}
        query={{ ...query, skeletonHeight: 120 }}
      >
        {d && (
          <>
            <Text role="status">
              {t('indicators.portfolio.totals', {
                projects: d.totals.projects,
                indicators: d.totals.indicators,
              })}
            </Text>
            <BandBars byBand={d.totals.byBand} />
            <Table aria-labelledby="portfolio-bands">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('indicators.table.band')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.portfolio.indicators')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bandKeys.map((b) => (
                  <Table.Tr key={b}>
                    <Table.Th scope="row" fw={400}>
                      <BandBadge band={b} />
                    </Table.Th>
                    <Table.Td>{formatNumber(d.totals.byBand[b])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </SectionCard>
      {d && (
        <SectionCard titleId="portfolio-projects" title={t('indicators.portfolio.projects')}>
          {d.projects.length === 0 ? (
            <Text size="sm">{t('indicators.portfolio.noProjects')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={1100}>
              <Table striped data-testid="portfolio-projects">
                <caption>{t('indicators.portfolio.projectsCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.portfolio.project')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.portfolio.leader')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.portfolio.period')}</Table.Th>
                    <Table.Th scope="col">{t('indicators.portfolio.indicators')}</Table.Th>
                    {bandKeys.map((b) => (
                      <Table.Th scope="col" key={b}>
                        {labels.label('bands', b)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.projects.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={`/projekty/${p.id}?karta=wskazniki`}>
                          {p.shortTitle ?? p.title}
                        </Anchor>
                        <Text size="xs">
                          {p.number} · {labels.label('projectStatuses', p.status)}
                        </Text>
                      </Table.Th>
                      <Table.Td>{p.leader.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                        </Text>
                        <Text size="xs">
                          {t('indicators.portfolio.elapsed', { rate: formatRate(p.elapsed) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{p.indicators}</Table.Td>
                      {bandKeys.map((b) => (
                        <Table.Td key={b}>{p.byBand[b]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <ListPagination total={d.totals.projects} pageSize={PAGE} page={page} onChange={setPage} />
        </SectionCard>
      )}
      {d && d.indicators.length > 0 && (
        <SectionCard
          titleId="portfolio-indicators"
          title={t('indicators.portfolio.perIndicator')}
          description={t('indicators.portfolio.perIndicatorHint')}
        >
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <VisuallyHidden component="caption">{t('indicators.portfolio.perIndicator')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('indicators.table.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.portfolio.projectCount')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.table.target')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.table.value')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.values.achieved')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.portfolio.bands')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.indicators.map((i) => (
                  <Table.Tr key={i.definitionId}>
                    <Table.Th scope="row" fw={400}>
                      {i.code ? `${i.code} ` : ''}
                      {i.name}
                      <Text size="xs">
                        {labels.label('types', i.type)} · {labels.label('units', i.unit)}
                      </Text>
                    </Table.Th>
                    <Table.Td>{i.projects}</Table.Td>
                    <Table.Td>{i.target === null ? '—' : formatValue(i.target, i.unit)}</Table.Td>
                    <Table.Td>{i.current === null ? '—' : formatValue(i.current, i.unit)}</Table.Td>
                    <Table.Td>{formatRate(i.achieved)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {bandKeys
                          .filter((b) => i.byBand[b] > 0)
                          .map((b) => `${labels.label('bands', b)}: ${i.byBand[b]}`)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </SectionCard>
      )}
    </Stack>
  );
}
