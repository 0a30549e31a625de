import { Anchor, Group, SegmentedControl, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useRegionLabels } from './labels';
import { useJstList } from './useJstList';
import { useRegionScope } from './useRegionScope';

type LevelFilter = 'all' | 'gmina' | 'powiat';

const fold = (s: string) =>
  s
    .toLocaleLowerCase('pl')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ł/g, 'l');

/** `/region/:woj/jst`: the register of the JST of a województwo, one row per gmina and powiat. */
export function JstRegisterListPage() {
  const { woj = '' } = useParams();
  const { t } = useTranslation();
  const labels = useRegionLabels();
  const scope = useRegionScope();
  const query = useJstList(woj);
  const [level, setLevel] = useState<LevelFilter>('all');
  const [search, setSearch] = useState('');
  const name = query.data?.woj.name ?? scope.data?.regions.find((r) => r.teryt === woj)?.name ?? woj;
  const rows = useMemo(() => {
    const q = fold(search.trim());
    return (query.data?.items ?? [])
      .filter((i) => level === 'all' || i.level === level)
      .filter((i) => !q || fold(i.name).includes(q) || i.teryt.startsWith(q))
      .sort((a, b) => a.teryt.localeCompare(b.teryt));
  }, [query.data, level, search]);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/region/${woj}`} size="sm">
        ← {t('region.register.backToMap')}
      </Anchor>
      <Stack gap="xs">
        <PageTitle>{t('region.register.title', { name })}</PageTitle>
        <Text maw={900}>{t('region.register.lead')}</Text>
      </Stack>
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="register-level-label">
            {t('region.register.filter')}
          </Text>
          <SegmentedControl
            aria-labelledby="register-level-label"
            value={level}
            onChange={(v) => setLevel(v as LevelFilter)}
            data={[
              { value: 'all', label: t('region.register.all') },
              { value: 'gmina', label: t('region.dashboard.levels.gmina') },
              { value: 'powiat', label: t('region.dashboard.levels.powiat') },
            ]}
          />
        </Stack>
        <TextInput
          label={t('region.register.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
      </Group>
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && <Skeleton height={320} aria-hidden />}
      {query.data && rows.length === 0 && <Text size="sm">{t('region.register.empty')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped captionSide="top">
            <Table.Caption>{t('region.register.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('region.register.unit')}</Table.Th>
                <Table.Th scope="col">{t('region.register.level')}</Table.Th>
                <Table.Th scope="col">{t('region.register.lpdi')}</Table.Th>
                <Table.Th scope="col">{t('region.register.resolution')}</Table.Th>
                <Table.Th scope="col">{t('region.register.cus')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('region.register.partnerships')}
                </Table.Th>
                <Table.Th scope="col">{t('region.register.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.teryt}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/region/${woj}/jst/${i.teryt}`} size="sm">
                      {i.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`territory.levels.${i.level}`)}</Table.Td>
                  <Table.Td>{labels.label('lpdiStatuses', i.lpdi?.status ?? 'brak')}</Table.Td>
                  <Table.Td>
                    {i.lpdi?.resolutionNumber
                      ? `${i.lpdi.resolutionNumber}${i.lpdi.adoptedOn ? `, ${formatDate(i.lpdi.adoptedOn)}` : ''}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {i.level !== 'gmina'
                      ? t('region.register.notApplicable')
                      : i.cus?.exists
                        ? t('region.values.cusYes')
                        : t('region.values.cusNo')}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(i.partnerships.active)}</Table.Td>
                  <Table.Td>{i.updatedAt ? formatDateTime(i.updatedAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
