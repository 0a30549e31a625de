import type { Attachment, TimelineKind } from '@kooperacja/domain';
import {
  Button,
  Checkbox,
  FileInput,
  Grid,
  Group,
  List,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { isApiError } from '../../../../lib/api';
import { authKeys } from '../../../auth/useMe';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { DraftNotice } from '../../shared/DraftNotice';
import { useDraft } from '../../shared/useDraft';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_MB, uploadAttachment } from '../caseApi';
import { localInputToIso, toLocalInput } from '../dates';
import { formErrorsOf } from '../formErrors';
import { formatSize } from './kindIcons';
import { useAddTimelineEntry } from './useAddTimelineEntry';

export interface TimelineEntryValues {
  kind: TimelineKind;
  occurredAt: string;
  title: string;
  body: string;
  sensitive: boolean;
}

interface FileItem {
  file: File;
  progress: number | null;
  attachment: Attachment | null;
  error: string | null;
}

const MAX_FILES = 10;
const USER_KINDS: readonly TimelineKind[] = ['wizyta', 'rozmowa', 'telefon', 'notatka', 'dokument'];

/**
 * "Dodaj wpis": a visit, conversation, phone call, note or document with its date and time (now by
 * default), title, text, the "sensitive" mark and files. Each file is uploaded first (with its
 * progress shown), then the entry is created with the files' ids. The text is kept as a draft.
 */
export function TimelineEntryForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const queryClient = useQueryClient();
  const add = useAddTimelineEntry(caseId);
  const [files, setFiles] = useState<FileItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const form = useForm<TimelineEntryValues>({
    initialValues: { kind: 'wizyta', occurredAt: toLocalInput(), title: '', body: '', sensitive: false },
    validate: {
      occurredAt: (v) => (localInputToIso(v) ? null : t('cases.timeline.dateInvalid')),
      title: (v) => (v.trim().length >= 2 ? null : t('cases.timeline.titleRequired')),
    },
  });
  const draft = useDraft<TimelineEntryValues>({
    form: 'timeline',
    recordId: caseId,
    values: form.values,
    dirty: form.isDirty(),
    onRestore: (d) => form.setValues(d.values),
  });

  const kindOptions = USER_KINDS.map((k) => ({ value: k, label: labels.label('timelineKinds', k) }));
  const tooLarge = (f: File) => f.size > ATTACHMENT_MAX_BYTES;
  const fileProblem = files.some((f) => tooLarge(f.file)) || files.length > MAX_FILES;

  const chooseFiles = (chosen: File[]) => {
    setUploadError(null);
    // Files already uploaded stay uploaded (a retry does not send them again).
    setFiles(
      chosen.map(
        (file) =>
          files.find((f) => f.file === file) ?? { file, progress: null, attachment: null, error: null },
      ),
    );
  };
  const patch = (file: File, change: Partial<FileItem>) =>
    setFiles((all) => all.map((f) => (f.file === file ? { ...f, ...change } : f)));

  const submit = form.onSubmit(async (v) => {
    if (fileProblem) return;
    const occurredAt = localInputToIso(v.occurredAt);
    if (!occurredAt) return;
    setUploading(true);
    setUploadError(null);
    const ids: string[] = [];
    for (const item of files) {
      if (item.attachment) {
        ids.push(item.attachment.id);
        continue;
      }
      try {
        patch(item.file, { progress: 0, error: null });
        const attachment = await uploadAttachment(caseId, item.file, (p) =>
          patch(item.file, { progress: p }),
        );
        patch(item.file, { attachment, progress: 1 });
        ids.push(attachment.id);
      } catch (error) {
        const message = isApiError(error) ? (error.problem.detail ?? error.problem.title) : String(error);
        patch(item.file, { error: message, progress: null });
        setUploadError(error);
        setUploading(false);
        if (isApiError(error) && error.status === 401)
          void queryClient.invalidateQueries({ queryKey: authKeys.me });
        return;
      }
    }
    setUploading(false);
    add.mutate(
      {
        kind: v.kind,
        occurredAt,
        title: v.title.trim(),
        body: v.body.trim() || null,
        sensitive: v.sensitive,
        attachmentIds: ids,
      },
      {
        onSuccess: () => {
          draft.clear();
          setFiles([]);
          notifications.show({ color: 'green', message: t('cases.timeline.added') });
          onDone();
        },
        onError: (error) => form.setErrors(formErrorsOf(error)),
      },
    );
  });

  const busy = uploading || add.isPending;

  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.timeline.formLabel')}>
      <Stack gap="md">
        <DraftNotice
          draft={draft.restored}
          onDiscard={() => {
            form.reset();
            draft.clear();
          }}
          onClose={draft.dismiss}
        />
        {add.error ? <ProblemAlert error={add.error} /> : null}
        {uploadError ? <ProblemAlert error={uploadError} /> : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('cases.timeline.kind')}
              required
              allowDeselect={false}
              data={kindOptions}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              type="datetime-local"
              label={t('cases.timeline.occurredAt')}
              required
              {...form.getInputProps('occurredAt')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('cases.timeline.title')}
              required
              maxLength={300}
              {...form.getInputProps('title')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('cases.timeline.body')}
              autosize
              minRows={4}
              maxLength={20000}
              {...form.getInputProps('body')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox
              label={t('cases.timeline.sensitive')}
              description={t('cases.timeline.sensitiveHint')}
              {...form.getInputProps('sensitive', { type: 'checkbox' })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <FileInput
              multiple
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              label={t('cases.timeline.files')}
              description={t('cases.timeline.filesHint', { mb: ATTACHMENT_MAX_MB, max: MAX_FILES })}
              placeholder={t('cases.timeline.filesPlaceholder')}
              accept={ATTACHMENT_ACCEPT}
              value={files.map((f) => f.file)}
              onChange={chooseFiles}
              error={
                files.length > MAX_FILES ? t('cases.timeline.tooManyFiles', { max: MAX_FILES }) : undefined
              }
              disabled={busy}
            />
          </Grid.Col>
        </Grid>
        {files.length > 0 && (
          <List spacing="xs" size="sm" listStyleType="none" aria-label={t('cases.timeline.chosenFiles')}>
            {files.map((f) => {
              const percent = Math.round((f.progress ?? 0) * 100);
              return (
                <List.Item key={`${f.file.name}:${f.file.size}:${f.file.lastModified}`}>
                  <Stack gap={2}>
                    <Text size="sm">
                      {f.file.name} ({formatSize(f.file.size)})
                      {f.attachment ? ` — ${t('cases.timeline.uploaded')}` : ''}
                    </Text>
                    {tooLarge(f.file) && (
                      <Text size="sm" c="red.8" role="alert">
                        {t('cases.page.common.fileTooLarge', { mb: ATTACHMENT_MAX_MB })}
                      </Text>
                    )}
                    {f.progress !== null && !f.attachment && (
                      <Progress
                        value={percent}
                        aria-label={t('cases.page.common.uploading', { name: f.file.name, percent })}
                      />
                    )}
                    {f.error && (
                      <Text size="sm" c="red.8">
                        {f.error}
                      </Text>
                    )}
                  </Stack>
                </List.Item>
              );
            })}
          </List>
        )}
        <Group gap="sm">
          <Button type="submit" loading={busy} disabled={fileProblem}>
            {t('cases.timeline.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              draft.clear();
              onDone();
            }}
            disabled={busy}
          >
            {t('cases.page.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
