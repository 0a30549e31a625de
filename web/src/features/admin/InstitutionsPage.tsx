import type { InstitutionType, Sector } from '@kooperacja/domain';
import { Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { InstitutionTable } from './InstitutionTable';
import { ListPagination } from './ListPagination';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useInstitutionSearch } from './useInstitutionSearch';
import { useUrlParams } from './useUrlParams';

const PAGE_SIZE = 25;
const ACTIVE = ['true', 'false', 'all'] as const;
type ActiveFilter = (typeof ACTIVE)[number];

/** `/admin/instytucje`: the registry of institutions with filters kept in the URL. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const { get, update, page } = useUrlParams();
  const activeParam = get('aktywne');
  const active: ActiveFilter = (ACTIVE as readonly string[]).includes(activeParam)
    ? (activeParam as ActiveFilter)
    : 'true';
  const type = (get('typ') || undefined) as InstitutionType | undefined;
  const sector = (get('sektor') || undefined) as Sector | undefined;
  const teryt = get('teryt') || undefined;

  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text should trigger this
  useEffect(() => {
    if (get('q') !== debouncedQ) update({ q: debouncedQ });
  }, [debouncedQ]);

  const search = useInstitutionSearch({
    q: get('q') || undefined,
    type,
    sector,
    teryt,
    active,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = search.data?.total ?? 0;
  const title = t('admin.institutions.title');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs items={[{ label: title }]} />
        <Group justify="space-between" align="flex-end">
          <PageTitle>{title}</PageTitle>
          {search.data?.abilities.create && (
            <Button component={Link} to="/admin/instytucje/nowa">
              {t('admin.institutions.add')}
            </Button>
          )}
        </Group>
        <Text maw={820}>{t('admin.institutions.lead')}</Text>
      </Stack>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('admin.institutions.filters')}>
        <TextInput
          label={t('admin.institutions.search')}
          placeholder={t('admin.institutions.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          flex="1 1 240px"
          rightSection={search.isFetching ? <Loader size={16} /> : null}
        />
        <Select
          label={t('admin.institutions.type')}
          placeholder={t('admin.any')}
          data={labels.options.institutionTypes}
          value={type ?? null}
          onChange={(v) => update({ typ: v })}
          clearable
          searchable
          w={260}
        />
        <Select
          label={t('admin.institutions.sector')}
          placeholder={t('admin.any')}
          data={labels.options.sectors}
          value={sector ?? null}
          onChange={(v) => update({ sektor: v })}
          clearable
          w={220}
        />
        <TerritoryPicker
          label={t('admin.institutions.unit')}
          levels={['wojewodztwo', 'powiat', 'gmina']}
          value={teryt ?? null}
          onChange={(code) => update({ teryt: code })}
          w={280}
        />
        <Select
          label={t('admin.institutions.activeFilter')}
          data={ACTIVE.map((a) => ({ value: a, label: t(`admin.institutions.activeOptions.${a}`) }))}
          value={active}
          onChange={(v) => update({ aktywne: v === 'true' ? null : v })}
          allowDeselect={false}
          w={160}
        />
      </Group>

      {search.error && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending && !search.error && <Loader role="img" aria-label={t('admin.loading')} />}
      {search.data && (
        <Stack gap="sm">
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? t('admin.institutions.noResults')
              : t('admin.institutions.results', { count: total, formatted: formatNumber(total) })}
          </Text>
          {search.data.items.length > 0 && (
            <InstitutionTable
              institutions={search.data.items}
              caption={t('admin.institutions.tableCaption')}
            />
          )}
          <ListPagination
            total={total}
            pageSize={PAGE_SIZE}
            page={page}
            onChange={(p) => update({ strona: String(p) })}
          />
        </Stack>
      )}
    </Stack>
  );
}
