import type { EditionOut, LearnerSex, Registration, RegistrationInput } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from '../admin/fieldErrors';
import { formatPeriod } from './common';
import { useTrainingLabels } from './labels';
import { fetchEmployees, register, trainingKeys } from './trainingsApi';

export type RegisterMode = 'self' | 'employee';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  sex: string;
  position: string;
}
const empty: Values = { firstName: '', lastName: '', email: '', sex: '', position: '' };

/** What became of a registration, in words: a place, the waiting list, or the head's approval. */
export function RegistrationOutcome({
  registration,
  mode,
  started = false,
}: {
  registration: Registration;
  mode: RegisterMode;
  /** The edition has already begun (an e-learning access period): no reminder is coming. */
  started?: boolean;
}) {
  const { t } = useTranslation();
  const name = `${registration.learner.firstName} ${registration.learner.lastName}`;
  const who = mode === 'self' ? 'self' : 'employee';
  const colour =
    registration.status === 'potwierdzona'
      ? 'green'
      : registration.status === 'rezerwowa'
        ? 'blue'
        : 'yellow';
  const title =
    registration.status === 'potwierdzona'
      ? t(`trainings.outcome.${who}.confirmed`, { name })
      : registration.status === 'rezerwowa'
        ? t(`trainings.outcome.${who}.waiting`, { name, position: registration.waitingPosition ?? '—' })
        : registration.status === 'do_akceptacji'
          ? t(`trainings.outcome.${who}.pending`, { name })
          : t('trainings.outcome.other');
  const detail =
    registration.status === 'rezerwowa'
      ? t('trainings.outcome.waitingDetail')
      : registration.status === 'do_akceptacji'
        ? t('trainings.outcome.pendingDetail')
        : registration.status === 'potwierdzona'
          ? started
            ? t('trainings.outcome.confirmedStarted')
            : t('trainings.outcome.confirmedDetail')
          : '';
  return (
    <Alert color={colour} variant="light" role="status" title={title}>
      {detail}
    </Alert>
  );
}

/**
 * „Zapisz się” / „Zgłoś pracownika”: the learner's sex (for the ESF+ gender breakdown of the
 * project's staff indicators — the dialog says so) and position; a head also types the employee's
 * name and e-mail. After sending, the dialog shows where the registration went.
 */
export function RegisterDialog({
  trainingId,
  trainingTitle,
  edition,
  mode,
  onClose,
}: {
  trainingId: string;
  trainingTitle: string;
  edition: EditionOut;
  mode: RegisterMode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(empty);
  const [checked, setChecked] = useState<Partial<Record<keyof Values, string>>>({});
  // A head may pick a member of staff who has an account; otherwise they type the employee's data.
  const [userId, setUserId] = useState<string | null>(null);
  const employees = useQuery({
    queryKey: trainingKeys.employees(),
    queryFn: ({ signal }) => fetchEmployees(signal),
    enabled: mode === 'employee',
  });
  const employeeOptions = (employees.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.lastName} ${u.firstName} (${u.email})`,
  }));
  const choose = (id: string | null) => {
    setUserId(id);
    const u = employees.data?.items.find((x) => x.id === id);
    setValues((old) =>
      u
        ? { ...old, firstName: u.firstName, lastName: u.lastName, email: u.email }
        : { ...old, firstName: '', lastName: '', email: '' },
    );
    setChecked((old) => ({ ...old, firstName: undefined, lastName: undefined, email: undefined }));
  };
  const send = useMutation({
    mutationFn: (body: RegistrationInput) => register(trainingId, edition.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(trainingKeys.registration(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.one(trainingId), exact: true });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.me() });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.registrations(trainingId, edition.id) });
    },
  });
  const done = send.data;
  const server = fieldErrorsOf(send.error);
  const error = (f: keyof Values) => checked[f] ?? server[f];
  const set = (f: keyof Values) => (v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setChecked((old) => ({ ...old, [f]: undefined }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Partial<Record<keyof Values, string>> = {};
    if (!values.sex) problems.sex = t('trainings.register.sexRequired');
    if (mode === 'employee' && !userId) {
      if (!values.firstName.trim()) problems.firstName = t('trainings.rules.required');
      if (!values.lastName.trim()) problems.lastName = t('trainings.rules.required');
      if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
        problems.email = t('trainings.rules.email');
    }
    setChecked(problems);
    if (Object.keys(problems).length) return;
    const position = values.position.trim() || null;
    const sex = values.sex as LearnerSex;
    send.mutate(
      mode === 'self'
        ? { kind: 'self', sex, position }
        : {
            kind: 'employee',
            userId,
            firstName: values.firstName.trim(),
            lastName: values.lastName.trim(),
            email: values.email.trim() || null,
            sex,
            position,
          },
    );
  }

  const title = mode === 'self' ? t('trainings.register.selfTitle') : t('trainings.register.employeeTitle');
  return (
    <Modal opened onClose={onClose} title={title} centered size="lg">
      <Stack>
        <Text size="sm">
          {trainingTitle} — {edition.name}, {formatPeriod(edition.startsOn, edition.endsOn)}
        </Text>
        {done ? (
          <>
            <RegistrationOutcome
              registration={done}
              mode={mode}
              started={edition.startsOn <= new Date().toISOString().slice(0, 10)}
            />
            <Group justify="space-between">
              <Anchor component={Link} to={`/szkolenia/zapisy/${done.id}`} size="sm">
                {t('trainings.register.openRegistration')}
              </Anchor>
              <Button onClick={onClose}>{t('trainings.close')}</Button>
            </Group>
          </>
        ) : (
          <form noValidate onSubmit={submit} aria-label={title}>
            <Stack>
              {send.error ? <ProblemAlert error={send.error} /> : null}
              {mode === 'self' && edition.requiresApproval && (
                <Text size="sm">{t('trainings.register.needsApproval')}</Text>
              )}
              {mode === 'employee' && (
                <Grid>
                  <Grid.Col span={12}>
                    <Select
                      label={t('trainings.register.employeeAccount')}
                      description={t('trainings.register.employeeAccountHint')}
                      placeholder={t('trainings.register.employeeAccountNone')}
                      data={employeeOptions}
                      value={userId}
                      onChange={choose}
                      searchable
                      clearable
                      nothingFoundMessage={t('trainings.register.employeeAccountNothing')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('trainings.register.firstName')}
                      withAsterisk
                      maxLength={80}
                      autoComplete="off"
                      value={values.firstName}
                      disabled={userId !== null}
                      error={error('firstName')}
                      onChange={(e) => set('firstName')(e.currentTarget.value)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('trainings.register.lastName')}
                      withAsterisk
                      maxLength={120}
                      autoComplete="off"
                      value={values.lastName}
                      disabled={userId !== null}
                      error={error('lastName')}
                      onChange={(e) => set('lastName')(e.currentTarget.value)}
                    />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <TextInput
                      type="email"
                      label={t('trainings.register.email')}
                      description={t('trainings.register.emailHint')}
                      maxLength={254}
                      autoComplete="off"
                      value={values.email}
                      disabled={userId !== null}
                      error={error('email')}
                      onChange={(e) => set('email')(e.currentTarget.value)}
                    />
                  </Grid.Col>
                </Grid>
              )}
              <Radio.Group
                label={t('trainings.register.sex')}
                description={t('trainings.register.sexWhy')}
                withAsterisk
                value={values.sex}
                onChange={set('sex')}
                error={error('sex')}
              >
                <Group gap="lg" mt={6}>
                  {labels.options('sexes').map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                label={t('trainings.register.position')}
                description={t('trainings.register.positionHint')}
                maxLength={120}
                value={values.position}
                error={error('position')}
                onChange={(e) => set('position')(e.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('trainings.cancel')}
                </Button>
                <Button type="submit" loading={send.isPending}>
                  {mode === 'self' ? t('trainings.register.send') : t('trainings.register.sendEmployee')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
