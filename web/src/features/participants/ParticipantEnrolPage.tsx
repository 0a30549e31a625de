import { ageOn, type ParticipantEnrolInput } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Fieldset,
  Grid,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { peselState } from '../persons/pesel';
import { useProject } from '../projects/useProject';
import { EntryFields, type EntryValues, emptyEntry, entryInput, entryValidation } from './EntryFields';
import { useParticipantLabels } from './labels';
import {
  enrolParticipant,
  fetchApplicationPrefill,
  fetchParticipantSummary,
  participantKeys,
} from './participantsApi';

export interface EnrolValues extends EntryValues {
  firstName: string;
  lastName: string;
  noPesel: boolean;
  pesel: string;
  otherIdType: string | null;
  otherIdNumber: string;
  birthDate: string | null;
  sex: string | null;
  street: string;
}

const emptyEnrol: EnrolValues = {
  ...emptyEntry,
  firstName: '',
  lastName: '',
  noPesel: false,
  pesel: '',
  otherIdType: null,
  otherIdNumber: '',
  birthDate: null,
  sex: null,
  street: '',
};

/** The enrolment body: identity as typed (with a PESEL the server takes the birth date and sex from it). */
export function enrolInput(v: EnrolValues, applicationId: string | null): ParticipantEnrolInput {
  const pesel = v.noPesel ? null : v.pesel.trim() || null;
  return {
    ...entryInput(v),
    applicationId,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    noPesel: v.noPesel,
    pesel,
    otherIdType: v.noPesel ? (v.otherIdType as ParticipantEnrolInput['otherIdType']) : null,
    otherIdNumber: v.noPesel ? v.otherIdNumber.trim() || null : null,
    birthDate: v.noPesel ? v.birthDate : null,
    sex: v.noPesel ? (v.sex as 'K' | 'M' | null) : null,
    street: v.street.trim() || null,
  };
}

/**
 * `/projekty/:projectId/uczestnicy/nowy`: enrolment of a participant with every SM EFS field at
 * entry. With `?zgloszenie=<id>` the form is filled from the application (and the enrolment is linked
 * to it); the person is matched in the leader's registry by PESEL on the server. The age at entry is
 * shown as it will be locked.
 */
export function ParticipantEnrolPage() {
  const { projectId = '' } = useParams();
  const [params] = useSearchParams();
  const applicationId = params.get('zgloszenie');
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const dateProps = useDateInputProps();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useProject(projectId);
  const summary = useQuery({
    queryKey: participantKeys.summary(projectId),
    queryFn: ({ signal }) => fetchParticipantSummary(projectId, signal),
  });
  const prefill = useQuery({
    queryKey: participantKeys.application(projectId, applicationId ?? ''),
    queryFn: ({ signal }) => fetchApplicationPrefill(projectId, applicationId as string, signal),
    enabled: !!applicationId,
  });
  const form = useForm<EnrolValues>({
    initialValues: emptyEnrol,
    validate: {
      ...entryValidation(t('participants.form.required')),
      firstName: (v) => (v.trim() ? null : t('participants.form.required')),
      lastName: (v) => (v.trim() ? null : t('participants.form.required')),
      pesel: (v, all) =>
        all.noPesel ? null : peselState(v).kind === 'valid' ? null : t('participants.form.peselInvalid'),
      otherIdType: (v, all) => (all.noPesel && !v ? t('participants.form.required') : null),
      birthDate: (v, all) => (all.noPesel && !v ? t('participants.form.required') : null),
      sex: (v, all) => (all.noPesel && !v ? t('participants.form.required') : null),
    },
  });
  const filled = useRef(false);
  useEffect(() => {
    if (filled.current || !prefill.data) return;
    filled.current = true;
    form.setValues(prefill.data.values as Partial<EnrolValues>);
    form.resetDirty();
  }, [prefill.data, form]);

  const save = useMutation({
    mutationFn: (v: EnrolValues) =>
      enrolParticipant(projectId, enrolInput(v, prefill.data ? applicationId : null)),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: participantKeys.project(projectId) });
      navigate(`/projekty/${projectId}/uczestnicy/${p.id}`);
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });

  const v = form.values;
  const pesel = peselState(v.pesel);
  const birthDate = v.noPesel ? v.birthDate : pesel.kind === 'valid' ? pesel.info.birthDate : null;
  const sex = v.noPesel ? v.sex : pesel.kind === 'valid' ? pesel.info.sex : null;
  const age = birthDate && v.joinedOn && birthDate <= v.joinedOn ? ageOn(birthDate, v.joinedOn) : null;
  const back = `/projekty/${projectId}?karta=uczestnicy`;
  const title = t('participants.enrol.title');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        ← {project.data ? (project.data.shortTitle ?? project.data.title) : t('participants.enrol.back')}
      </Anchor>
      <Stack gap="xs">
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('participants.enrol.lead')}</Text>
      </Stack>
      {applicationId && prefill.isSuccess && prefill.data && (
        <Alert
          color="blue"
          title={t('participants.enrol.fromApplication', { number: prefill.data.number ?? '' })}
        >
          {t('participants.enrol.fromApplicationText')}
        </Alert>
      )}
      {applicationId && prefill.isSuccess && !prefill.data && (
        <Alert color="yellow" title={t('participants.enrol.applicationMissing')}>
          {t('participants.enrol.applicationMissingText')}
        </Alert>
      )}
      <Card withBorder padding="lg">
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack gap="lg">
            {save.error ? <ProblemAlert error={save.error} /> : null}
            <Fieldset legend={t('participants.form.identity')} variant="unstyled">
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('participants.fields.firstName')}
                    required
                    autoComplete="off"
                    {...form.getInputProps('firstName')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('participants.fields.lastName')}
                    required
                    autoComplete="off"
                    {...form.getInputProps('lastName')}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Switch
                    label={t('participants.fields.noPesel')}
                    {...form.getInputProps('noPesel', { type: 'checkbox' })}
                  />
                </Grid.Col>
                {!v.noPesel ? (
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('participants.fields.pesel')}
                      required
                      inputMode="numeric"
                      autoComplete="off"
                      description={
                        pesel.kind === 'valid'
                          ? t('participants.form.peselDecoded', {
                              date: formatDate(pesel.info.birthDate),
                              sex: t(`participants.sex.${pesel.info.sex}`),
                            })
                          : t('participants.form.peselHint')
                      }
                      {...form.getInputProps('pesel')}
                    />
                  </Grid.Col>
                ) : (
                  <>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <Select
                        label={t('participants.fields.otherIdType')}
                        data={labels.options('otherIdTypes')}
                        required
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps('otherIdType')}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput
                        label={t('participants.fields.otherIdNumber')}
                        {...form.getInputProps('otherIdNumber')}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <DateInput
                        label={t('participants.fields.birthDate')}
                        required
                        {...dateProps}
                        {...form.getInputProps('birthDate')}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <Select
                        label={t('participants.fields.sex')}
                        data={[
                          { value: 'K', label: t('participants.sex.K') },
                          { value: 'M', label: t('participants.sex.M') },
                        ]}
                        required
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps('sex')}
                      />
                    </Grid.Col>
                  </>
                )}
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('participants.fields.street')} {...form.getInputProps('street')} />
                </Grid.Col>
              </Grid>
            </Fieldset>
            <EntryFields form={form} cohorts={summary.data?.cohorts ?? []} />
            <Text role="status" aria-live="polite" fw={500}>
              {age !== null
                ? t('participants.enrol.age', {
                    count: age,
                    sex: sex ? t(`participants.sex.${sex as 'K' | 'M'}`) : '',
                  })
                : t('participants.enrol.ageUnknown')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={back}>
                {t('participants.form.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('participants.enrol.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
