import type { CaseMeeting, CaseMeetingCandidates } from '@kooperacja/domain';
import {
  Button,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { FormProblem } from './FormProblem';
import { useSharingLabels } from './labels';
import {
  addMeetingActionItem,
  type CaseMeetingBody,
  createTeamMeeting,
  sharingKeys,
  updateTeamMeeting,
} from './sharingApi';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const localTime = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

interface MeetingValues {
  title: string;
  date: string | null;
  time: string;
  status: string | null;
  place: string;
  onlineUrl: string;
  agenda: string;
  minutes: string;
  decisions: string;
  /** User ids of the case's own workers. */
  workers: string[];
  /** Team institution ids (their named member worker is invited). */
  team: string[];
  /** People invited by name (the client, family members). */
  people: string[];
  /** Who was present, by attendee key (`w:<user>`, `t:<institution>`, `p:<name>`). */
  present: Record<string, boolean>;
}

type AttendeeGroup = 'workers' | 'team' | 'people';

/**
 * Plans a case-team meeting or changes one: date, place or link, the invited (the case's workers,
 * institutions of the team, the family by name), agenda; then minutes, decisions and who was present.
 */
export function MeetingForm({
  caseId,
  candidates,
  meeting,
  onDone,
  onCancel,
}: {
  caseId: string;
  candidates: CaseMeetingCandidates;
  meeting?: CaseMeeting;
  onDone: (m: CaseMeeting) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const before = meeting?.attendees ?? [];
  const key = (a: CaseMeeting['attendees'][number]) =>
    a.kind === 'wlasny' ? `w:${a.user?.id}` : a.kind === 'zespol' ? `t:${a.institution?.id}` : `p:${a.name}`;

  // Options: the candidates now, plus whoever is already on the meeting (a membership may have ended).
  const workerOptions = [
    ...candidates.workers.map((w) => ({ value: w.id, label: w.name })),
    ...before
      .filter((a) => a.kind === 'wlasny' && a.user && !candidates.workers.some((w) => w.id === a.user?.id))
      .map((a) => ({ value: a.user?.id as string, label: a.name })),
  ];
  const teamOptions = [
    ...candidates.team.map((m) => ({
      value: m.institution.id,
      label: m.user
        ? t('sharing.meetings.teamOption', { institution: m.institution.name, user: m.user.name })
        : m.institution.name,
    })),
    ...before
      .filter(
        (a) =>
          a.kind === 'zespol' &&
          a.institution &&
          !candidates.team.some((m) => m.institution.id === a.institution?.id),
      )
      .map((a) => ({
        value: a.institution?.id as string,
        label: t('sharing.meetings.teamEnded', { institution: a.institution?.name, user: a.name }),
      })),
  ];
  const peopleOptions = [
    ...new Set([...candidates.family, ...before.filter((a) => a.kind === 'osoba').map((a) => a.name)]),
  ];

  const form = useForm<MeetingValues>({
    initialValues: {
      title: meeting?.title ?? '',
      date: meeting ? localDate(meeting.startsAt) : null,
      time: meeting ? localTime(meeting.startsAt) : '10:00',
      status: meeting?.status ?? 'zaplanowane',
      place: meeting?.place ?? '',
      onlineUrl: meeting?.onlineUrl ?? '',
      agenda: meeting?.agenda ?? '',
      minutes: meeting?.minutes ?? '',
      decisions: meeting?.decisions ?? '',
      workers: before.filter((a) => a.kind === 'wlasny' && a.user).map((a) => a.user?.id as string),
      team: before
        .filter((a) => a.kind === 'zespol' && a.institution)
        .map((a) => a.institution?.id as string),
      people: before.filter((a) => a.kind === 'osoba').map((a) => a.name),
      present: Object.fromEntries(before.map((a) => [key(a), !!a.present])),
    },
    validate: {
      title: (v) => (v.trim() ? null : t('sharing.form.required')),
      date: (v) => (v ? null : t('sharing.form.required')),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t('sharing.form.required')),
    },
  });

  /** The attendees in the order they are sent, each with its group and presence key. */
  const chosen = (v: MeetingValues) => [
    ...v.workers.map((id) => ({
      group: 'workers' as AttendeeGroup,
      key: `w:${id}`,
      label: workerOptions.find((o) => o.value === id)?.label ?? id,
      body: { institutionId: candidates.ownInstitution.id, userId: id },
    })),
    ...v.team.map((id) => ({
      group: 'team' as AttendeeGroup,
      key: `t:${id}`,
      label: teamOptions.find((o) => o.value === id)?.label ?? id,
      body: { institutionId: id },
    })),
    ...v.people.map((name) => ({
      group: 'people' as AttendeeGroup,
      key: `p:${name}`,
      label: name,
      body: { name },
    })),
  ];
  const groupLabel: Record<AttendeeGroup, string> = {
    workers: t('sharing.meetings.workers'),
    team: t('sharing.meetings.team'),
    people: t('sharing.meetings.people'),
  };
  /** A server field (`attendees.3.userId`) belongs to the group of the fourth attendee sent. */
  const groupOf = (field: string): AttendeeGroup | null => {
    const n = /^(?:body\.)?(?:meeting\.)?attendees\.(\d+)/.exec(field)?.[1];
    return n === undefined ? null : (chosen(form.values)[Number(n)]?.group ?? 'people');
  };
  const fieldLabel = (f: string) => {
    const g = groupOf(f);
    if (g) return groupLabel[g];
    const name = f.replace(/^body\./, '').replace(/^meeting\./, '');
    return (
      {
        title: t('sharing.meetings.titleField'),
        startsAt: t('sharing.meetings.date'),
        status: t('sharing.meetings.status'),
        place: t('sharing.meetings.place'),
        onlineUrl: t('sharing.meetings.onlineUrl'),
        agenda: t('sharing.meetings.agenda'),
        minutes: t('sharing.meetings.minutes'),
        decisions: t('sharing.meetings.decisions'),
      }[name] ?? name
    );
  };

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.meetings('owner', caseId) });
    onCancel();
  };
  const save = useMutation({
    mutationFn: (v: MeetingValues) => {
      const held = v.status === 'odbyte';
      const body: CaseMeetingBody = {
        title: v.title,
        startsAt: new Date(`${v.date}T${v.time}:00`).toISOString(),
        place: v.place,
        onlineUrl: v.onlineUrl,
        agenda: v.agenda,
        minutes: v.minutes,
        decisions: v.decisions,
        status: v.status as CaseMeetingBody['status'],
        attendees: chosen(v).map((a) => ({ ...a.body, present: held ? !!v.present[a.key] : null })),
      };
      return meeting
        ? updateTeamMeeting(caseId, meeting.id, body, meeting.version)
        : createTeamMeeting(caseId, body);
    },
    onSuccess: (m) => {
      queryClient.setQueryData(sharingKeys.meeting('owner', caseId, m.id), m);
      void queryClient.invalidateQueries({ queryKey: sharingKeys.meetings('owner', caseId), exact: true });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId, 'timeline'] });
      onDone(m);
    },
    onError: (e) => {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(formErrorsOf(e, 'meeting'))) {
        const g = groupOf(field);
        const target = g ?? (field === 'startsAt' ? 'date' : field);
        errors[target] = errors[target] ? `${errors[target]} ${message}` : message;
      }
      form.setErrors(errors);
    },
  });
  const values = form.values;
  const attendees = chosen(values);
  const showMinutes = !!meeting || values.status === 'odbyte';
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      aria-label={meeting ? t('sharing.meetings.edit') : t('sharing.meetings.create')}
      data-testid="meeting-form"
    >
      <Stack gap="sm">
        <FormProblem error={save.error} onReload={reload} fieldLabel={fieldLabel} />
        <TextInput
          label={t('sharing.meetings.titleField')}
          description={t('sharing.meetings.titleHint')}
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('sharing.meetings.date')}
              required
              {...dateProps}
              {...form.getInputProps('date')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TimeInput label={t('sharing.meetings.time')} required {...form.getInputProps('time')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('sharing.meetings.status')}
              data={labels.options('meetingStatuses')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('sharing.meetings.place')}
              description={t('sharing.meetings.placeHint')}
              {...form.getInputProps('place')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('sharing.meetings.onlineUrl')}
              type="url"
              {...form.getInputProps('onlineUrl')}
            />
          </Grid.Col>
        </Grid>
        <MultiSelect
          label={t('sharing.meetings.workers')}
          data={workerOptions}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('workers')}
        />
        <MultiSelect
          label={t('sharing.meetings.team')}
          description={candidates.team.length ? t('sharing.meetings.teamHint') : t('sharing.meetings.noTeam')}
          data={teamOptions}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('team')}
        />
        <TagsInput
          label={t('sharing.meetings.people')}
          description={t('sharing.meetings.peopleHint')}
          data={peopleOptions}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('people')}
        />
        <Textarea
          label={t('sharing.meetings.agenda')}
          autosize
          minRows={2}
          {...form.getInputProps('agenda')}
        />
        {showMinutes && (
          <>
            <Textarea
              label={t('sharing.meetings.minutes')}
              description={t('sharing.meetings.minutesHint')}
              autosize
              minRows={3}
              {...form.getInputProps('minutes')}
            />
            <Textarea
              label={t('sharing.meetings.decisions')}
              autosize
              minRows={2}
              {...form.getInputProps('decisions')}
            />
          </>
        )}
        {values.status === 'odbyte' && attendees.length > 0 && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t('sharing.meetings.whoPresent')}
            </Text>
            <Stack gap={4} mt="xs">
              {attendees.map((a) => (
                <Checkbox
                  key={a.key}
                  label={a.label}
                  checked={!!values.present[a.key]}
                  onChange={(e) =>
                    form.setFieldValue('present', { ...values.present, [a.key]: e.currentTarget.checked })
                  }
                />
              ))}
            </Stack>
          </fieldset>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="meeting-submit">
            {meeting ? t('sharing.meetings.save') : t('sharing.meetings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ItemValues {
  description: string;
  ownerInstitutionId: string | null;
  ownerUserId: string | null;
  ownerName: string;
  dueOn: string | null;
}

/** An action item: the case's institution or a team institution, optionally its person, a deadline. */
export function ActionItemForm({
  caseId,
  candidates,
  meeting,
  onDone,
  onCancel,
}: {
  caseId: string;
  candidates: CaseMeetingCandidates;
  meeting: CaseMeeting;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm<ItemValues>({
    initialValues: {
      description: '',
      ownerInstitutionId: null,
      ownerUserId: null,
      ownerName: '',
      dueOn: null,
    },
    validate: {
      description: (v) => (v.trim() ? null : t('sharing.form.required')),
      ownerInstitutionId: (v) => (v ? null : t('sharing.form.required')),
    },
  });
  const own = candidates.ownInstitution;
  const institutions = [
    { value: own.id, label: own.name },
    ...candidates.team.map((m) => ({ value: m.institution.id, label: m.institution.name })),
  ];
  const inst = form.values.ownerInstitutionId;
  const member = candidates.team.find((m) => m.institution.id === inst);
  const people =
    inst === own.id
      ? candidates.workers.map((w) => ({ value: w.id, label: w.name }))
      : member?.user
        ? [{ value: member.user.id, label: member.user.name }]
        : [];
  const fieldLabel = (f: string) =>
    ({
      description: t('sharing.meetings.items.description'),
      ownerInstitutionId: t('sharing.meetings.items.ownerInstitution'),
      ownerUserId: t('sharing.meetings.items.ownerUser'),
      ownerName: t('sharing.meetings.items.ownerName'),
      dueOn: t('sharing.meetings.items.dueOn'),
    })[f.replace(/^body\./, '')] ?? f;
  const save = useMutation({
    mutationFn: (v: ItemValues) =>
      addMeetingActionItem(caseId, meeting.id, {
        description: v.description,
        ownerInstitutionId: v.ownerInstitutionId as string,
        ownerUserId: v.ownerUserId,
        ownerName: v.ownerName,
        dueOn: v.dueOn,
      }),
    onSuccess: (m) => {
      queryClient.setQueryData(sharingKeys.meeting('owner', caseId, m.id), m);
      void queryClient.invalidateQueries({ queryKey: sharingKeys.meetings('owner', caseId), exact: true });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      aria-label={t('sharing.meetings.items.add')}
      data-testid="meeting-item-form"
    >
      <Stack gap="sm">
        <FormProblem error={save.error} fieldLabel={fieldLabel} />
        <Textarea
          label={t('sharing.meetings.items.description')}
          required
          autosize
          data-autofocus
          {...form.getInputProps('description')}
        />
        <Select
          label={t('sharing.meetings.items.ownerInstitution')}
          required
          data={institutions}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('ownerInstitutionId')}
          onChange={(v) => {
            form.setFieldValue('ownerInstitutionId', v);
            form.setFieldValue('ownerUserId', null);
          }}
        />
        <Select
          label={t('sharing.meetings.items.ownerUser')}
          description={t('sharing.meetings.items.ownerUserHint')}
          clearable
          disabled={!inst}
          data={people}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('ownerUserId')}
        />
        <TextInput label={t('sharing.meetings.items.ownerName')} {...form.getInputProps('ownerName')} />
        <DateInput
          label={t('sharing.meetings.items.dueOn')}
          {...dateProps}
          {...form.getInputProps('dueOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('sharing.meetings.items.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
