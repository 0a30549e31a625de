import type { EditionOut, PaperTestResult, Registration, TestKind, Training } from '@kooperacja/domain';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  NumberInput,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatNumber } from '../../lib/format';
import { textColors } from '../../theme';
import { isConflict } from '../admin/fieldErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { Facts, formatPeriod, ReasonDialog, StatusWithPlace, useEditionWhere } from './common';
import { useEditionRegistrations, useRegistrationChanged, useTraining } from './hooks';
import { todayIso, useTrainingLabels } from './labels';
import {
  certificatePdfUrl,
  enterPaperTest,
  issueCertificate,
  revokeCertificate,
  saveAttendance,
  trainingKeys,
  withdrawRegistration,
} from './trainingsApi';

const nameOf = (r: Registration) => `${r.learner.firstName} ${r.learner.lastName}`;
const percentOf = (r: Registration['preTest']) => (r ? `${r.percent}%` : '—');

/** The result of a test taken on paper, entered by the organiser. */
function PaperTestDialog({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const dateProps = useDateInputProps();
  const changed = useRegistrationChanged();
  const [kind, setKind] = useState<TestKind>(registration.preTest ? 'koncowy' : 'wstepny');
  const [percent, setPercent] = useState<number | string>('');
  const [takenOn, setTakenOn] = useState<string | null>(todayIso());
  const [checked, setChecked] = useState<{ percent?: string; takenOn?: string }>({});
  const send = useMutation({
    mutationFn: (body: PaperTestResult) => enterPaperTest(registration.id, body),
    onSuccess: (saved) => {
      changed(saved);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = Number(percent);
    const problems: typeof checked = {};
    if (percent === '' || !Number.isInteger(p) || p < 0 || p > 100)
      problems.percent = t('trainings.rules.percent');
    if (!takenOn) problems.takenOn = t('trainings.rules.date');
    setChecked(problems);
    if (Object.keys(problems).length || !takenOn) return;
    send.mutate({ kind, percent: p, takenOn });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('trainings.registrations.paperTitle', { name: nameOf(registration) })}
      centered
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          {send.error ? <ProblemAlert error={send.error} /> : null}
          <Radio.Group
            label={t('trainings.registrations.paperKind')}
            value={kind}
            onChange={(v) => setKind(v as TestKind)}
          >
            <Stack gap={6} mt={6}>
              {labels.options('testKinds').map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('trainings.registrations.paperPercent')}
            withAsterisk
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            suffix="%"
            value={percent}
            onChange={setPercent}
            error={checked.percent}
          />
          <DateInput
            {...dateProps}
            label={t('trainings.registrations.paperTakenOn')}
            withAsterisk
            value={takenOn}
            onChange={(v) => setTakenOn(typeof v === 'string' ? v : null)}
            error={checked.takenOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('trainings.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('trainings.registrations.paperSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Action = { kind: 'withdraw' | 'revoke' | 'paper' | 'issue'; registration: Registration };

/** The registrations of the edition with their figures and what the organiser may do with each. */
function RegistrationsTable({ training, items }: { training: Training; items: Registration[] }) {
  const { t } = useTranslation();
  const changed = useRegistrationChanged();
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const run = useMutation({
    mutationFn: ({ kind, registration, reason }: Action & { reason?: string }) => {
      if (kind === 'withdraw')
        return withdrawRegistration(registration.id, {
          reason: reason || null,
          version: registration.version,
        });
      if (kind === 'revoke') return revokeCertificate(registration.id, reason ?? '');
      return issueCertificate(registration.id);
    },
    onSuccess: (saved, { kind, registration }) => {
      changed(saved);
      setAction(null);
      setDone(t(`trainings.registrations.done.${kind as 'withdraw'}`, { name: nameOf(registration) }));
    },
  });
  const open = (kind: Action['kind'], registration: Registration) => {
    run.reset();
    setDone('');
    setAction({ kind, registration });
  };
  if (items.length === 0) return <Text>{t('trainings.registrations.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" c={textColors.success} fw={600}>
        {done}
      </Text>
      {run.error && action?.kind === 'issue' ? <ProblemAlert error={run.error} /> : null}
      {isConflict(run.error) && <Text size="sm">{t('trainings.registrations.conflict')}</Text>}
      <Table.ScrollContainer minWidth={1100}>
        <Table striped withTableBorder>
          <Table.Caption>{t('trainings.registrations.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.registration.learner')}</Table.Th>
              <Table.Th scope="col">{t('trainings.registration.institution')}</Table.Th>
              <Table.Th scope="col">{t('trainings.registration.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainings.registration.attendance')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainings.registration.preTest')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainings.registration.finalTest')}
              </Table.Th>
              <Table.Th scope="col">{t('trainings.certificate.code')}</Table.Th>
              <Table.Th scope="col">{t('trainings.registration.raised')}</Table.Th>
              <Table.Th scope="col">{t('trainings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => {
              const name = nameOf(r);
              const validCertificate = r.certificate && !r.certificate.revokedOn;
              const canIssue = training.issuesCertificate && r.status === 'potwierdzona' && !validCertificate;
              const canWithdraw = r.abilities.withdraw && r.status !== 'wycofana' && r.status !== 'odrzucona';
              return (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                    <Text size="xs" c="dimmed">
                      {[r.learner.position, r.learner.email].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Th>
                  <Table.Td>{r.learner.institution.name}</Table.Td>
                  <Table.Td>
                    <StatusWithPlace registration={r} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.attendance.sessions > 0
                      ? `${r.attendance.percent}% (${r.attendance.present}/${r.attendance.sessions})`
                      : t('trainings.registrations.lessonsDone', {
                          done: r.lessons.completed,
                          total: r.lessons.total,
                        })}
                  </Table.Td>
                  <Table.Td ta="right">{percentOf(r.preTest)}</Table.Td>
                  <Table.Td ta="right">{percentOf(r.finalTest)}</Table.Td>
                  <Table.Td>
                    {r.certificate ? (
                      <Text size="sm" td={r.certificate.revokedOn ? 'line-through' : undefined}>
                        {r.certificate.code}
                        {r.certificate.revokedOn && (
                          <Text span size="xs" c="red.9" td="none">
                            {' '}
                            ({t('trainings.registrations.revokedShort')})
                          </Text>
                        )}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{r.raisedQualifications ? t('trainings.yes') : t('trainings.no')}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('trainings.registrations.actionsFor', { name })}
                        >
                          {t('trainings.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open('paper', r)}>
                          {t('trainings.registrations.paper')}
                        </Menu.Item>
                        {canIssue && (
                          <Menu.Item onClick={() => open('issue', r)}>
                            {t('trainings.registrations.issue')}
                          </Menu.Item>
                        )}
                        {validCertificate && (
                          <Menu.Item component="a" href={certificatePdfUrl(r.id)} download>
                            {t('trainings.certificate.download')}
                          </Menu.Item>
                        )}
                        {validCertificate && (
                          <Menu.Item color="red" onClick={() => open('revoke', r)}>
                            {t('trainings.registrations.revoke')}
                          </Menu.Item>
                        )}
                        {canWithdraw && (
                          <Menu.Item color="red" onClick={() => open('withdraw', r)}>
                            {t('trainings.registrations.withdraw')}
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {action?.kind === 'paper' && (
        <PaperTestDialog registration={action.registration} onClose={() => setAction(null)} />
      )}
      <ReasonDialog
        opened={action?.kind === 'withdraw'}
        title={t('trainings.registrations.withdrawTitle')}
        message={
          action
            ? t('trainings.registrations.withdrawMessage', { name: nameOf(action.registration) })
            : undefined
        }
        confirmLabel={t('trainings.registrations.withdraw')}
        color="red"
        pending={run.isPending}
        error={action?.kind === 'withdraw' ? run.error : null}
        onClose={() => setAction(null)}
        onConfirm={(reason) => action && run.mutate({ ...action, reason })}
      />
      <ReasonDialog
        opened={action?.kind === 'revoke'}
        title={t('trainings.registrations.revokeTitle')}
        message={
          action
            ? t('trainings.registrations.revokeMessage', { name: nameOf(action.registration) })
            : undefined
        }
        confirmLabel={t('trainings.registrations.revoke')}
        required
        color="red"
        pending={run.isPending}
        error={action?.kind === 'revoke' ? run.error : null}
        onClose={() => setAction(null)}
        onConfirm={(reason) => action && run.mutate({ ...action, reason })}
      />
      <Modal
        opened={action?.kind === 'issue'}
        onClose={() => setAction(null)}
        title={t('trainings.registrations.issueTitle')}
        centered
      >
        {action && (
          <Stack>
            <Text size="sm">
              {t('trainings.registrations.issueMessage', { name: nameOf(action.registration) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAction(null)}>
                {t('trainings.cancel')}
              </Button>
              <Button loading={run.isPending} onClick={() => run.mutate(action)}>
                {t('trainings.registrations.issue')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/**
 * Attendance of the confirmed learners, session by session: a grid of checkboxes; saving sends
 * one PUT for each session whose marks changed.
 */
function AttendanceGrid({
  trainingId,
  edition,
  items,
  onSaved,
}: {
  trainingId: string;
  edition: EditionOut;
  items: Registration[];
  /** Told true after a save, false on the next change (the page says so: the grid starts again). */
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const learners = items.filter((r) => r.status === 'potwierdzona');
  const initial = () => Object.fromEntries(learners.map((r) => [r.id, new Set(r.presentSessionIds)]));
  const [marks, setMarks] = useState<Record<string, Set<string>>>(initial);
  const changedSessions = edition.sessions.filter((s) =>
    learners.some((r) => (marks[r.id]?.has(s.id) ?? false) !== r.presentSessionIds.includes(s.id)),
  );
  const save = useMutation({
    mutationFn: async () => {
      let last = null;
      for (const s of changedSessions)
        last = await saveAttendance(trainingId, edition.id, {
          sessionId: s.id,
          marks: learners.map((r) => ({ registrationId: r.id, present: marks[r.id]?.has(s.id) ?? false })),
        });
      return last;
    },
    onSuccess: (list) => {
      if (list) queryClient.setQueryData(trainingKeys.registrations(trainingId, edition.id), list);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.registrations(trainingId, edition.id) });
      onSaved(true);
    },
  });
  const toggle = (registrationId: string, sessionId: string, present: boolean) => {
    onSaved(false);
    setMarks((old) => {
      const next = new Set(old[registrationId] ?? []);
      if (present) next.add(sessionId);
      else next.delete(sessionId);
      return { ...old, [registrationId]: next };
    });
  };
  if (edition.sessions.length === 0) return <Text size="sm">{t('trainings.attendance.noSessions')}</Text>;
  if (learners.length === 0) return <Text size="sm">{t('trainings.attendance.noLearners')}</Text>;
  return (
    <Stack gap="sm">
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Table.ScrollContainer minWidth={Math.max(480, 200 + edition.sessions.length * 110)}>
        <Table withTableBorder>
          <Table.Caption>{t('trainings.attendance.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.registration.learner')}</Table.Th>
              {edition.sessions.map((s) => (
                <Table.Th key={s.id} scope="col" ta="center">
                  {formatDate(s.on)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {s.startsAt}–{s.endsAt}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {learners.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>
                  {nameOf(r)}
                </Table.Th>
                {edition.sessions.map((s) => (
                  <Table.Td key={s.id} ta="center">
                    <Checkbox
                      style={{ display: 'inline-block' }}
                      aria-label={t('trainings.attendance.mark', {
                        name: nameOf(r),
                        date: formatDate(s.on),
                        time: s.startsAt,
                      })}
                      checked={marks[r.id]?.has(s.id) ?? false}
                      onChange={(e) => toggle(r.id, s.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm">
          {changedSessions.length > 0
            ? t('trainings.attendance.unsaved', { count: changedSessions.length })
            : ''}
        </Text>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={changedSessions.length === 0}
        >
          {t('trainings.attendance.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * `/szkolenia/:trainingId/edycje/:editionId` (organiser): the edition's registrations with their
 * attendance, tests, certificates and raised qualifications; the attendance grid; and per
 * registration: withdraw, a paper test's result, issue, revoke or download the certificate.
 */
export function EditionPage() {
  const { trainingId = '', editionId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const where = useEditionWhere();
  const training = useTraining(trainingId);
  const registrations = useEditionRegistrations(trainingId, editionId);
  const edition = training.data?.editions.find((e) => e.id === editionId);
  const [attendanceSaved, setAttendanceSaved] = useState(false);
  const back = (
    <Anchor component={Link} to={`/szkolenia/${trainingId}?karta=edycje`} size="sm">
      ← {training.data ? t('trainings.edition.backTo', { title: training.data.title }) : t('trainings.back')}
    </Anchor>
  );
  if (training.error)
    return (
      <Stack gap="lg">
        {back}
        <ProblemAlert error={training.error} onRetry={() => void training.refetch()} />
      </Stack>
    );
  if (!training.data)
    return (
      <Stack gap="lg" aria-busy="true">
        {back}
        <Skeleton height={36} width="50%" />
        <Text size="sm" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    );
  if (!edition)
    return (
      <Stack gap="lg">
        {back}
        <PageTitle>{t('trainings.edition.notFound')}</PageTitle>
      </Stack>
    );
  const items = registrations.data?.items ?? [];
  // The grid starts again from the server's marks whenever they change.
  const gridKey = items.map((r) => `${r.id}:${r.version}:${r.presentSessionIds.join(',')}`).join('|');
  return (
    <Stack gap="lg">
      {back}
      <div>
        <PageTitle documentTitle={`${edition.name} — ${training.data.title}`}>
          {edition.name} — {training.data.title}
        </PageTitle>
        <Text size="sm" mt={4}>
          {formatPeriod(edition.startsOn, edition.endsOn)} · {where(edition)}
        </Text>
      </div>
      <SectionCard titleId="edition-summary" title={t('trainings.edition.summary')}>
        <Facts
          cols={3}
          items={[
            [t('trainings.edition.status'), labels.label('editionStatuses', edition.status)],
            [t('trainings.edition.capacity'), formatNumber(edition.capacity)],
            [t('trainings.editions.confirmed'), formatNumber(edition.confirmed)],
            [t('trainings.edition.waiting'), formatNumber(edition.waiting)],
            [t('trainings.editions.pending'), formatNumber(edition.pending)],
            [t('trainings.edition.sessions'), formatNumber(edition.sessions.length)],
          ]}
        />
      </SectionCard>
      <SectionCard
        titleId="edition-registrations"
        title={t('trainings.registrations.title')}
        query={{ ...registrations, skeletonHeight: 120 }}
      >
        {registrations.data && <RegistrationsTable training={training.data} items={items} />}
      </SectionCard>
      <SectionCard titleId="edition-attendance" title={t('trainings.attendance.title')}>
        <Text size="sm" role="status" c={textColors.success} fw={600}>
          {attendanceSaved ? t('trainings.attendance.saved') : ''}
        </Text>
        {registrations.data && (
          <AttendanceGrid
            key={gridKey}
            trainingId={trainingId}
            edition={edition}
            items={items}
            onSaved={setAttendanceSaved}
          />
        )}
      </SectionCard>
    </Stack>
  );
}
