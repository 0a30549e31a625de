import type { Case } from '@kooperacja/domain';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { CaseDataForm } from './CaseDataForm';
import { CaseWorkersForm } from './CaseWorkersForm';

/** The "Dane i zespół" tab: the case's source, reasons and description; its lead and co-workers. */
export function CaseDataSection({ data }: { data: Case }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionCard
        titleId="case-data"
        title={t('cases.page.data.title')}
        description={data.abilities.update ? undefined : t('cases.page.data.readOnly')}
      >
        <CaseDataForm data={data} />
      </SectionCard>
      <SectionCard
        titleId="case-workers"
        title={t('cases.page.workers.title')}
        description={
          data.abilities.assignWorkers ? t('cases.page.workers.lead') : t('cases.page.workers.readOnly')
        }
      >
        <CaseWorkersForm data={data} />
      </SectionCard>
    </Stack>
  );
}
