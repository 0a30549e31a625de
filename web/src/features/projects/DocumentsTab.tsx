import type { Project, ProjectDocumentKind } from '@kooperacja/domain';
import { Anchor, Button, FileInput, Grid, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useProjectLabels } from './labels';
import { deleteDocument, documentUrl, projectKeys, uploadDocument } from './projectsApi';
import { useProjectDocuments } from './useProjectDocuments';

const MAX_MB = 10;

/** Dokumenty: the application, agreement, annexes, regulations and reports; each download is logged. */
export function DocumentsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const queryClient = useQueryClient();
  const query = useProjectDocuments(project.id);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string | null>('umowa');
  const [title, setTitle] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: projectKeys.documents(project.id) });
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadDocument(project.id, f, {
        kind: (kind ?? 'inny') as ProjectDocumentKind,
        title: title.trim() || undefined,
      }),
    onSuccess: () => {
      setFile(null);
      setTitle('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteDocument(project.id, id),
    onSuccess: refresh,
  });
  const items = query.data?.items ?? [];
  const manage = query.data?.abilities.manage ?? false;
  const tooLarge = file && file.size > MAX_MB * 1024 * 1024;
  return (
    <SectionCard
      titleId="project-documents"
      title={t('projects.documents.title')}
      description={t('projects.documents.lead')}
      query={{ ...query, skeletonHeight: 120 }}
    >
      {query.data && items.length === 0 && <Text>{t('projects.documents.empty')}</Text>}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>{t('projects.documents.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.documents.docTitle')}</Table.Th>
                <Table.Th scope="col">{t('projects.documents.kind')}</Table.Th>
                <Table.Th scope="col">{t('projects.documents.file')}</Table.Th>
                <Table.Th scope="col">{t('projects.documents.added')}</Table.Th>
                {manage && <Table.Th scope="col">{t('projects.partners.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={documentUrl(project.id, d.id)} download={d.filename}>
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{labels.label('documentKinds', d.kind)}</Table.Td>
                  <Table.Td>
                    {d.filename}
                    <Text size="xs" c="dimmed">
                      {t('projects.documents.size', {
                        kb: formatNumber(Math.max(1, Math.round(d.size / 1024))),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(d.uploadedAt)}
                    {d.uploadedBy && (
                      <Text size="xs" c="dimmed">
                        {d.uploadedBy}
                      </Text>
                    )}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('projects.documents.deleteNamed', { title: d.title })}
                        loading={remove.isPending && remove.variables === d.id}
                        onClick={() => {
                          if (window.confirm(t('projects.documents.confirmDelete', { title: d.title })))
                            remove.mutate(d.id);
                        }}
                      >
                        {t('projects.documents.delete')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file && !tooLarge) upload.mutate(file);
          }}
          aria-labelledby="project-documents-add"
        >
          <Text fw={600} id="project-documents-add" mt="sm">
            {t('projects.documents.add')}
          </Text>
          {upload.error ? <ProblemAlert error={upload.error} /> : null}
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Select
                label={t('projects.documents.kind')}
                data={labels.options('documentKinds')}
                value={kind}
                onChange={setKind}
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('projects.documents.docTitle')}
                description={t('projects.documents.titleHint')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <FileInput
                label={t('projects.documents.file')}
                description={t('projects.documents.fileHint', { mb: MAX_MB })}
                accept="application/pdf,image/png,image/jpeg"
                value={file}
                onChange={setFile}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                error={tooLarge ? t('projects.documents.tooLarge', { mb: MAX_MB }) : undefined}
              />
            </Grid.Col>
          </Grid>
          <Group mt="sm">
            <Button type="submit" disabled={!file || !!tooLarge} loading={upload.isPending}>
              {t('projects.documents.upload')}
            </Button>
          </Group>
        </form>
      )}
    </SectionCard>
  );
}
