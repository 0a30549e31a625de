import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../auth/useMe';
import { ApprovalsTab } from './ApprovalsTab';
import { CatalogueTab } from './CatalogueTab';
import { ManagedTab } from './ManagedTab';
import { MyTrainingsTab } from './MyTrainingsTab';

const tabs = ['katalog', 'moje', 'akceptacja', 'prowadzone'] as const;
type Tab = (typeof tabs)[number];

/**
 * `/szkolenia`: the catalogue of published trainings; the user's own registrations; for a head of
 * an institution the self-registrations of their staff waiting for approval; for an organiser the
 * trainings they run (drafts too). The tab is in the URL (`?karta=`).
 */
export function TrainingsPage() {
  const { t } = useTranslation();
  const canApprove = useCan('trainings.approve');
  const canManage = useCan('trainings.manage');
  const [params, setParams] = useSearchParams();
  const available: Tab[] = tabs.filter(
    (tab) => (tab !== 'akceptacja' || canApprove) && (tab !== 'prowadzone' || canManage),
  );
  const requested = params.get('karta') ?? '';
  const tab: Tab = (available as string[]).includes(requested) ? (requested as Tab) : 'katalog';
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('trainings.title')}</PageTitle>
        <Text mt={4}>{t('trainings.lead')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'katalog' ? { karta: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="katalog">{t('trainings.tabs.catalogue')}</Tabs.Tab>
          <Tabs.Tab value="moje">{t('trainings.tabs.mine')}</Tabs.Tab>
          {canApprove && <Tabs.Tab value="akceptacja">{t('trainings.tabs.approvals')}</Tabs.Tab>}
          {canManage && <Tabs.Tab value="prowadzone">{t('trainings.tabs.managed')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="katalog" pt="md">
          <CatalogueTab />
        </Tabs.Panel>
        <Tabs.Panel value="moje" pt="md">
          <MyTrainingsTab />
        </Tabs.Panel>
        {canApprove && (
          <Tabs.Panel value="akceptacja" pt="md">
            <ApprovalsTab />
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="prowadzone" pt="md">
            <ManagedTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
