import type { CatalogueImportResult } from '@kooperacja/domain';
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useImportCatalogue } from './useProgrammeMutations';

/** Reads a chosen file as text (File.text() is missing in some test environments). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * Import of a JSON catalogue in two steps: the chosen file is checked by a dry run on the server
 * (what would be created, changed, left as is — or every error with its JSON path), then imported
 * on confirmation, all in one transaction.
 */
export function ProgrammeImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const mutation = useImportCatalogue();
  const [file, setFile] = useState<File | null>(null);
  const [document, setDocument] = useState<unknown>(null);
  const [report, setReport] = useState<CatalogueImportResult | null>(null);
  const [parseError, setParseError] = useState(false);

  const choose = async (f: File | null) => {
    setFile(f);
    setReport(null);
    setDocument(null);
    setParseError(false);
    mutation.reset();
    if (!f) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readText(f));
    } catch {
      setParseError(true);
      return;
    }
    setDocument(parsed);
    mutation.mutate({ document: parsed, dryRun: true }, { onSuccess: setReport });
  };

  const confirm = () =>
    mutation.mutate(
      { document, dryRun: false },
      {
        onSuccess: (done) => {
          notifications.show({
            color: 'green',
            message: t('programmes.import.done', {
              created: done.created,
              updated: done.updated,
              unchanged: done.unchanged,
            }),
          });
          onDone();
        },
      },
    );

  const nothingToDo = report && report.created === 0 && report.updated === 0;

  return (
    <Stack gap="md">
      <Text size="sm">{t('programmes.import.intro')}</Text>
      <FileInput
        label={t('programmes.import.file')}
        placeholder={t('programmes.import.choose')}
        accept="application/json,.json"
        value={file}
        onChange={(f) => void choose(f)}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      {parseError && (
        <Alert color="red" variant="light" role="alert">
          {t('programmes.import.notJson')}
        </Alert>
      )}
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      {mutation.isPending && (
        <Text size="sm" role="status">
          {t('programmes.import.checking')}
        </Text>
      )}
      {report && (
        <section aria-labelledby="programme-import-report">
          <Text component="h3" fw={600} size="sm" id="programme-import-report">
            {t('programmes.import.reportTitle')}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('programmes.import.created', { count: report.created })}</List.Item>
            <List.Item>{t('programmes.import.updated', { count: report.updated })}</List.Item>
            <List.Item>{t('programmes.import.unchanged', { count: report.unchanged })}</List.Item>
          </List>
        </section>
      )}
      <Group>
        <Button
          onClick={confirm}
          disabled={!report || Boolean(nothingToDo)}
          loading={mutation.isPending && Boolean(report)}
        >
          {t('programmes.import.confirm')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('programmes.form.cancel')}
        </Button>
      </Group>
      {nothingToDo && <Text size="sm">{t('programmes.import.nothingToDo')}</Text>}
    </Stack>
  );
}
