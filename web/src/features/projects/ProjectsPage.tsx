import { formatAmount, formatRate } from '@kooperacja/domain';
import { Anchor, Badge, Button, Grid, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { ListPagination } from '../admin/ListPagination';
import { useUrlParams } from '../admin/useUrlParams';
import { useProjectLabels } from './labels';
import { useProgrammeFilterOptions } from './useProgrammeFilterOptions';
import { useProjectList } from './useProjectList';

const PAGE_SIZE = 25;

/**
 * `/projekty`: the portfolio of the projects the user may read — filters by programme (a programme,
 * axis or action with everything below it), status, institution (leader or partner), region and
 * text, all kept in the URL (`?programme=<node id>` links from the programme catalogue).
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const { get, update, page } = useUrlParams();
  const programmes = useProgrammeFilterOptions();
  const [text, setText] = useState(get('q'));
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== get('q')) update({ q: debounced });
  }, [debounced, get, update]);
  const list = useProjectList({
    programme: get('programme') || undefined,
    status: get('status') || undefined,
    institution: get('institution') || undefined,
    region: get('region') || undefined,
    q: get('q') || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('projects.title')}</PageTitle>
        {list.data?.abilities.create && (
          <Button component={Link} to="/projekty/nowy">
            {t('projects.list.create')}
          </Button>
        )}
      </Group>
      <Text>{t('projects.list.lead')}</Text>
      <SectionCard titleId="project-filters" title={t('projects.list.filters')}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('projects.list.programme')}
              description={t('projects.list.programmeHint')}
              data={programmes.options}
              value={get('programme') || null}
              onChange={(v) => update({ programme: v })}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('projects.fields.status')}
              data={labels.options('statuses')}
              value={get('status') || null}
              onChange={(v) => update({ status: v })}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('projects.list.region')}
              data={labels.options('regions')}
              value={get('region') || null}
              onChange={(v) => update({ region: v })}
              searchable
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <InstitutionSelect
              label={t('projects.list.institution')}
              description={t('projects.list.institutionHint')}
              active="all"
              value={get('institution') || null}
              onChange={(id) => update({ institution: id })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              type="search"
              label={t('projects.list.search')}
              description={t('projects.list.searchHint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>
      </SectionCard>
      <SectionCard
        titleId="project-list"
        title={t('projects.list.title')}
        query={{ ...list, skeletonHeight: 160 }}
      >
        {list.data && (
          <Text size="sm" role="status" aria-live="polite">
            {t('projects.list.found', { count: total })}
          </Text>
        )}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={960}>
            <Table striped data-testid="project-table">
              <Table.Caption>{t('projects.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.fields.number')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.leader')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.period')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('projects.money.totalValue')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('projects.money.euFunding')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.number}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/projekty/${p.id}`}>
                        {p.shortTitle ?? p.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {p.programme.path.map((s) => s.code).join(' › ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.leader.shortName ?? p.leader.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{labels.label('statuses', p.status)}</Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatAmount(p.totalValue)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatAmount(p.euFunding)}
                      <Text size="xs" c="dimmed">
                        {formatRate(p.euRate)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPagination
          total={total}
          pageSize={PAGE_SIZE}
          page={page}
          onChange={(p) => update({ strona: String(p) })}
        />
      </SectionCard>
    </Stack>
  );
}
