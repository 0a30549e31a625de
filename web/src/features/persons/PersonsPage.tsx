import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { ListPagination } from '../admin/ListPagination';
import { useUrlParams } from '../admin/useUrlParams';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { parsePolishDate, todayIso } from './dates';
import { PersonTable } from './PersonTable';
import { usePersonSearch } from './usePersonSearch';

const PAGE_SIZE = 25;

/**
 * `/osoby`: the persons in the user's scope. One box takes a name (any order, without Polish
 * letters, with typos) or a PESEL; birth date and gmina narrow it; the results come ranked.
 */
export function PersonsPage() {
  const { t } = useTranslation();
  const { get, update, page } = useUrlParams();
  const birthDate = get('ur') || undefined;
  const teryt = get('gmina') || undefined;

  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text should trigger this
  useEffect(() => {
    if (get('q') !== debouncedQ) update({ q: debouncedQ });
  }, [debouncedQ]);

  const query = get('q') || undefined;
  const search = usePersonSearch({
    q: query,
    birthDate,
    teryt,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = search.data?.total ?? 0;
  const criteria = Boolean(query || birthDate || teryt);
  const title = t('persons.search.title');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <PageTitle>{title}</PageTitle>
          {search.data?.abilities.create && (
            <Button component={Link} to="/osoby/nowa">
              {t('persons.search.register')}
            </Button>
          )}
        </Group>
        <Text maw={820}>{t('persons.search.lead')}</Text>
      </Stack>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('persons.search.filters')}>
        <TextInput
          label={t('persons.search.q')}
          description={t('persons.search.qHint')}
          placeholder={t('persons.search.qPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          flex="1 1 280px"
          autoComplete="off"
          rightSection={
            search.isFetching ? <Loader size={16} role="img" aria-label={t('persons.loading')} /> : null
          }
        />
        <DateInput
          label={t('persons.search.birthDate')}
          valueFormat="DD.MM.YYYY"
          dateParser={parsePolishDate}
          placeholder={t('persons.form.datePlaceholder')}
          maxDate={todayIso()}
          clearable
          value={birthDate ?? null}
          onChange={(v) => update({ ur: v ?? null })}
          popoverProps={{ withinPortal: true }}
          w={180}
        />
        <TerritoryPicker
          label={t('persons.search.gmina')}
          value={teryt ?? null}
          onChange={(code) => update({ gmina: code })}
          w={280}
        />
      </Group>

      {!criteria && (
        <Alert color="blue" variant="light" title={t('persons.search.scopeTitle')}>
          <Text size="sm">{t('persons.search.scope')}</Text>
        </Alert>
      )}

      {search.error && <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending && !search.error && <Loader role="img" aria-label={t('persons.loading')} />}
      {search.data && (
        <Stack gap="sm">
          <Text size="sm" role="status" aria-live="polite">
            {total === 0
              ? criteria
                ? t('persons.search.noResults')
                : t('persons.search.empty')
              : t('persons.search.results', { count: total, formatted: formatNumber(total) })}
          </Text>
          {search.data.items.length > 0 && (
            <PersonTable
              persons={search.data.items}
              caption={criteria ? t('persons.search.captionRanked') : t('persons.search.caption')}
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
