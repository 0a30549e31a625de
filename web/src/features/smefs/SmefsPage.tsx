import { Anchor, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api';
import { useProject } from '../projects/useProject';
import { ImportWizard } from './ImportWizard';
import { fetchReport, smefsKeys } from './smefsApi';
import { ExportSection, ValidationReport } from './ValidationReport';

/**
 * `/projekty/:projectId/smefs`: the participants as the SM EFS monitoring system wants them — the
 * validation report (what is missing or wrong, per participant), the downloads (CSV, XLSX) and, for
 * the project's coordinators, the import of a file recorded elsewhere. Only the project team sees it.
 */
export function SmefsPage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [offset, setOffset] = useState(0);
  const project = useProject(projectId);
  const report = useQuery({
    queryKey: smefsKeys.report(projectId, offset),
    queryFn: ({ signal }) => fetchReport(projectId, offset, signal),
    placeholderData: keepPreviousData,
  });
  const importId = params.get('import');
  const title = t('smefs.page.title');
  const p = project.data;
  const teamOnly = isApiError(report.error) && report.error.status === 404;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/projekty/${projectId}`} size="sm">
        ← {p ? t('smefs.page.backTo', { title: p.shortTitle ?? p.title }) : t('smefs.page.back')}
      </Anchor>
      <div>
        <PageTitle documentTitle={p ? `${title} — ${p.number}` : title}>{title}</PageTitle>
        {p && (
          <Text mt={4}>
            {p.number} · {p.title}
          </Text>
        )}
      </div>
      {teamOnly ? (
        <SectionCard titleId="smefs-team-only" title={t('smefs.page.teamOnlyTitle')}>
          <Text>{t('smefs.page.teamOnly')}</Text>
        </SectionCard>
      ) : report.error ? (
        <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Text>{t('smefs.report.loading')}</Text>
      ) : (
        <>
          <ValidationReport projectId={projectId} report={report.data} offset={offset} onOffset={setOffset} />
          <ExportSection projectId={projectId} report={report.data} />
          {report.data.abilities.import && (
            <ImportWizard
              projectId={projectId}
              importId={importId}
              onImport={(id) => setParams(id ? { import: id } : {}, { replace: true })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
