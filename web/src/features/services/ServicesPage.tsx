import type { ServiceSearchQuery } from '@kooperacja/domain';
import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useUrlParams } from '../admin/useUrlParams';
import { useMe } from '../auth/useMe';
import { ServiceFilterFields } from './ServiceFilterFields';
import { ServiceResults } from './ServiceResults';
import { ServicesMap } from './ServicesMap';
import type { ServiceFilters } from './servicesApi';
import { useServiceSearch } from './useServiceSearch';

const PAGE_SIZE = 20;

/** URL parameter ↔ filter (Polish parameter names, like the other lists). */
const PARAMS = {
  q: 'q',
  area: 'obszar',
  type: 'rodzaj',
  targetGroup: 'dla',
  teryt: 'teryt',
  sector: 'sektor',
  freeOnly: 'wolne',
} as const satisfies Record<keyof Omit<ServiceFilters, 'active' | 'institutionId'>, string>;

/** Whether the user may add services (also told by the list's `abilities.create`). */
export const mayKeepServices = (permissions: readonly string[]) =>
  ['institution.admin', 'partnerships.manage', 'system.admin'].some((p) => permissions.includes(p));

/**
 * `/zasoby`: the resource map — search by need, type or area, target group, gmina, sector and free
 * places; results as cards or on the map (counts per gmina; clicking a gmina filters the list).
 * Filters, view and page live in the URL.
 */
export function ServicesPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { get, update, page } = useUrlParams();
  const view = get('widok') === 'mapa' ? 'map' : 'list';

  const filters = useMemo((): ServiceFilters => {
    const f: ServiceFilters = {};
    for (const [key, param] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
      const v = get(param);
      if (v) (f as Record<string, string>)[key] = key === 'freeOnly' ? (v === '1' ? 'true' : '') : v;
    }
    if (!f.freeOnly) delete f.freeOnly;
    return f as ServiceFilters;
  }, [get]);

  const onChange = useCallback(
    (changes: Partial<ServiceFilters>) => {
      const url: Record<string, string | null> = {};
      for (const [key, value] of Object.entries(changes) as [keyof typeof PARAMS, string | undefined][]) {
        const param = PARAMS[key];
        if (!param) continue;
        url[param] = key === 'freeOnly' ? (value === 'true' ? '1' : null) : (value ?? null);
      }
      update(url);
    },
    [update],
  );

  const list = useServiceSearch(
    { ...(filters as Partial<ServiceSearchQuery>), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { enabled: view === 'list' },
  );
  const canCreate = list.data?.abilities.create ?? mayKeepServices(me?.permissions ?? []);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <PageTitle>{t('services.title')}</PageTitle>
          {canCreate && (
            <Button component={Link} to="/zasoby/nowa">
              {t('services.add')}
            </Button>
          )}
        </Group>
        <Text maw={820}>{t('services.lead')}</Text>
      </Stack>
      <ServiceFilterFields value={filters} onChange={onChange} loading={list.isFetching} />
      <Tabs value={view} keepMounted={false} onChange={(v) => update({ widok: v === 'map' ? 'mapa' : null })}>
        <Tabs.List aria-label={t('services.view.label')}>
          <Tabs.Tab value="list">{t('services.view.list')}</Tabs.Tab>
          <Tabs.Tab value="map">{t('services.view.map')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <ServiceResults
            query={list}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={(p) => update({ strona: String(p) })}
            headingOrder={2}
          />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          <ServicesMap
            filters={filters}
            onSelectGmina={(teryt) => update({ teryt, widok: null })}
            onShowList={() => update({ widok: null })}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
