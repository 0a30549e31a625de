import {
  type QuestionKind,
  questionIssues,
  type Training,
  type TrainingQuestion,
  type TrainingQuestionInput,
} from '@kooperacja/domain';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  List,
  Modal,
  Radio,
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
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useQuestions } from './hooks';
import { useTrainingLabels } from './labels';
import { createQuestion, deleteQuestion, trainingKeys, updateQuestion } from './trainingsApi';

interface QuestionValues {
  kind: string;
  text: string;
  options: { key: string; text: string; correct: boolean }[];
  active: boolean;
}

let optionCounter = 0;
const newOption = () => {
  optionCounter += 1;
  return { key: `o-${optionCounter}`, text: '', correct: false };
};

const valuesOf = (q: TrainingQuestion | null): QuestionValues => ({
  kind: q?.kind ?? 'jednokrotny',
  text: q?.text ?? '',
  options: q
    ? q.options.map((o) => ({ key: o.id, text: o.text, correct: o.correct }))
    : [newOption(), newOption()],
  active: q?.active ?? true,
});

const inputOf = (v: QuestionValues): TrainingQuestionInput => ({
  kind: v.kind as QuestionKind,
  text: v.text.trim(),
  options: v.options.map((o) => ({ text: o.text.trim(), correct: o.correct })),
  active: v.active,
});

const formField = (path: string) => path.replace(/^body\./, '').replace(/^question\./, '');

/** A question of the bank: kind, text, 2–8 options with the correct ones ticked, active or not. */
function QuestionForm({
  trainingId,
  question,
  onDone,
}: {
  trainingId: string;
  question: TrainingQuestion | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState(false);
  const form = useForm<QuestionValues>({
    initialValues: valuesOf(question),
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (v.text.trim().length < 3) errors.text = t('trainings.rules.questionText');
      v.options.forEach((o, i) => {
        if (!o.text.trim()) errors[`options.${i}.text`] = t('trainings.rules.required');
      });
      if (v.options.length < 2 || v.options.length > 8) errors.options = t('trainings.rules.optionsCount');
      else {
        const issue = questionIssues(inputOf(v) as Parameters<typeof questionIssues>[0])[0];
        if (issue)
          errors.options =
            issue.code === 'training.question.singleNeedsOne'
              ? t('trainings.rules.singleNeedsOne')
              : t('trainings.rules.multipleNeedsOne');
      }
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (input: TrainingQuestionInput) =>
      question
        ? updateQuestion(trainingId, question.id, input, question.version)
        : createQuestion(trainingId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.questions(trainingId) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.one(trainingId), exact: true });
      onDone();
    },
    onError: (error) => {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(fieldErrorsOf(error)))
        errors[formField(field)] ??= message;
      form.setErrors(errors);
    },
  });
  const single = form.values.kind === 'jednokrotny';
  return (
    <form
      noValidate
      aria-label={question ? t('trainings.questions.editTitle') : t('trainings.questions.addTitle')}
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
        {isConflict(save.error) && <Text size="sm">{t('trainings.questions.conflict')}</Text>}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.form.fixErrors')}
          </Alert>
        )}
        <Radio.Group label={t('trainings.questions.kind')} withAsterisk {...form.getInputProps('kind')}>
          <Group gap="lg" mt={6}>
            {labels.options('questionKinds').map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('trainings.questions.text')}
          withAsterisk
          resize="vertical"
          rows={2}
          maxLength={1000}
          {...form.getInputProps('text')}
        />
        <Fieldset legend={t('trainings.questions.options')}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {single ? t('trainings.questions.singleHint') : t('trainings.questions.multipleHint')}
            </Text>
            {form.values.options.map((o, i) => (
              <Group key={o.key} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('trainings.questions.optionN', { n: i + 1 })}
                  withAsterisk
                  maxLength={300}
                  {...form.getInputProps(`options.${i}.text`)}
                />
                <Checkbox
                  mb={8}
                  label={t('trainings.questions.correct')}
                  aria-label={t('trainings.questions.correctN', { n: i + 1 })}
                  {...form.getInputProps(`options.${i}.correct`, { type: 'checkbox' })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={4}
                  disabled={form.values.options.length <= 2}
                  aria-label={t('trainings.questions.removeOption', { n: i + 1 })}
                  onClick={() => form.removeListItem('options', i)}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            {form.errors.options && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors.options}
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="default"
                disabled={form.values.options.length >= 8}
                onClick={() => form.insertListItem('options', newOption())}
              >
                {t('trainings.questions.addOption')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Checkbox
          label={t('trainings.questions.active')}
          description={t('trainings.questions.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('trainings.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('trainings.questions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Pytania testu (organiser): the question bank the tests before and after draw from. */
export function QuestionsTab({ training }: { training: Training }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const query = useQuestions(training.id);
  const [editing, setEditing] = useState<TrainingQuestion | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (q: TrainingQuestion) => deleteQuestion(training.id, q),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.questions(training.id) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.one(training.id), exact: true });
    },
  });
  const items = query.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('trainings.questions.lead', { threshold: training.passThreshold })}</Text>
        <Button onClick={() => setEditing('new')}>{t('trainings.questions.addTitle')}</Button>
      </Group>
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {query.isPending && <Skeleton height={120} />}
      {query.data && items.length === 0 && <Text>{t('trainings.questions.empty')}</Text>}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('trainings.questions.listLabel')}
        >
          {items.map((q, i) => (
            <Card key={q.id} component="li" withBorder padding="sm">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Text fw={600}>
                    {i + 1}. {q.text}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" tt="none">
                      {labels.label('questionKinds', q.kind)}
                    </Badge>
                    {!q.active && (
                      <Badge variant="outline" color="gray.8" tt="none">
                        {t('trainings.questions.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Group>
                <List size="sm">
                  {q.options.map((o) => (
                    <List.Item key={o.id}>
                      {o.text}
                      {o.correct ? ` — ${t('trainings.questions.correctMark')}` : ''}
                    </List.Item>
                  ))}
                </List>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('trainings.questions.editN', { n: i + 1 })}
                    onClick={() => setEditing(q)}
                  >
                    {t('trainings.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('trainings.questions.deleteN', { n: i + 1 })}
                    loading={remove.isPending && remove.variables?.id === q.id}
                    onClick={() => {
                      if (window.confirm(t('trainings.questions.confirmDelete'))) remove.mutate(q);
                    }}
                  >
                    {t('trainings.delete')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('trainings.questions.addTitle') : t('trainings.questions.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <QuestionForm
            trainingId={training.id}
            question={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
