import type { UnitLevel } from '@kooperacja/domain';
import { Grid, Group, Loader, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { isUnitLevel, unitLevels } from './levels';
import { PickerDemo } from './PickerDemo';
import { UnitTable } from './UnitTable';
import { useUnitIndex } from './useUnitIndex';
import { useUnitSearch } from './useUnitSearch';
import { WithoutGeometryList } from './WithoutGeometryList';

const PAGE_SIZE = 25;
const ALL = 'wszystkie';

/** The search state lives in the URL (?q=&poziom=&woj=&strona=) so results can be linked and restored. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const levelParam = params.get('poziom');
  // Without a chosen level, an empty search lists the województwa and a typed one searches all levels.
  const level: UnitLevel | undefined = isUnitLevel(levelParam)
    ? levelParam
    : levelParam === ALL || params.get('q')
      ? undefined
      : 'wojewodztwo';
  const within = params.get('woj') ?? undefined;
  const page = Math.max(1, Number(params.get('strona')) || 1);

  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const { data: index } = useUnitIndex();

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!('strona' in changes)) next.delete('strona');
        return next;
      },
      { replace: true },
    );
  };

  // Debounced text goes to the URL (and from there to the query).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text should trigger this
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedQ) update({ q: debouncedQ || null });
  }, [debouncedQ]);

  const urlQ = params.get('q') ?? '';
  const enabled = urlQ.length > 0 || level !== undefined;
  const search = useUnitSearch(
    { q: urlQ || undefined, level, within, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { enabled },
  );
  const total = search.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const wojewodztwa = [...(index?.values() ?? [])]
    .filter((u) => u.level === 'wojewodztwo')
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('territory.title')}</PageTitle>
        <Text maw={820}>{t('territory.lead')}</Text>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md" component="section" aria-label={t('nav.territoryList')}>
            <Group align="flex-end" gap="sm" role="search">
              <TextInput
                label={t('territory.search.label')}
                placeholder={t('territory.search.placeholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                type="search"
                flex="1 1 240px"
                rightSection={search.isFetching ? <Loader size={16} /> : null}
                data-testid="unit-search"
              />
              <Select
                label={t('territory.search.level')}
                value={level ?? ALL}
                onChange={(v) => update({ poziom: v })}
                allowDeselect={false}
                data={[
                  { value: ALL, label: t('territory.search.allLevels') },
                  ...unitLevels.map((l) => ({ value: l, label: t(`territory.levels.${l}`) })),
                ]}
                w={200}
              />
              <Select
                label={t('territory.search.within')}
                value={within ?? ''}
                onChange={(v) => update({ woj: v || null })}
                allowDeselect={false}
                data={[
                  { value: '', label: t('territory.search.allWojewodztwa') },
                  ...wojewodztwa.map((w) => ({ value: w.teryt, label: w.name })),
                ]}
                w={220}
              />
            </Group>

            {search.error && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
            {!enabled && <Text c="dimmed">{t('territory.search.hint')}</Text>}
            {enabled && search.data && (
              <>
                <Text size="sm" role="status" aria-live="polite">
                  {total === 0
                    ? t('territory.search.noResults')
                    : t('territory.search.results', { count: total, formatted: formatNumber(total) })}
                </Text>
                {search.data.items.length > 0 && (
                  <UnitTable units={search.data.items} caption={t('territory.search.tableCaption')} />
                )}
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={Math.min(page, pages)}
                    onChange={(p) => update({ strona: String(p) })}
                    getControlProps={(control) =>
                      control === 'previous'
                        ? { 'aria-label': t('territory.search.previousPage') }
                        : control === 'next'
                          ? { 'aria-label': t('territory.search.nextPage') }
                          : {}
                    }
                    getItemProps={(p) => ({ 'aria-label': t('territory.search.pageN', { page: p }) })}
                    aria-label={t('territory.search.page')}
                  />
                )}
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <PickerDemo />
            <WithoutGeometryList />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
