import type { Role, UserStatus } from '@kooperacja/domain';
import { Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { InstitutionSelect } from './InstitutionSelect';
import { ListPagination } from './ListPagination';
import { UserTable } from './UserTable';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useUrlParams } from './useUrlParams';
import { useUserSearch } from './useUserSearch';

const PAGE_SIZE = 25;
const STATUSES: UserStatus[] = ['active', 'blocked'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/admin/uzytkownicy`: the users the signed-in administrator manages, filters kept in the URL. */
export function UsersPage() {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const { get, update, page } = useUrlParams();
  const institutionId = UUID.test(get('instytucja')) ? get('instytucja') : undefined;
  const role = (get('rola') || undefined) as Role | undefined;
  const statusParam = get('status');
  const status = (STATUSES as string[]).includes(statusParam) ? (statusParam as UserStatus) : undefined;

  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text should trigger this
  useEffect(() => {
    if (get('q') !== debouncedQ) update({ q: debouncedQ });
  }, [debouncedQ]);

  const search = useUserSearch({
    q: get('q') || undefined,
    institutionId,
    role,
    status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = search.data?.total ?? 0;
  const title = t('admin.users.title');
  const newUserLink = institutionId
    ? `/admin/uzytkownicy/nowy?instytucja=${institutionId}`
    : '/admin/uzytkownicy/nowy';

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs items={[{ label: title }]} />
        <Group justify="space-between" align="flex-end">
          <PageTitle>{title}</PageTitle>
          {search.data?.abilities.create && (
            <Button component={Link} to={newUserLink}>
              {t('admin.users.add')}
            </Button>
          )}
        </Group>
        <Text maw={820}>{t('admin.users.lead')}</Text>
      </Stack>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('admin.users.filters')}>
        <TextInput
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          flex="1 1 220px"
          rightSection={search.isFetching ? <Loader size={16} /> : null}
        />
        <InstitutionSelect
          label={t('admin.users.institution')}
          placeholder={t('admin.any')}
          active="all"
          value={institutionId ?? null}
          onChange={(id) => update({ instytucja: id })}
          w={300}
        />
        <Select
          label={t('admin.users.role')}
          placeholder={t('admin.any')}
          data={labels.options.roles}
          value={role ?? null}
          onChange={(v) => update({ rola: v })}
          clearable
          w={240}
        />
        <Select
          label={t('admin.users.statusFilter')}
          placeholder={t('admin.any')}
          data={STATUSES.map((s) => ({ value: s, label: t(`admin.users.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => update({ status: v })}
          clearable
          w={160}
        />
      </Group>

      {search.error && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending && !search.error && <Loader role="img" aria-label={t('admin.loading')} />}
      {search.data && (
        <Stack gap="sm">
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? t('admin.users.noResults')
              : t('admin.users.results', { count: total, formatted: formatNumber(total) })}
          </Text>
          {search.data.items.length > 0 && (
            <UserTable users={search.data.items} caption={t('admin.users.tableCaption')} />
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
