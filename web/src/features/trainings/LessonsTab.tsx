import type { Lesson, LessonInput, LessonKind, Training } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatNumber } from '../../lib/format';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useLessons } from './hooks';
import { useTrainingLabels } from './labels';
import {
  createLesson,
  deleteLesson,
  lessonFileUrl,
  trainingKeys,
  updateLesson,
  uploadLessonFile,
} from './trainingsApi';

interface LessonValues {
  title: string;
  kind: string;
  body: string;
  videoUrl: string;
  altText: string;
  position: number | string;
}

const valuesOf = (l: Lesson | null, nextPosition: number): LessonValues => ({
  title: l?.title ?? '',
  kind: l?.kind ?? 'tekst',
  body: l?.body ?? '',
  videoUrl: l?.videoUrl ?? '',
  altText: l?.altText ?? '',
  position: l?.position ?? nextPosition,
});

const inputOf = (v: LessonValues): LessonInput => ({
  title: v.title.trim(),
  kind: v.kind as LessonKind,
  body: v.body.trim() || null,
  videoUrl: v.kind === 'wideo' ? v.videoUrl.trim() || null : null,
  altText: v.kind === 'obraz' ? v.altText.trim() || null : null,
  position: Number(v.position),
});

const formField = (path: string) => path.replace(/^body\./, '').replace(/^lesson\./, '');
const withFile = (kind: string) => kind === 'obraz' || kind === 'plik';

/** "2,4 MB" / "512 kB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000)
    return `${new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1000)))} kB`;
}

/**
 * A lesson (LessonInput): title, kind, the text (or the description, caption, transcript), the
 * video's address, the image's text alternative, the position; an image or a file is sent after
 * the lesson is saved (multipart, field `file`).
 */
function LessonForm({
  trainingId,
  lesson,
  nextPosition,
  onDone,
}: {
  trainingId: string;
  lesson: Lesson | null;
  nextPosition: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [invalid, setInvalid] = useState(false);
  const form = useForm<LessonValues>({
    initialValues: valuesOf(lesson, nextPosition),
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (v.title.trim().length < 2) errors.title = t('trainings.rules.required');
      if (v.kind === 'tekst' && !v.body.trim()) errors.body = t('trainings.rules.required');
      if (v.kind === 'wideo' && !/^https:\/\/\S+$/.test(v.videoUrl.trim()))
        errors.videoUrl = t('trainings.rules.https');
      if (v.kind === 'obraz' && !v.altText.trim()) errors.altText = t('trainings.rules.altText');
      const p = Number(v.position);
      if (!Number.isInteger(p) || p < 0 || p > 1000) errors.position = t('trainings.rules.position');
      return errors;
    },
  });
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: trainingKeys.lessons(trainingId) });
    void queryClient.invalidateQueries({ queryKey: trainingKeys.one(trainingId), exact: true });
  };
  const save = useMutation({
    mutationFn: async (input: LessonInput) => {
      const saved = lesson
        ? await updateLesson(trainingId, lesson.id, input, lesson.version)
        : await createLesson(trainingId, input);
      return file && withFile(input.kind)
        ? uploadLessonFile(trainingId, saved.id, file, saved.version)
        : saved;
    },
    onSuccess: () => {
      invalidate();
      onDone();
    },
    onError: (error) => {
      invalidate();
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(fieldErrorsOf(error)))
        errors[formField(field)] ??= message;
      form.setErrors(errors);
    },
  });
  const kind = form.values.kind;
  return (
    <form
      noValidate
      aria-label={lesson ? t('trainings.lessons.editTitle') : t('trainings.lessons.addTitle')}
      onSubmit={form.onSubmit(
        (v) => {
          setInvalid(false);
          save.mutate(inputOf(v));
        },
        () => setInvalid(true),
      )}
    >
      <Stack>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {isConflict(save.error) && <Text size="sm">{t('trainings.lessons.conflict')}</Text>}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.form.fixErrors')}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('trainings.lessons.title')}
              withAsterisk
              maxLength={200}
              {...form.getInputProps('title')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={t('trainings.lessons.position')}
              description={t('trainings.lessons.positionHint')}
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('position')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Select
              label={t('trainings.lessons.kind')}
              withAsterisk
              allowDeselect={false}
              data={labels.options('lessonKinds')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={
                kind === 'tekst'
                  ? t('trainings.lessons.bodyText')
                  : kind === 'wideo'
                    ? t('trainings.lessons.transcript')
                    : t('trainings.lessons.description')
              }
              description={kind === 'tekst' ? t('trainings.lessons.bodyHint') : undefined}
              withAsterisk={kind === 'tekst'}
              resize="vertical"
              rows={kind === 'tekst' ? 8 : 3}
              maxLength={50_000}
              {...form.getInputProps('body')}
            />
          </Grid.Col>
          {kind === 'wideo' && (
            <Grid.Col span={12}>
              <TextInput
                type="url"
                label={t('trainings.lessons.videoUrl')}
                description={t('trainings.lessons.videoUrlHint')}
                withAsterisk
                maxLength={500}
                {...form.getInputProps('videoUrl')}
              />
            </Grid.Col>
          )}
          {kind === 'obraz' && (
            <Grid.Col span={12}>
              <Textarea
                label={t('trainings.lessons.altText')}
                description={t('trainings.lessons.altTextHint')}
                withAsterisk
                resize="vertical"
                rows={2}
                maxLength={500}
                {...form.getInputProps('altText')}
              />
            </Grid.Col>
          )}
          {withFile(kind) && (
            <Grid.Col span={12}>
              <FileInput
                label={kind === 'obraz' ? t('trainings.lessons.image') : t('trainings.lessons.file')}
                description={
                  lesson?.file
                    ? t('trainings.lessons.currentFile', {
                        name: lesson.file.filename,
                        size: formatSize(lesson.file.size),
                      })
                    : t('trainings.lessons.fileHint')
                }
                accept={kind === 'obraz' ? 'image/png,image/jpeg,image/webp' : undefined}
                clearable
                value={file}
                onChange={setFile}
              />
            </Grid.Col>
          )}
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('trainings.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('trainings.lessons.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Lekcje (organiser): the e-learning lessons in their order; add, change, delete, attach a file. */
export function LessonsTab({ training }: { training: Training }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const query = useLessons(training.id);
  const [editing, setEditing] = useState<Lesson | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (l: Lesson) => deleteLesson(training.id, l),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.lessons(training.id) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.one(training.id), exact: true });
    },
  });
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const nextPosition = items.length ? Math.max(...items.map((l) => l.position)) + 1 : 0;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('trainings.lessons.lead')}</Text>
        <Button onClick={() => setEditing('new')}>{t('trainings.lessons.addTitle')}</Button>
      </Group>
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {query.isPending && <Skeleton height={120} />}
      {query.data && items.length === 0 && <Text>{t('trainings.lessons.empty')}</Text>}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('trainings.lessons.listLabel')}
        >
          {items.map((l) => (
            <Card key={l.id} component="li" withBorder padding="sm">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Text fw={600}>
                    {l.position}. {l.title}
                  </Text>
                  <Group gap={6}>
                    <Badge variant="light" tt="none">
                      {labels.label('lessonKinds', l.kind)}
                    </Badge>
                    {l.file && (
                      <Anchor href={lessonFileUrl(training.id, l.id)} size="sm" download={l.file.filename}>
                        {t('trainings.lessons.fileLink', {
                          name: l.file.filename,
                          size: formatSize(l.file.size),
                        })}
                      </Anchor>
                    )}
                    {withFile(l.kind) && !l.file && (
                      <Text size="sm" c="red.9">
                        {t('trainings.lessons.noFile')}
                      </Text>
                    )}
                  </Group>
                </Stack>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('trainings.lessons.editName', { title: l.title })}
                    onClick={() => setEditing(l)}
                  >
                    {t('trainings.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('trainings.lessons.deleteName', { title: l.title })}
                    loading={remove.isPending && remove.variables?.id === l.id}
                    onClick={() => {
                      if (window.confirm(t('trainings.lessons.confirmDelete', { title: l.title })))
                        remove.mutate(l);
                    }}
                  >
                    {t('trainings.delete')}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('trainings.lessons.addTitle') : t('trainings.lessons.editTitle')}
        size="xl"
      >
        {editing !== null && (
          <LessonForm
            trainingId={training.id}
            lesson={editing === 'new' ? null : editing}
            nextPosition={nextPosition}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
