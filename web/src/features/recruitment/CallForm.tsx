import {
  type Call,
  type CallInput,
  type Clause,
  defaultCallClauses,
  type Question,
} from '@kooperacja/domain';
import {
  Button,
  Card,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from '../admin/fieldErrors';
import { useRecruitmentLabels } from './labels';
import { createCall, recruitmentKeys, updateCall } from './recruitmentApi';

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the picker's local "YYYY-MM-DD HH:mm:ss". */
export const toLocal = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
};
const toIso = (local: string | null) => (local ? new Date(local.replace(' ', 'T')).toISOString() : '');

/** A key for a question or clause made from its label: lowercase ASCII, digits, underscores. */
export function keyOf(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'p_$1')
      .slice(0, 30) || 'pole';
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

/**
 * Creates or changes a call: code, name, dates, places, the kinds of form, extra questions, and
 * the clauses (information, consents, declarations) with their legal bases. A new call starts with
 * the default clauses to be adapted.
 */
export function CallForm({
  projectId,
  call,
  onDone,
  onCancel,
}: {
  projectId: string;
  call?: Call;
  onDone: (c: Call) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(call?.code ?? '');
  const [name, setName] = useState(call?.name ?? '');
  const [description, setDescription] = useState(call?.description ?? '');
  const [opensAt, setOpensAt] = useState<string | null>(call ? toLocal(call.opensAt) : null);
  const [closesAt, setClosesAt] = useState<string | null>(call ? toLocal(call.closesAt) : null);
  const [placesTotal, setPlacesTotal] = useState<number | string>(call?.placesTotal ?? 20);
  const [formKinds, setFormKinds] = useState<string[]>(call?.formKinds ?? ['wsparcie']);
  const [status, setStatus] = useState<string>(call?.status ?? 'projekt');
  const [questions, setQuestions] = useState<Question[]>(call?.questions ?? []);
  const [clauses, setClauses] = useState<Clause[]>(call?.clauses ?? defaultCallClauses());
  const save = useMutation({
    mutationFn: () => {
      const body: CallInput = {
        code: code.trim(),
        name: name.trim(),
        description: description.trim() || null,
        opensAt: toIso(opensAt),
        closesAt: toIso(closesAt),
        placesTotal: Number(placesTotal || 0),
        formKinds: formKinds as CallInput['formKinds'],
        questions,
        clauses,
        status: status as CallInput['status'],
      };
      return call ? updateCall(projectId, call.id, body, call.version) : createCall(projectId, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(projectId) });
      onDone(saved);
    },
  });
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(save.error)).map(([k, v]) => [k.replace(/^call\./, ''), v]),
  );
  const setQuestion = (i: number, q: Partial<Question>) =>
    setQuestions(questions.map((x, j) => (j === i ? ({ ...x, ...q } as Question) : x)));
  const setClause = (i: number, c: Partial<Clause>) =>
    setClauses(clauses.map((x, j) => (j === i ? ({ ...x, ...c } as Clause) : x)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label={
        call ? t('recruitment.call.editTitle', { name: call.name }) : t('recruitment.call.newTitle')
      }
    >
      <Stack>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('recruitment.call.code')}
              description={t('recruitment.call.codeHint')}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              error={errors.code}
              maxLength={30}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('recruitment.call.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('recruitment.call.description')}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateTimePicker
              label={t('recruitment.call.opensAt')}
              required
              valueFormat="DD.MM.YYYY HH:mm"
              value={opensAt}
              onChange={setOpensAt}
              error={errors.opensAt}
              popoverProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateTimePicker
              label={t('recruitment.call.closesAt')}
              required
              valueFormat="DD.MM.YYYY HH:mm"
              value={closesAt}
              onChange={setClosesAt}
              error={errors.closesAt}
              popoverProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={t('recruitment.call.placesTotal')}
              required
              min={0}
              value={placesTotal}
              onChange={setPlacesTotal}
              error={errors.placesTotal}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Checkbox.Group
              label={t('recruitment.call.formKinds')}
              value={formKinds}
              onChange={setFormKinds}
              error={errors.formKinds}
            >
              <Stack gap={4} mt={4}>
                {labels.options('formKinds').map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('recruitment.call.status')}
              description={t('recruitment.call.statusHint')}
              data={labels.options('callStatuses')}
              value={status}
              onChange={(v) => setStatus(v ?? 'projekt')}
              allowDeselect={false}
              error={errors.status}
            />
          </Grid.Col>
        </Grid>

        <Text fw={600} id="call-questions-title">
          {t('recruitment.call.questions')}
        </Text>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="call-questions-title"
        >
          {questions.map((q, i) => (
            <Card key={q.key} withBorder padding="sm" component="li">
              <Group justify="flex-end">
                <CloseButton
                  aria-label={t('recruitment.call.removeQuestion', { label: q.label || q.key })}
                  onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
                />
              </Group>
              <Grid>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label={t('recruitment.call.questionLabel')}
                    required
                    value={q.label}
                    onChange={(e) => setQuestion(i, { label: e.currentTarget.value })}
                    error={errors[`questions.${i}.label`]}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t('recruitment.call.questionType')}
                    data={labels.options('questionTypes')}
                    value={q.type}
                    onChange={(v) => setQuestion(i, { type: (v ?? 'tekst') as Question['type'] })}
                    allowDeselect={false}
                  />
                </Grid.Col>
                {q.type === 'wybor' && (
                  <Grid.Col span={12}>
                    <Textarea
                      label={t('recruitment.call.questionOptions')}
                      description={t('recruitment.call.questionOptionsHint')}
                      rows={2}
                      value={(q.options ?? []).join('\n')}
                      onChange={(e) => setQuestion(i, { options: e.currentTarget.value.split('\n') })}
                      onBlur={() =>
                        setQuestion(i, { options: (q.options ?? []).map((o) => o.trim()).filter(Boolean) })
                      }
                      error={errors[`questions.${i}.options`]}
                    />
                  </Grid.Col>
                )}
                <Grid.Col span={12}>
                  <Switch
                    label={t('recruitment.call.questionRequired')}
                    checked={q.required}
                    onChange={(e) => setQuestion(i, { required: e.currentTarget.checked })}
                  />
                </Grid.Col>
              </Grid>
            </Card>
          ))}
        </Stack>
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setQuestions([
                ...questions,
                {
                  key: keyOf(
                    `pytanie ${questions.length + 1}`,
                    questions.map((q) => q.key),
                  ),
                  label: '',
                  type: 'tekst',
                  required: false,
                },
              ])
            }
          >
            {t('recruitment.call.addQuestion')}
          </Button>
        </Group>

        <Text fw={600} id="call-clauses-title">
          {t('recruitment.call.clauses')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('recruitment.call.clausesHint')}
        </Text>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="call-clauses-title"
        >
          {clauses.map((c, i) => (
            <Card key={c.key} withBorder padding="sm" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {labels.label('clauseKinds', c.kind)}
                </Text>
                <CloseButton
                  aria-label={t('recruitment.call.removeClause', { title: c.title || c.key })}
                  onClick={() => setClauses(clauses.filter((_, j) => j !== i))}
                />
              </Group>
              <Grid>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label={t('recruitment.call.clauseTitle')}
                    required
                    value={c.title}
                    onChange={(e) => setClause(i, { title: e.currentTarget.value })}
                    error={errors[`clauses.${i}.title`]}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t('recruitment.call.clauseKind')}
                    data={labels.options('clauseKinds')}
                    value={c.kind}
                    onChange={(v) => setClause(i, { kind: (v ?? 'zgoda') as Clause['kind'] })}
                    allowDeselect={false}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea
                    label={t('recruitment.call.clauseText')}
                    required
                    rows={3}
                    value={c.text}
                    onChange={(e) => setClause(i, { text: e.currentTarget.value })}
                    error={errors[`clauses.${i}.text`]}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Checkbox.Group
                    label={t('recruitment.call.legalBases')}
                    value={c.legalBases}
                    onChange={(v) => setClause(i, { legalBases: v as Clause['legalBases'] })}
                    error={errors[`clauses.${i}.legalBases`]}
                  >
                    <Stack gap={4} mt={4}>
                      {labels.options('legalBases').map((o) => (
                        <Checkbox key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                </Grid.Col>
                <Grid.Col span={12}>
                  <Switch
                    label={t('recruitment.call.clauseRequired')}
                    checked={c.required}
                    onChange={(e) => setClause(i, { required: e.currentTarget.checked })}
                  />
                </Grid.Col>
              </Grid>
            </Card>
          ))}
        </Stack>
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setClauses([
                ...clauses,
                {
                  key: keyOf(
                    `zgoda ${clauses.length + 1}`,
                    clauses.map((c) => c.key),
                  ),
                  kind: 'zgoda',
                  title: '',
                  text: '',
                  legalBases: ['art6_1_a'],
                  required: false,
                },
              ])
            }
          >
            {t('recruitment.call.addClause')}
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('recruitment.common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('recruitment.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
