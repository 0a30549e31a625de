import { SMEFS_IMPORT_MAX_BYTES, type SmefsImport } from '@kooperacja/domain';
import {
  Alert,
  Box,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatNumber } from '../../lib/format';
import { confirmImport, discardImport, ERRORS_PAGE, fetchImport, smefsKeys, uploadImport } from './smefsApi';

const MAX_MB = Math.round(SMEFS_IMPORT_MAX_BYTES / (1024 * 1024));
const busy = (s: SmefsImport['status']) => s === 'walidacja' || s === 'zapisywanie';

/** Progress of checking or saving: a bar when the total is known, with the same words for screen readers. */
function ImportProgress({ imp }: { imp: SmefsImport }) {
  const { t } = useTranslation();
  const saving = imp.status === 'zapisywanie';
  const known = imp.rowCount > 0;
  const percent = known ? Math.min(100, Math.round((imp.processed / imp.rowCount) * 100)) : 0;
  const text = known
    ? t(saving ? 'smefs.import.savingProgress' : 'smefs.import.checkingProgress', {
        processed: formatNumber(imp.processed),
        total: formatNumber(imp.rowCount),
        percent,
      })
    : t('smefs.import.checkingCount', { processed: formatNumber(imp.processed) });
  return (
    <Stack gap="xs">
      {known ? (
        <Progress value={percent} size="lg" aria-label={text} animated />
      ) : (
        <Loader size="sm" aria-hidden />
      )}
      <Text role="status" aria-live="polite">
        {text}
      </Text>
    </Stack>
  );
}

/** The per-row problems of the file, paged: row number as a spreadsheet shows it, column, message. */
function RowErrors({
  imp,
  offset,
  onOffset,
}: {
  imp: SmefsImport;
  offset: number;
  onOffset: (n: number) => void;
}) {
  const { t } = useTranslation();
  if (imp.errors.length === 0) return null;
  const last = offset + imp.errors.length;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Caption>
            {t('smefs.import.errorsCaption', {
              from: formatNumber(offset + 1),
              to: formatNumber(last),
              total: formatNumber(imp.errorCount),
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('smefs.import.row')}</Table.Th>
              <Table.Th scope="col">{t('smefs.import.column')}</Table.Th>
              <Table.Th scope="col">{t('smefs.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several problems in a fixed order
              <Table.Tr key={`${e.row}-${i}`}>
                <Table.Td>{e.row > 0 ? formatNumber(e.row) : t('smefs.import.wholeFile')}</Table.Td>
                <Table.Td>{e.header ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {imp.errorCount > ERRORS_PAGE && (
        <Group>
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - ERRORS_PAGE))}
          >
            {t('smefs.report.previous')}
          </Button>
          <Button
            variant="default"
            disabled={last >= imp.errorCount}
            onClick={() => onOffset(offset + ERRORS_PAGE)}
          >
            {t('smefs.report.next')}
          </Button>
        </Group>
      )}
    </>
  );
}

/**
 * The import wizard: choose a file → it is checked on the server (progress) → the preview with every
 * row's problems, nothing written yet → save (all rows or none, progress) → what was written. The
 * import's id stays in the address (`?import=`), so the page can be reloaded at any step.
 */
export function ImportWizard({
  projectId,
  importId,
  onImport,
}: {
  projectId: string;
  importId: string | null;
  onImport: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [errorsOffset, setErrorsOffset] = useState(0);
  const query = useQuery({
    queryKey: smefsKeys.import(projectId, importId ?? '', errorsOffset),
    queryFn: ({ signal }) => fetchImport(projectId, importId as string, errorsOffset, signal),
    enabled: !!importId,
    refetchInterval: (q) => (q.state.data && busy(q.state.data.status) ? 1000 : false),
  });
  const imp = importId ? query.data : undefined;
  const upload = useMutation({
    mutationFn: (f: File) => uploadImport(projectId, f),
    onSuccess: (started) => {
      setFile(null);
      setErrorsOffset(0);
      queryClient.setQueryData(smefsKeys.import(projectId, started.id, 0), started);
      onImport(started.id);
    },
  });
  const confirm = useMutation({
    mutationFn: (i: SmefsImport) => confirmImport(projectId, i),
    onSuccess: (saving) =>
      queryClient.setQueryData(smefsKeys.import(projectId, saving.id, errorsOffset), saving),
  });
  const discard = useMutation({
    mutationFn: (id: string) => discardImport(projectId, id),
    onSuccess: () => onImport(null),
  });
  const startOver = () => {
    setErrorsOffset(0);
    upload.reset();
    confirm.reset();
    onImport(null);
  };
  // Once saved, the report counts the new participants.
  const saved = imp?.status === 'zapisany';
  useEffect(() => {
    if (saved) void queryClient.invalidateQueries({ queryKey: smefsKeys.reports(projectId) });
  }, [saved, queryClient, projectId]);
  const tooLarge = file && file.size > SMEFS_IMPORT_MAX_BYTES;

  return (
    <SectionCard titleId="smefs-import" title={t('smefs.import.title')} description={t('smefs.import.lead')}>
      {!importId && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file && !tooLarge) upload.mutate(file);
          }}
        >
          <Stack gap="sm">
            {upload.error ? <ProblemAlert error={upload.error} /> : null}
            <FileInput
              label={t('smefs.import.file')}
              description={t('smefs.import.fileHint', { mb: MAX_MB })}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              error={tooLarge ? t('smefs.import.tooLarge', { mb: MAX_MB }) : undefined}
            />
            <Group>
              <Button type="submit" disabled={!file || !!tooLarge} loading={upload.isPending}>
                {t('smefs.import.check')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {importId && query.error ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {importId && !imp && !query.error && <Text>{t('common.loading')}</Text>}
      {imp && (
        <Stack gap="sm">
          <Text size="sm">
            {t('smefs.import.fileName', { name: imp.filename, format: imp.format.toUpperCase() })}
          </Text>
          {busy(imp.status) && <ImportProgress imp={imp} />}
          {imp.notices.length > 0 && (
            <Alert color="blue" title={t('smefs.import.notices')}>
              <List size="sm">
                {imp.notices.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {imp.status === 'bledy' && (
            <Alert color="red" title={t('smefs.import.errorsTitle')}>
              {t('smefs.import.errors', { count: imp.errorRows, rows: formatNumber(imp.rowCount) })}
            </Alert>
          )}
          {imp.status === 'gotowy' && (
            <Alert color="green" title={t('smefs.import.readyTitle')}>
              {t('smefs.import.ready', { count: imp.rowCount })}
            </Alert>
          )}
          {imp.status === 'niepowodzenie' && (
            <Alert color="red" title={t('smefs.import.failedTitle')}>
              {imp.failure}
            </Alert>
          )}
          {imp.status === 'zapisany' && imp.result && (
            <Alert color="green" title={t('smefs.import.savedTitle')}>
              <Box component="ul" m={0} pl="md">
                <li>{t('smefs.import.savedParticipants', { count: imp.result.participants })}</li>
                <li>{t('smefs.import.savedPersonsCreated', { count: imp.result.personsCreated })}</li>
                <li>{t('smefs.import.savedPersonsMatched', { count: imp.result.personsMatched })}</li>
                <li>{t('smefs.import.savedActivities', { count: imp.result.activitiesCreated })}</li>
                <li>{t('smefs.import.savedEpisodes', { count: imp.result.episodes })}</li>
              </Box>
            </Alert>
          )}
          <RowErrors imp={imp} offset={errorsOffset} onOffset={setErrorsOffset} />
          {confirm.error ? <ProblemAlert error={confirm.error} /> : null}
          {discard.error ? <ProblemAlert error={discard.error} /> : null}
          <Group>
            {imp.abilities.confirm && (
              <Button onClick={() => confirm.mutate(imp)} loading={confirm.isPending}>
                {t('smefs.import.confirm', { count: imp.rowCount })}
              </Button>
            )}
            {imp.abilities.discard && imp.status !== 'zapisany' && (
              <Button variant="default" onClick={() => discard.mutate(imp.id)} loading={discard.isPending}>
                {imp.status === 'gotowy' ? t('smefs.import.cancel') : t('smefs.import.another')}
              </Button>
            )}
            {imp.status === 'zapisany' && (
              <Button variant="default" onClick={startOver}>
                {t('smefs.import.new')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
