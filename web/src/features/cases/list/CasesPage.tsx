import type { CaseListQuery } from '@kooperacja/domain';
import { Button, Checkbox, Group, Loader, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatNumber } from '../../../lib/format';
import { ListPagination } from '../../admin/ListPagination';
import { useUrlParams } from '../../admin/useUrlParams';
import { TerritoryPicker } from '../../territory/TerritoryPicker';
import { useCaseLabels } from '../shared/casesDictionaries';
import { CaseTable } from './CaseTable';
import { useCaseList } from './useCaseList';
import { useCaseWorkers } from './useCaseWorkers';

const PAGE_SIZE = 25;
const SORTS = ['opened_desc', 'opened_asc', 'next_due', 'status', 'name'] as const;
type Sort = (typeof SORTS)[number];
type Scope = CaseListQuery['scope'];
/** The status filter: open cases unless told otherwise ("wszystkie" = any status). */
const ALL = 'wszystkie';

/** Filters and results of one tab. */
function CaseListView({ scope, onCanCreate }: { scope: Scope; onCanCreate: (can: boolean) => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { get, update, page } = useUrlParams();
  const workers = useCaseWorkers({ enabled: scope === 'institution' });

  const statusParam = get('status');
  const status = statusParam === ALL ? undefined : ((statusParam || 'open') as CaseListQuery['status']);
  const reason = (get('powod') || undefined) as CaseListQuery['reason'];
  const workerId = scope === 'institution' ? get('pracownik') || undefined : undefined;
  const teryt = get('gmina') || undefined;
  const overdue = get('zalegle') === '1';
  const sortParam = get('sort') as Sort;
  const sort: Sort = SORTS.includes(sortParam) ? sortParam : 'opened_desc';

  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text should trigger this
  useEffect(() => {
    if (get('q') !== debouncedQ) update({ q: debouncedQ });
  }, [debouncedQ]);

  const list = useCaseList({
    scope,
    status,
    reason,
    workerId,
    teryt,
    overdue: overdue ? 'true' : undefined,
    q: get('q') || undefined,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = list.data?.total ?? 0;
  const canCreate = list.data?.abilities.create;
  useEffect(() => {
    if (canCreate !== undefined) onCanCreate(canCreate);
  }, [canCreate, onCanCreate]);
  const statusOptions = [
    { value: 'open', label: t('cases.list.statusOpen') },
    { value: ALL, label: t('cases.list.statusAll') },
    ...labels.options('statuses'),
  ];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" role="search" aria-label={t('cases.list.filters')}>
        <TextInput
          label={t('cases.list.q')}
          placeholder={t('cases.list.qPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          flex="1 1 220px"
          autoComplete="off"
          rightSection={
            list.isFetching ? <Loader size={16} role="img" aria-label={t('cases.list.loading')} /> : null
          }
        />
        <Select
          label={t('cases.list.status')}
          data={statusOptions}
          value={statusParam || 'open'}
          onChange={(v) => update({ status: v === 'open' ? null : v })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Select
          label={t('cases.list.reason')}
          placeholder={t('cases.list.any')}
          data={labels.options('reasons')}
          value={reason ?? null}
          onChange={(v) => update({ powod: v })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          w={260}
        />
        {scope === 'institution' && (
          <Select
            label={t('cases.list.worker')}
            placeholder={t('cases.list.anyWorker')}
            data={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
            value={workerId ?? null}
            onChange={(v) => update({ pracownik: v })}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            w={220}
          />
        )}
        <TerritoryPicker
          label={t('cases.list.gmina')}
          levels={['powiat', 'gmina']}
          value={teryt ?? null}
          onChange={(code) => update({ gmina: code })}
          w={240}
        />
        <Select
          label={t('cases.list.sort')}
          data={SORTS.map((s) => ({ value: s, label: t(`cases.list.sorts.${s}`) }))}
          value={sort}
          onChange={(v) => update({ sort: v === 'opened_desc' ? null : v })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Checkbox
          label={t('cases.list.overdueOnly')}
          checked={overdue}
          onChange={(e) => update({ zalegle: e.currentTarget.checked ? '1' : null })}
          mb={8}
        />
      </Group>

      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && !list.error && <Loader role="img" aria-label={t('cases.list.loading')} />}
      {list.data && (
        <Stack gap="sm">
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? scope === 'mine'
                ? t('cases.list.noResultsMine')
                : t('cases.list.noResults')
              : t('cases.list.results', { count: total, formatted: formatNumber(total) })}
          </Text>
          {list.data.items.length > 0 && (
            <CaseTable
              cases={list.data.items}
              caption={scope === 'mine' ? t('cases.list.captionMine') : t('cases.list.captionInstitution')}
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

/**
 * `/sprawy`: "Moje sprawy" (lead or co-worker) and "Sprawy instytucji" (all the user may see in the
 * active institution), with filters, sorting and pages kept in the URL.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const { get, update } = useUrlParams();
  const scope: Scope = get('zakres') === 'instytucja' ? 'institution' : 'mine';
  // The create ability comes with the list.
  const [canCreate, setCanCreate] = useState(false);
  const title = t('cases.list.title');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <PageTitle>{title}</PageTitle>
          {canCreate && (
            <Button component={Link} to="/sprawy/nowa">
              {t('cases.list.new')}
            </Button>
          )}
        </Group>
        <Text maw={820}>{t('cases.list.lead')}</Text>
      </Stack>
      <Tabs
        value={scope}
        keepMounted={false}
        onChange={(v) => update({ zakres: v === 'institution' ? 'instytucja' : null, pracownik: null })}
      >
        <Tabs.List aria-label={t('cases.list.tabs')}>
          <Tabs.Tab value="mine">{t('cases.list.mine')}</Tabs.Tab>
          <Tabs.Tab value="institution">{t('cases.list.institution')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine" pt="md">
          <CaseListView scope="mine" onCanCreate={setCanCreate} />
        </Tabs.Panel>
        <Tabs.Panel value="institution" pt="md">
          <CaseListView scope="institution" onCanCreate={setCanCreate} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
