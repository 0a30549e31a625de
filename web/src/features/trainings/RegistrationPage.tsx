import type { Lesson, LessonList, Registration } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Image,
  NavLink,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { textColors } from '../../theme';
import {
  CertificateInfo,
  Facts,
  formatPeriod,
  Paragraphs,
  ReasonDialog,
  StatusWithPlace,
  useTestResultText,
} from './common';
import { useLessons, useOpenedLesson, useRegistration, useRegistrationChanged, useTraining } from './hooks';
import { formatSize } from './LessonsTab';
import { useTrainingLabels } from './labels';
import { completeLesson, lessonFileUrl, trainingKeys, withdrawRegistration } from './trainingsApi';

/** One lesson as the learner reads it, and the button that marks it done. */
function LessonView({
  trainingId,
  lesson: listed,
  next,
  onCompleted,
  onNext,
}: {
  trainingId: string;
  lesson: Lesson;
  /** The lesson after this one, offered once this one is completed. */
  next: Lesson | undefined;
  onCompleted: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  // Opening the lesson records that the learner started it; the list keeps its completion.
  const opened = useOpenedLesson(trainingId, listed.id);
  const lesson = { ...(opened.data ?? listed), completedAt: listed.completedAt };
  const complete = useMutation({
    mutationFn: () => completeLesson(trainingId, lesson.id),
    onSuccess: (saved) => {
      queryClient.setQueryData<LessonList>(trainingKeys.lessons(trainingId), (old) =>
        old ? { items: old.items.map((l) => (l.id === saved.id ? saved : l)) } : old,
      );
      onCompleted();
    },
  });
  const fileUrl = lessonFileUrl(trainingId, lesson.id);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`lesson-${lesson.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id={`lesson-${lesson.id}`}>
            {lesson.title}
          </Title>
          <Badge variant="light" tt="none">
            {labels.label('lessonKinds', lesson.kind)}
          </Badge>
        </Group>
        {lesson.kind === 'obraz' && lesson.file && (
          <figure style={{ margin: 0 }}>
            <Image src={fileUrl} alt={lesson.altText ?? ''} maw={720} radius="sm" />
          </figure>
        )}
        {lesson.kind === 'wideo' && lesson.videoUrl && (
          <Anchor href={lesson.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('trainings.learn.watch')}
          </Anchor>
        )}
        {lesson.kind === 'plik' && lesson.file && (
          <Anchor href={fileUrl} download={lesson.file.filename}>
            {t('trainings.lessons.fileLink', {
              name: lesson.file.filename,
              size: formatSize(lesson.file.size),
            })}
          </Anchor>
        )}
        {lesson.body &&
          (lesson.kind === 'wideo' ? (
            <Stack gap={4}>
              <Title order={4} size="h5">
                {t('trainings.lessons.transcript')}
              </Title>
              <Paragraphs text={lesson.body} />
            </Stack>
          ) : (
            <Paragraphs text={lesson.body} />
          ))}
        {complete.error ? <ProblemAlert error={complete.error} /> : null}
        {lesson.completedAt ? (
          <Group justify="space-between">
            <Text size="sm" c={textColors.success} fw={600} role="status">
              {t('trainings.learn.completedAt', { date: formatDateTime(lesson.completedAt) })}
            </Text>
            {next && (
              <Button variant="default" onClick={onNext}>
                {t('trainings.learn.next', { title: next.title })}
              </Button>
            )}
          </Group>
        ) : (
          <Group>
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>
              {t('trainings.learn.complete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The lessons with the learner's progress: a list to choose from and the chosen lesson. */
function Lessons({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useLessons(registration.trainingId, registration.abilities.learn);
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = items.find((l) => l.id === chosen) ?? items.find((l) => !l.completedAt) ?? items[0];
  const done = items.filter((l) => l.completedAt).length;
  const percent = items.length ? Math.round((done / items.length) * 100) : 0;
  if (!registration.abilities.learn) return <Text size="sm">{t('trainings.learn.notYet')}</Text>;
  return (
    <Stack gap="md">
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && <Skeleton height={120} />}
      {query.data && items.length === 0 && <Text size="sm">{t('trainings.learn.noLessons')}</Text>}
      {items.length > 0 && (
        <>
          <Stack gap={4}>
            <Progress.Root
              role="progressbar"
              aria-label={t('trainings.learn.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={t('trainings.learn.progressValue', { done, total: items.length })}
            >
              <Progress.Section value={percent} color="green.9" withAria={false} />
            </Progress.Root>
            <Text size="sm">{t('trainings.learn.progressValue', { done, total: items.length })}</Text>
          </Stack>
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <nav aria-label={t('trainings.learn.listLabel')}>
                {items.map((l) => (
                  <NavLink
                    key={l.id}
                    component="button"
                    type="button"
                    active={current?.id === l.id}
                    aria-current={current?.id === l.id ? 'true' : undefined}
                    label={l.title}
                    description={l.completedAt ? t('trainings.learn.done') : t('trainings.learn.todo')}
                    onClick={() => setChosen(l.id)}
                  />
                ))}
              </nav>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              {current && (
                <LessonView
                  key={current.id}
                  trainingId={registration.trainingId}
                  lesson={current}
                  next={items[items.indexOf(current) + 1]}
                  onNext={() => setChosen(items[items.indexOf(current) + 1]?.id ?? null)}
                  onCompleted={() => {
                    // The learner stays on the lesson just completed (the next one is offered).
                    setChosen(current.id);
                    // Progress, the final test's availability and a certificate may follow.
                    void queryClient.invalidateQueries({
                      queryKey: trainingKeys.registration(registration.id),
                    });
                    void queryClient.invalidateQueries({ queryKey: trainingKeys.me() });
                  }}
                />
              )}
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

/**
 * `/szkolenia/zapisy/:registrationId`: one registration as its learner sees it — the status and
 * the edition, the lessons with progress, the tests before and after with their results, the
 * certificate (download, verification code and its public page) and withdrawal.
 */
export function RegistrationPage() {
  const { registrationId = '' } = useParams();
  const { t } = useTranslation();
  const testResult = useTestResultText();
  const changed = useRegistrationChanged();
  const query = useRegistration(registrationId);
  const r = query.data;
  const training = useTraining(r?.trainingId ?? '');
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      withdrawRegistration(registrationId, { reason: reason || null, version: (r as Registration).version }),
    onSuccess: (saved) => {
      changed(saved);
      setWithdrawing(false);
    },
  });
  const back = (
    <Anchor component={Link} to="/szkolenia?karta=moje" size="sm">
      ← {t('trainings.registration.backToMine')}
    </Anchor>
  );
  if (query.error)
    return (
      <Stack gap="lg">
        {back}
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!r)
    return (
      <Stack gap="lg" aria-busy="true">
        {back}
        <Skeleton height={36} width="50%" />
        <Text size="sm" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    );
  const edition = training.data?.editions.find((e) => e.id === r.editionId);
  const title = training.data?.title ?? t('trainings.registration.title');
  const certificate = r.certificate;
  return (
    <Stack gap="lg">
      {back}
      <div>
        <PageTitle documentTitle={title}>{title}</PageTitle>
        <Group gap="xs" mt={4}>
          <StatusWithPlace registration={r} />
          <Text size="sm">
            {t('trainings.registration.learnerValue', {
              name: `${r.learner.firstName} ${r.learner.lastName}`,
            })}
          </Text>
        </Group>
      </div>
      {r.status === 'do_akceptacji' && (
        <Alert color="yellow" variant="light">
          {t('trainings.outcome.pendingDetail')}
        </Alert>
      )}
      {r.status === 'rezerwowa' && (
        <Alert color="blue" variant="light">
          {t('trainings.outcome.waitingDetail')}
        </Alert>
      )}
      <SectionCard titleId="registration-facts" title={t('trainings.registration.facts')}>
        <Facts
          items={[
            [
              t('trainings.edition.one'),
              edition ? `${edition.name}, ${formatPeriod(edition.startsOn, edition.endsOn)}` : null,
            ],
            [t('trainings.registration.registeredAt'), formatDateTime(r.registeredAt)],
            [
              t('trainings.registration.attendance'),
              r.attendance.sessions > 0
                ? `${r.attendance.percent}% (${r.attendance.present}/${r.attendance.sessions})`
                : null,
            ],
            [t('trainings.registration.reason'), r.reason],
          ]}
        />
        {training.data && (
          <Anchor component={Link} to={`/szkolenia/${r.trainingId}`} size="sm">
            {t('trainings.registration.trainingLink')}
          </Anchor>
        )}
        {r.abilities.withdraw && (
          <Group>
            <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
              {t('trainings.registration.withdraw')}
            </Button>
          </Group>
        )}
      </SectionCard>

      <SectionCard titleId="registration-lessons" title={t('trainings.learn.title')}>
        <Lessons registration={r} />
      </SectionCard>

      <SectionCard titleId="registration-tests" title={t('trainings.test.title')}>
        <Facts
          items={[
            [t('trainings.test.pre'), testResult(r.preTest, false)],
            [t('trainings.test.final'), testResult(r.finalTest)],
          ]}
        />
        {r.finalTest && (
          <Text size="sm">
            {t('trainings.test.finalAttempts', {
              attempts: r.finalTest.attempts,
              date: formatDate(r.finalTest.takenOn),
            })}
          </Text>
        )}
        <Group gap="xs">
          {r.abilities.takePreTest && (
            <Button component={Link} to={`/szkolenia/zapisy/${r.id}/test/wstepny`}>
              {t('trainings.test.takePre')}
            </Button>
          )}
          {r.abilities.takeFinalTest && (
            <Button component={Link} to={`/szkolenia/zapisy/${r.id}/test/koncowy`}>
              {t('trainings.test.takeFinal')}
            </Button>
          )}
        </Group>
        {!r.abilities.takePreTest &&
          !r.abilities.takeFinalTest &&
          r.status === 'potwierdzona' &&
          !r.finalTest && (
            <Text size="sm" c="dimmed">
              {t('trainings.test.notOpen')}
            </Text>
          )}
        <Text size="sm">
          {r.raisedQualifications
            ? t('trainings.registration.raisedYes')
            : t('trainings.registration.raisedNo')}
        </Text>
      </SectionCard>

      <SectionCard titleId="registration-certificate" title={t('trainings.certificate.title')}>
        <CertificateInfo registrationId={r.id} certificate={certificate} />
        {certificate && (
          <Anchor component={Link} to={`/weryfikacja/${encodeURIComponent(certificate.code)}`} size="sm">
            {t('trainings.certificate.verifyLink')}
          </Anchor>
        )}
      </SectionCard>

      <ReasonDialog
        opened={withdrawing}
        title={t('trainings.registration.withdrawTitle')}
        message={t('trainings.registration.withdrawMessage')}
        confirmLabel={t('trainings.registration.withdraw')}
        color="red"
        pending={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setWithdrawing(false)}
        onConfirm={(reason) => withdraw.mutate(reason)}
      />
    </Stack>
  );
}
