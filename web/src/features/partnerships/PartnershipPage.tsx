import { Anchor, Badge, Box, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { AgreementsTab } from './AgreementsTab';
import { DashboardTab } from './DashboardTab';
import { usePartnership } from './hooks';
import { usePartnershipLabels } from './labels';
import { MeetingsTab } from './MeetingsTab';
import { MembersTab } from './MembersTab';
import { PartnershipForm } from './PartnershipForm';

const tabs = ['czlonkowie', 'porozumienia', 'spotkania', 'pulpit'] as const;
type Tab = (typeof tabs)[number];

/** /partnerstwa/:id: the partnership's card with tabs for members, agreements, meetings and the dashboard. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const query = usePartnership(id);
  const p = query.data;
  const tab: Tab = params.get('spotkanie')
    ? 'spotkania'
    : (tabs as readonly string[]).includes(params.get('karta') ?? '')
      ? (params.get('karta') as Tab)
      : 'czlonkowie';
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!p) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/partnerstwa" size="sm">
        {t('partnerships.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle>{p.name}</PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{labels.label('statuses', p.status)}</Badge>
            <Text size="sm">
              {labels.label('kinds', p.kind)} · {labels.label('models', p.model)} · {p.unitName} ({p.teryt})
            </Text>
          </Group>
        </div>
        {p.abilities.manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('partnerships.page.edit')}
          </Button>
        )}
      </Group>
      <Box
        component="dl"
        m={0}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xl)' }}
      >
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('partnerships.form.leaderInstitutionId')}
          </Text>
          <Text component="dd" m={0}>
            {p.leader.name}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('partnerships.form.strategicPartnerInstitutionId')}
          </Text>
          <Text component="dd" m={0}>
            {p.strategicPartner?.name ?? '—'}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('partnerships.page.animator')}
          </Text>
          <Text component="dd" m={0}>
            {p.animator?.name ?? '—'}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('partnerships.page.period')}
          </Text>
          <Text component="dd" m={0}>
            {formatDate(p.startsOn)} – {p.endsOn ? formatDate(p.endsOn) : t('partnerships.page.open')}
          </Text>
        </div>
      </Box>
      {p.description && <Text>{p.description}</Text>}
      {!p.abilities.manage && (
        <Text size="sm" c="dimmed">
          {t('partnerships.page.readOnly')}
        </Text>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'czlonkowie' ? { karta: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="czlonkowie">{t('partnerships.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="porozumienia">{t('partnerships.tabs.agreements')}</Tabs.Tab>
          <Tabs.Tab value="spotkania">{t('partnerships.tabs.meetings')}</Tabs.Tab>
          <Tabs.Tab value="pulpit">{t('partnerships.tabs.dashboard')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="czlonkowie" pt="md">
          <MembersTab partnership={p} />
        </Tabs.Panel>
        <Tabs.Panel value="porozumienia" pt="md">
          <AgreementsTab partnership={p} />
        </Tabs.Panel>
        <Tabs.Panel value="spotkania" pt="md">
          <MeetingsTab partnership={p} />
        </Tabs.Panel>
        <Tabs.Panel value="pulpit" pt="md">
          <DashboardTab partnershipId={p.id} />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('partnerships.page.edit')} size="lg">
        <PartnershipForm
          partnership={p}
          onCancel={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      </Modal>
    </Stack>
  );
}
