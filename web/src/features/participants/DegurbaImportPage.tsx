import type { DegurbaImportResult } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { useParticipantLabels } from './labels';
import { fetchDegurbaSummary, importDegurba, participantKeys } from './participantsApi';

/**
 * `/admin/degurba`: the system administrator's import of the DEGURBA table (`teryt;degurba` per
 * line). "Sprawdź plik" lists every wrong line and writes nothing; "Importuj" writes all rows or none.
 */
export function DegurbaImportPage() {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const allowed = useCan('system.admin');
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<DegurbaImportResult | null>(null);
  const summary = useQuery({
    queryKey: participantKeys.degurbaSummary,
    queryFn: ({ signal }) => fetchDegurbaSummary(signal),
    enabled: allowed,
  });
  const run = useMutation({
    mutationFn: (apply: boolean) => importDegurba(csv, apply),
    onSuccess: (r) => {
      setChecked(r);
      if (r.applied) {
        void queryClient.invalidateQueries({ queryKey: participantKeys.degurbaSummary });
        void queryClient.invalidateQueries({ queryKey: ['degurba'] });
      }
    },
  });
  const change = (text: string) => {
    setCsv(text);
    setChecked(null);
    run.reset();
  };
  const title = t('participants.degurba.title');
  if (!allowed)
    return (
      <Stack gap="lg">
        <PageTitle>{title}</PageTitle>
        <Text>{t('participants.degurba.noAccess')}</Text>
      </Stack>
    );
  const s = summary.data;
  const canImport = !!checked && !checked.applied && checked.errors.length === 0 && checked.rows > 0;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin" size="sm">
        ← {t('participants.degurba.back')}
      </Anchor>
      <Stack gap="xs">
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('participants.degurba.lead')}</Text>
      </Stack>
      <SectionCard
        titleId="degurba-state"
        title={t('participants.degurba.state')}
        query={{ ...summary, skeletonHeight: 60 }}
      >
        {s && (
          <Text>
            {t('participants.degurba.stateText', { total: s.total, gminas: s.gminas })}{' '}
            {(['1', '2', '3'] as const)
              .map((l) => `${labels.label('degurba', l)}: ${s.byLevel[l]}`)
              .join('; ')}
            {s.importedAt
              ? `. ${t('participants.degurba.importedAt', { at: formatDateTime(s.importedAt) })}`
              : ''}
          </Text>
        )}
      </SectionCard>
      <Card withBorder padding="lg" component="section" aria-labelledby="degurba-file">
        <Stack gap="sm">
          <Title order={2} size="h4" id="degurba-file">
            {t('participants.degurba.file')}
          </Title>
          <FileInput
            label={t('participants.degurba.chooseFile')}
            description={t('participants.degurba.format')}
            accept=".csv,.txt,text/csv,text/plain"
            clearable
            onChange={(file) => {
              if (!file) return change('');
              void file.text().then(change);
            }}
          />
          <Textarea
            label={t('participants.degurba.paste')}
            rows={8}
            value={csv}
            onChange={(e) => change(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {run.error ? <ProblemAlert error={run.error} /> : null}
          <Group>
            <Button
              variant="default"
              disabled={!csv.trim()}
              loading={run.isPending && !canImport}
              onClick={() => run.mutate(false)}
            >
              {t('participants.degurba.check')}
            </Button>
            <Button
              disabled={!canImport}
              loading={run.isPending && canImport}
              onClick={() => run.mutate(true)}
            >
              {t('participants.degurba.import')}
            </Button>
          </Group>
          {checked && (
            <div role="status" aria-live="polite">
              {checked.applied ? (
                <Alert color="green" title={t('participants.degurba.applied', { count: checked.rows })}>
                  {t('participants.degurba.changes', { count: checked.changes })}
                </Alert>
              ) : checked.errors.length ? (
                <Alert color="red" title={t('participants.degurba.errors', { count: checked.errors.length })}>
                  {t('participants.degurba.nothingWritten')}
                </Alert>
              ) : (
                <Alert color="blue" title={t('participants.degurba.ready', { count: checked.rows })}>
                  {t('participants.degurba.changes', { count: checked.changes })}
                </Alert>
              )}
            </div>
          )}
          {checked && checked.errors.length > 0 && (
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Caption>{t('participants.degurba.errorsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('participants.degurba.line')}</Table.Th>
                    <Table.Th scope="col">{t('participants.degurba.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checked.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.code}`}>
                      <Table.Td>{e.line || '—'}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
