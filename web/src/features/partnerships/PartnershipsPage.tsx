import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/useMe';
import { usePartnershipList } from './hooks';
import { usePartnershipLabels } from './labels';
import { MyActionItemsCard } from './MyActionItemsCard';
import { PartnershipForm } from './PartnershipForm';

/** /partnerstwa: the partnerships of the platform with filters, my action items, and "new partnership". */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const labels = usePartnershipLabels();
  const [teryt, setTeryt] = useState('');
  const [q, setQ] = useState('');
  const [model, setModel] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const terytOk = /^(\d{2}|\d{4}|\d{7})$/.test(teryt);
  const query = usePartnershipList({
    teryt: terytOk ? teryt : undefined,
    q: debouncedQ || undefined,
    model: model ?? undefined,
    status: status ?? undefined,
  });
  const canCreate = hasPermission(me, 'partnerships.manage');
  const items = query.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('partnerships.title')}</PageTitle>
        {canCreate && <Button onClick={() => setCreating(true)}>{t('partnerships.list.create')}</Button>}
      </Group>
      <Text>{t('partnerships.list.lead')}</Text>
      <MyActionItemsCard />
      <SectionCard
        titleId="partnership-list"
        title={t('partnerships.list.title')}
        query={{ ...query, skeletonHeight: 120 }}
      >
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('partnerships.list.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('partnerships.list.teryt')}
              description={t('partnerships.form.terytHint')}
              value={teryt}
              inputMode="numeric"
              onChange={(e) => setTeryt(e.currentTarget.value.trim())}
              error={teryt && !terytOk ? t('partnerships.form.terytFormat') : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('partnerships.form.model')}
              clearable
              data={labels.options('models')}
              value={model}
              onChange={setModel}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('partnerships.form.status')}
              clearable
              data={labels.options('statuses')}
              value={status}
              onChange={setStatus}
            />
          </Grid.Col>
        </Grid>
        {query.data && items.length === 0 && <Text size="sm">{t('partnerships.list.empty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-labelledby="partnership-list" data-testid="partnership-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('partnerships.form.name')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.list.territory')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.form.model')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.form.leaderInstitutionId')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.list.members')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.list.nextMeeting')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.form.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partnerstwa/${p.id}`}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {p.unitName} ({p.teryt})
                    </Table.Td>
                    <Table.Td>{labels.label('models', p.model)}</Table.Td>
                    <Table.Td>{p.leader.name}</Table.Td>
                    <Table.Td>{p.memberCount}</Table.Td>
                    <Table.Td>{p.nextMeetingAt ? formatDateTime(p.nextMeetingAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{labels.label('statuses', p.status)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('partnerships.list.create')}
        size="lg"
      >
        <PartnershipForm
          onCancel={() => setCreating(false)}
          onDone={(p) => navigate(`/partnerstwa/${p.id}`)}
        />
      </Modal>
    </Stack>
  );
}
