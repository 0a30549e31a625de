import type { Participant } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { ParticipantSupportSection } from '../support/ParticipantSupportSection';
import { EntryFields, type EntryValues, entryInput, entryValidation } from './EntryFields';
import { useParticipantLabels } from './labels';
import { FollowUpCell } from './ParticipantsTab';
import {
  contractUrl,
  fetchParticipant,
  fetchParticipantSummary,
  participantKeys,
  recordExit,
  recordFollowUp,
  updateParticipant,
} from './participantsApi';

/** Terms and their values as a description list (one per row on a phone, two columns wider). */
function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
      {items.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function ConflictNote({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.status !== 409) return error ? <ProblemAlert error={error} /> : null;
  return (
    <Stack gap="xs">
      <ProblemAlert error={error} />
      <Group>
        <Button size="xs" variant="default" onClick={onReload}>
          {t('participants.form.reload')}
        </Button>
      </Group>
    </Stack>
  );
}

function toEntryValues(p: Participant): EntryValues {
  return {
    cohortId: p.cohortId,
    participantType: p.participantType,
    institutionName: p.institutionName ?? '',
    joinedOn: p.joinedOn,
    education: p.education,
    citizenship: p.citizenship,
    country: p.country,
    teryt: p.teryt,
    city: p.city ?? '',
    postalCode: p.postalCode ?? '',
    degurba: p.degurba === null ? null : String(p.degurba),
    phone: p.phone ?? '',
    email: p.email ?? '',
    labourStatus: p.labourStatus,
    labourStatusDetail: p.labourStatusDetail,
    disability: p.disability,
    foreignOrigin: p.foreignOrigin,
    thirdCountry: p.thirdCountry,
    minority: p.minority,
    homeless: p.homeless,
  };
}

function EditForm({ p, onDone }: { p: Participant; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useQuery({
    queryKey: participantKeys.summary(p.projectId),
    queryFn: ({ signal }) => fetchParticipantSummary(p.projectId, signal),
  });
  const form = useForm<EntryValues>({
    initialValues: toEntryValues(p),
    validate: entryValidation(t('participants.form.required')),
  });
  const save = useMutation({
    mutationFn: (v: EntryValues) => updateParticipant(p.projectId, p.id, entryInput(v), p.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(participantKeys.one(p.projectId, p.id), saved);
      void queryClient.invalidateQueries({ queryKey: participantKeys.project(p.projectId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e, 'participant')),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <ConflictNote
          error={save.error}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: participantKeys.one(p.projectId, p.id) });
            onDone();
          }}
        />
        <Text size="sm">{t('participants.edit.lockedAge', { count: p.ageAtEntry })}</Text>
        <EntryFields form={form} cohorts={summary.data?.cohorts ?? []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('participants.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('participants.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ExitValues {
  status: string;
  leftOn: string | null;
  exitSituation: string[];
  completedPath: string;
  exitResults: string[];
}

function ExitForm({ p }: { p: Participant }) {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm<ExitValues>({
    initialValues: {
      status: p.status === 'przerwany' ? 'przerwany' : 'zakonczony',
      leftOn: p.leftOn,
      exitSituation: p.exitSituation,
      completedPath: p.completedPath === null ? '' : p.completedPath ? 'tak' : 'nie',
      exitResults: p.exitResults,
    },
    validate: {
      leftOn: (v) => (v ? null : t('participants.form.required')),
      exitSituation: (v) => (v.length ? null : t('participants.form.required')),
      completedPath: (v) => (v ? null : t('participants.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: ExitValues) =>
      recordExit(p.projectId, p.id, {
        status: v.status as 'zakonczony' | 'przerwany',
        leftOn: v.leftOn as string,
        exitSituation: v.exitSituation as Participant['exitSituation'],
        completedPath: v.completedPath === 'tak',
        exitResults: v.exitResults as Participant['exitResults'],
        version: p.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(participantKeys.one(p.projectId, p.id), saved);
      void queryClient.invalidateQueries({ queryKey: participantKeys.project(p.projectId) });
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-labelledby="participant-exit-form">
      <Stack gap="sm">
        <Text fw={600} id="participant-exit-form">
          {p.leftOn ? t('participants.exit.correct') : t('participants.exit.record')}
        </Text>
        <ConflictNote
          error={save.error}
          onReload={() =>
            void queryClient.invalidateQueries({ queryKey: participantKeys.one(p.projectId, p.id) })
          }
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Radio.Group
              label={t('participants.fields.exitStatus')}
              required
              {...form.getInputProps('status')}
            >
              <Group gap="lg" mt={4}>
                <Radio value="zakonczony" label={labels.label('statuses', 'zakonczony')} />
                <Radio value="przerwany" label={labels.label('statuses', 'przerwany')} />
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('participants.fields.leftOn')}
              required
              {...dateProps}
              {...form.getInputProps('leftOn')}
            />
          </Grid.Col>
        </Grid>
        <Checkbox.Group
          label={t('participants.fields.exitSituation')}
          required
          {...form.getInputProps('exitSituation')}
        >
          <Stack gap={6} mt={4}>
            {labels.options('exitSituations').map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label={t('participants.fields.completedPath')}
          required
          {...form.getInputProps('completedPath')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="tak" label={t('participants.yes')} />
            <Radio value="nie" label={t('participants.no')} />
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t('participants.fields.exitResults')}
          description={t('participants.exit.resultsHint')}
          {...form.getInputProps('exitResults')}
        >
          <Stack gap={6} mt={4}>
            {labels.options('exitResults').map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('participants.exit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface FollowUpValues {
  followUpOn: string | null;
  followUpResult: string[];
}

function FollowUpForm({ p }: { p: Participant }) {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm<FollowUpValues>({
    initialValues: { followUpOn: p.followUpOn, followUpResult: p.followUpResult },
    validate: {
      followUpOn: (v) => (v ? null : t('participants.form.required')),
      followUpResult: (v) => (v.length ? null : t('participants.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: FollowUpValues) =>
      recordFollowUp(p.projectId, p.id, {
        followUpOn: v.followUpOn as string,
        followUpResult: v.followUpResult as Participant['followUpResult'],
        version: p.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(participantKeys.one(p.projectId, p.id), saved);
      void queryClient.invalidateQueries({ queryKey: participantKeys.project(p.projectId) });
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      aria-labelledby="participant-follow-up-form"
    >
      <Stack gap="sm">
        <Text fw={600} id="participant-follow-up-form">
          {t('participants.followUp.record')}
        </Text>
        <ConflictNote
          error={save.error}
          onReload={() =>
            void queryClient.invalidateQueries({ queryKey: participantKeys.one(p.projectId, p.id) })
          }
        />
        <DateInput
          label={t('participants.fields.followUpOn')}
          required
          maw={280}
          {...dateProps}
          {...form.getInputProps('followUpOn')}
        />
        <Checkbox.Group
          label={t('participants.fields.followUpResult')}
          required
          {...form.getInputProps('followUpResult')}
        >
          <Stack gap={6} mt={4}>
            {labels.options('followUpResults').map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('participants.followUp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * `/projekty/:projectId/uczestnicy/:participantId`: the participant's SM EFS data in sections, the
 * participation contract to print, the coordinator's edit of the data at entry (the age at entry
 * stays locked), the exit and the six-month follow-up.
 */
export function ParticipantPage() {
  const { projectId = '', participantId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: participantKeys.one(projectId, participantId),
    queryFn: ({ signal }) => fetchParticipant(projectId, participantId, signal),
  });
  const p = query.data;
  const back = `/projekty/${projectId}?karta=uczestnicy`;
  if (query.error)
    return (
      <Stack gap="lg">
        <Anchor component={Link} to={back} size="sm">
          ← {t('participants.page.back')}
        </Anchor>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!p) return <Text>{t('common.loading')}</Text>;
  const name = `${p.person.firstName} ${p.person.lastName}`;
  const identifier = p.person.pesel
    ? `PESEL ${p.person.pesel}`
    : [labels.label('otherIdTypes', p.person.otherIdType), p.person.otherIdNumber].filter(Boolean).join(' ');
  const manage = p.abilities.manage;
  const yesNo = (b: boolean | null) => (b === null ? null : b ? t('participants.yes') : t('participants.no'));
  const list = (dict: 'exitSituations' | 'exitResults' | 'followUpResults', keys: string[]) =>
    keys.length ? keys.map((k) => labels.label(dict, k)).join('; ') : null;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        ← {t('participants.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={`${p.technicalId} — ${t('participants.page.title')}`}>{name}</PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={p.status === 'aktywny' ? 'blue' : 'gray'}>
              {labels.label('statuses', p.status)}
            </Badge>
            <Text size="sm">{t('participants.page.technicalId', { id: p.technicalId })}</Text>
          </Group>
        </div>
        <Group gap="sm">
          <Button component="a" href={contractUrl(projectId, p.id)} download variant="default">
            {t('participants.page.contract')}
          </Button>
          {manage && <Button onClick={() => setEditing(true)}>{t('participants.page.edit')}</Button>}
        </Group>
      </Group>

      <SectionCard titleId="participant-person" title={t('participants.page.person')}>
        <Facts
          items={[
            [t('participants.fields.identifier'), identifier],
            [t('participants.fields.birthDate'), formatDate(p.person.birthDate)],
            [t('participants.fields.sex'), t(`participants.sex.${p.sex}`)],
            [t('participants.fields.ageAtEntry'), t('participants.page.ageLocked', { count: p.ageAtEntry })],
            [t('participants.fields.citizenship'), p.citizenship],
          ]}
        />
      </SectionCard>

      <SectionCard titleId="participant-participation" title={t('participants.form.participation')}>
        <Facts
          items={[
            [t('participants.fields.technicalId'), p.technicalId],
            [t('participants.fields.application'), p.applicationNumber],
            [t('participants.fields.cohort'), p.cohortName],
            [t('participants.fields.participantType'), labels.label('types', p.participantType)],
            ...(p.institutionName
              ? ([[t('participants.fields.institutionName'), p.institutionName]] as [string, ReactNode][])
              : []),
            [t('participants.fields.joinedOn'), formatDate(p.joinedOn)],
          ]}
        />
      </SectionCard>

      <SectionCard titleId="participant-address" title={t('participants.form.address')}>
        <Facts
          items={[
            [t('participants.fields.country'), p.country],
            [t('participants.fields.wojewodztwo'), p.wojewodztwoName],
            [t('participants.fields.powiat'), p.powiatName],
            [t('participants.fields.gmina'), p.gminaName ? `${p.gminaName} (${p.teryt})` : null],
            [t('participants.fields.city'), p.city],
            [t('participants.fields.street'), p.person.street],
            [t('participants.fields.postalCode'), p.postalCode],
            [t('participants.fields.degurba'), labels.label('degurba', p.degurba)],
            [t('participants.fields.phone'), p.phone],
            [t('participants.fields.email'), p.email],
          ]}
        />
      </SectionCard>

      <SectionCard titleId="participant-labour" title={t('participants.form.labour')}>
        <Facts
          items={[
            [t('participants.fields.labourStatus'), labels.label('labour', p.labourStatus)],
            [
              t('participants.fields.labourStatusDetail'),
              labels.label('labourDetails', p.labourStatusDetail),
            ],
            [t('participants.fields.education'), labels.label('isced', p.education)],
          ]}
        />
      </SectionCard>

      <SectionCard
        titleId="participant-characteristics"
        title={t('participants.form.characteristics')}
        description={t('participants.page.sensitive')}
      >
        <Facts
          items={(['disability', 'foreignOrigin', 'thirdCountry', 'minority', 'homeless'] as const).map(
            (f) => [t(`participants.fields.${f}`), labels.label('triState', p[f])],
          )}
        />
      </SectionCard>

      <ParticipantSupportSection projectId={p.projectId} participantId={p.id} />

      <SectionCard titleId="participant-exit" title={t('participants.exit.title')}>
        {p.leftOn ? (
          <Facts
            items={[
              [t('participants.fields.exitStatus'), labels.label('statuses', p.status)],
              [t('participants.fields.leftOn'), formatDate(p.leftOn)],
              [t('participants.fields.exitSituation'), list('exitSituations', p.exitSituation)],
              [t('participants.fields.completedPath'), yesNo(p.completedPath)],
              [t('participants.fields.exitResults'), list('exitResults', p.exitResults)],
            ]}
          />
        ) : (
          <Text size="sm">{t('participants.exit.notYet')}</Text>
        )}
        {manage && (
          <Box mt="sm">
            <ExitForm key={`${p.id}-${p.version}`} p={p} />
          </Box>
        )}
      </SectionCard>

      <SectionCard titleId="participant-follow-up" title={t('participants.followUp.title')}>
        {p.leftOn ? (
          <>
            <Facts
              items={[
                [t('participants.fields.followUpDueOn'), formatDate(p.followUpDueOn)],
                [t('participants.fields.followUp'), <FollowUpCell key="f" p={p} />],
                [t('participants.fields.followUpResult'), list('followUpResults', p.followUpResult)],
              ]}
            />
            {manage && (
              <Box mt="sm">
                <FollowUpForm key={`${p.id}-${p.version}`} p={p} />
              </Box>
            )}
          </>
        ) : (
          <Text size="sm">{t('participants.followUp.afterExit')}</Text>
        )}
      </SectionCard>

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('participants.page.edit')} size="xl">
        {editing && <EditForm p={p} onDone={() => setEditing(false)} />}
      </Modal>
    </Stack>
  );
}
