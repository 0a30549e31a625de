import type { TestKind, TestOutcome, TestSheet } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { useTestSheet } from './hooks';
import { useTrainingLabels } from './labels';
import { certificatePdfUrl, submitTest, trainingKeys } from './trainingsApi';

const isKind = (v: string | undefined): v is TestKind => v === 'wstepny' || v === 'koncowy';

/** The result of a sent test: points, percent, passed or not, attempts left, the certificate. */
function Outcome({
  outcome,
  registrationId,
  passThreshold,
  onRetry,
}: {
  outcome: TestOutcome;
  registrationId: string;
  passThreshold: number;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const final = outcome.kind === 'koncowy';
  return (
    <Stack gap="md">
      <Alert
        color={final ? (outcome.passed ? 'green' : 'red') : 'blue'}
        variant="light"
        role="status"
        title={
          final
            ? outcome.passed
              ? t('trainings.test.passed')
              : t('trainings.test.failed')
            : t('trainings.test.preDone')
        }
      >
        <Stack gap={4}>
          <Text>
            {t('trainings.test.score', {
              points: outcome.points,
              max: outcome.maxPoints,
              percent: outcome.percent,
            })}
          </Text>
          {final && <Text size="sm">{t('trainings.test.threshold', { threshold: passThreshold })}</Text>}
          {final && !outcome.passed && (
            <Text size="sm">{t('trainings.test.attemptsLeft', { count: outcome.attemptsLeft })}</Text>
          )}
          {outcome.raisedQualifications && <Text size="sm">{t('trainings.registration.raisedYes')}</Text>}
        </Stack>
      </Alert>
      {outcome.certificate && !outcome.certificate.revokedOn && (
        <Alert color="green" variant="outline" title={t('trainings.test.certificateIssued')}>
          <Stack gap={4}>
            <Text size="sm">
              {t('trainings.certificate.code')}: <strong>{outcome.certificate.code}</strong> ·{' '}
              {t('trainings.certificate.issuedOn', { date: formatDate(outcome.certificate.issuedOn) })}
            </Text>
            <Anchor href={certificatePdfUrl(registrationId)} download>
              {t('trainings.certificate.download')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <Group>
        {final && !outcome.passed && outcome.attemptsLeft > 0 && (
          <Button variant="default" onClick={onRetry}>
            {t('trainings.test.retry')}
          </Button>
        )}
        <Button component={Link} to={`/szkolenia/zapisy/${registrationId}`}>
          {t('trainings.test.backToRegistration')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The questions as a form: a fieldset with a legend each, radios for one answer, checkboxes for many. */
function Sheet({
  sheet,
  registrationId,
  onDone,
}: {
  sheet: TestSheet;
  registrationId: string;
  onDone: (outcome: TestOutcome) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [confirmUnanswered, setConfirmUnanswered] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const send = useMutation({
    mutationFn: () => submitTest(registrationId, sheet.kind, { answers }),
    onSuccess: (outcome) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.registration(registrationId) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.me() });
      onDone(outcome);
    },
  });
  const unanswered = sheet.questions.filter((q) => !(answers[q.id]?.length ?? 0)).length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unanswered > 0 && !confirmUnanswered) {
      setConfirmUnanswered(true);
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    send.mutate();
  };
  const total = sheet.questions.length;
  return (
    <form noValidate onSubmit={submit} aria-label={t('trainings.test.formLabel')}>
      <Stack gap="lg">
        {sheet.questions.map((q, i) => {
          const legend = t('trainings.test.question', { n: i + 1, total, text: q.text });
          const chosen = answers[q.id] ?? [];
          return (
            <Fieldset key={q.id} legend={legend}>
              <Text size="xs" c="dimmed" mb={6}>
                {q.kind === 'jednokrotny' ? t('trainings.test.chooseOne') : t('trainings.test.chooseMany')}
              </Text>
              {q.kind === 'jednokrotny' ? (
                <Radio.Group
                  value={chosen[0] ?? ''}
                  onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: [v] }))}
                  name={`q-${q.id}`}
                >
                  <Stack gap={8}>
                    {q.options.map((o) => (
                      <Radio key={o.id} value={o.id} label={o.text} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : (
                <Checkbox.Group value={chosen} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}>
                  <Stack gap={8}>
                    {q.options.map((o) => (
                      <Checkbox key={o.id} value={o.id} label={o.text} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Fieldset>
          );
        })}
        <div ref={alertRef} tabIndex={-1}>
          {confirmUnanswered && unanswered > 0 && (
            <Alert color="yellow" variant="light" role="alert">
              {t('trainings.test.unanswered', { count: unanswered })}
            </Alert>
          )}
        </div>
        {send.error ? <ProblemAlert error={send.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {confirmUnanswered && unanswered > 0 ? t('trainings.test.sendAnyway') : t('trainings.test.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * `/szkolenia/zapisy/:registrationId/test/:kind`: the test before or after the training. The
 * answers go whole; the answer is the score (one point per question answered exactly), whether it
 * passed, the attempts left and the certificate when one was issued.
 */
export function TestPage() {
  const { registrationId = '', kind: rawKind } = useParams();
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const kind: TestKind = isKind(rawKind) ? rawKind : 'wstepny';
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [round, setRound] = useState(0);
  const sheet = useTestSheet(registrationId, kind, isKind(rawKind) && outcome === null);
  const title = labels.label('testKinds', kind);
  const back = (
    <Anchor component={Link} to={`/szkolenia/zapisy/${registrationId}`} size="sm">
      ← {t('trainings.test.backToRegistration')}
    </Anchor>
  );
  if (!isKind(rawKind))
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>{t('trainings.test.unknownKind')}</PageTitle>
      </Stack>
    );
  return (
    <Stack gap="lg">
      {back}
      <div>
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {sheet.data && <Text mt={4}>{sheet.data.trainingTitle}</Text>}
      </div>
      {outcome ? (
        <Outcome
          outcome={outcome}
          registrationId={registrationId}
          passThreshold={sheet.data?.passThreshold ?? 0}
          onRetry={() => {
            queryClient.removeQueries({ queryKey: trainingKeys.sheet(registrationId, kind) });
            setRound((n) => n + 1);
            setOutcome(null);
          }}
        />
      ) : sheet.error ? (
        <ProblemAlert error={sheet.error} onRetry={() => void sheet.refetch()} />
      ) : !sheet.data ? (
        <Stack aria-busy="true">
          <Skeleton height={160} />
          <Text size="sm" role="status">
            {t('common.loading')}
          </Text>
        </Stack>
      ) : (
        <>
          <Stack gap={4}>
            <Title order={2} size="h5">
              {t('trainings.test.rulesTitle')}
            </Title>
            <Text size="sm">
              {kind === 'koncowy'
                ? t('trainings.test.rulesFinal', {
                    questions: sheet.data.questions.length,
                    threshold: sheet.data.passThreshold,
                    attempts: sheet.data.attemptsLeft,
                  })
                : t('trainings.test.rulesPre', { questions: sheet.data.questions.length })}
            </Text>
          </Stack>
          <Sheet key={round} sheet={sheet.data} registrationId={registrationId} onDone={setOutcome} />
        </>
      )}
    </Stack>
  );
}
