import type { Partnership, PartnershipMeeting, PartnershipMeetingInput } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useMeeting, useMeetings } from './hooks';
import { usePartnershipLabels } from './labels';
import {
  addActionItem,
  completeActionItem,
  createMeeting,
  partnershipKeys,
  updateMeeting,
} from './partnershipsApi';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const localTime = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Meetings of the partnership: the list, one meeting's attendance, minutes and action items. */
export function MeetingsTab({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const query = useMeetings(p.id);
  const [params, setParams] = useSearchParams();
  const selected = params.get('spotkanie');
  const [creating, setCreating] = useState(false);
  const open = (id: string | null) =>
    setParams(id ? { spotkanie: id } : { karta: 'spotkania' }, { replace: true });
  return (
    <Stack>
      <SectionCard
        titleId="meetings"
        title={t('partnerships.meetings.title')}
        query={{ ...query, skeletonHeight: 100 }}
      >
        {p.abilities.manage && (
          <Group>
            <Button onClick={() => setCreating(true)}>{t('partnerships.meetings.create')}</Button>
          </Group>
        )}
        {query.data?.items.length === 0 && <Text size="sm">{t('partnerships.meetings.empty')}</Text>}
        {!!query.data?.items.length && (
          <Table.ScrollContainer minWidth={600}>
            <Table striped aria-labelledby="meetings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('partnerships.meetings.when')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.meetings.titleField')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.form.status')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.meetings.attendance')}</Table.Th>
                  <Table.Th scope="col">{t('partnerships.meetings.openItems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((m) => (
                  <Table.Tr key={m.id} aria-current={m.id === selected ? 'true' : undefined}>
                    <Table.Td>{formatDateTime(m.startsAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => open(m.id)}>
                        {m.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labels.label('meetingStatuses', m.status)}</Table.Td>
                    <Table.Td>
                      {m.status === 'odbyte'
                        ? t('partnerships.meetings.presentOf', { present: m.present, count: m.attendees })
                        : t('partnerships.meetings.invited', { count: m.attendees })}
                    </Table.Td>
                    <Table.Td>{m.openActionItems}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      {selected && <MeetingDetail partnership={p} meetingId={selected} onClose={() => open(null)} />}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('partnerships.meetings.create')}
        size="lg"
      >
        <MeetingForm
          partnership={p}
          onDone={(m) => {
            setCreating(false);
            open(m.id);
          }}
        />
      </Modal>
    </Stack>
  );
}

function MeetingDetail({
  partnership: p,
  meetingId,
  onClose,
}: {
  partnership: Partnership;
  meetingId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const query = useMeeting(p.id, meetingId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [addingItem, setAddingItem] = useState(false);
  const m = query.data;
  const done = useMutation({
    mutationFn: (v: { itemId: string; done: boolean }) =>
      completeActionItem(p.id, meetingId, v.itemId, v.done),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
  return (
    <SectionCard
      titleId="meeting-detail"
      title={m ? `${m.title} — ${formatDateTime(m.startsAt)}` : t('partnerships.meetings.meeting')}
      query={{ ...query, skeletonHeight: 160 }}
    >
      {m && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{labels.label('meetingStatuses', m.status)}</Badge>
            <Text size="sm">
              {m.place}
              {m.place && m.onlineUrl ? ' · ' : ''}
              {m.onlineUrl && (
                <Anchor href={m.onlineUrl} target="_blank" rel="noreferrer">
                  {t('partnerships.meetings.online')}
                </Anchor>
              )}
            </Text>
          </Group>
          <Group gap="xs">
            {m.abilities.manage && (
              <>
                <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                  {t('partnerships.meetings.editMinutes')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setAddingItem(true)}>
                  {t('partnerships.actionItems.add')}
                </Button>
              </>
            )}
            <Button size="xs" variant="subtle" onClick={onClose}>
              {t('partnerships.meetings.closeDetail')}
            </Button>
          </Group>
          {(['agenda', 'minutes', 'decisions'] as const).map((k) =>
            m[k] ? (
              <div key={k}>
                <Title order={3} size="h6">
                  {t(`partnerships.meetings.${k}`)}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m[k]}
                </Text>
              </div>
            ) : null,
          )}
          <Title order={3} size="h6">
            {t('partnerships.meetings.attendance')}
          </Title>
          <List size="sm">
            {m.attendees.map((a) => (
              <List.Item key={a.id}>
                {a.name}
                {a.institution ? ` (${a.institution.name})` : ''} —{' '}
                {a.present === null
                  ? t('partnerships.meetings.invitedOne')
                  : a.present
                    ? t('partnerships.meetings.present')
                    : t('partnerships.meetings.absent')}
              </List.Item>
            ))}
          </List>
          <Title order={3} size="h6">
            {t('partnerships.actionItems.title')}
          </Title>
          {done.error ? <ProblemAlert error={done.error} /> : null}
          {m.actionItems.length === 0 && <Text size="sm">{t('partnerships.actionItems.empty')}</Text>}
          <List size="sm" spacing="xs" listStyleType="none" data-testid="meeting-action-items">
            {m.actionItems.map((i) => (
              <List.Item key={i.id}>
                <Group justify="space-between" wrap="nowrap">
                  <div>
                    <Text size="sm" fw={600} td={i.doneOn ? 'line-through' : undefined}>
                      {i.description}
                    </Text>
                    <Text size="xs">
                      {i.ownerInstitution.name}
                      {i.ownerUser ? ` — ${i.ownerUser.name}` : i.ownerName ? ` — ${i.ownerName}` : ''}
                      {i.dueOn
                        ? ` · ${t('partnerships.actionItems.due', { date: formatDate(i.dueOn) })}`
                        : ''}
                      {i.doneOn
                        ? ` · ${t('partnerships.actionItems.doneOn', { date: formatDate(i.doneOn) })}`
                        : ''}{' '}
                      {i.overdue && (
                        <Badge color="red" variant="light" size="xs">
                          {t('partnerships.actionItems.overdue')}
                        </Badge>
                      )}
                    </Text>
                  </div>
                  {i.abilities.complete && (
                    <Checkbox
                      label={t('partnerships.actionItems.done')}
                      checked={!!i.doneOn}
                      aria-label={t('partnerships.actionItems.markDoneNamed', { name: i.description })}
                      onChange={(e) => done.mutate({ itemId: i.id, done: e.currentTarget.checked })}
                    />
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
          <Modal
            opened={editing}
            onClose={() => setEditing(false)}
            title={t('partnerships.meetings.editMinutes')}
            size="lg"
          >
            <MeetingForm partnership={p} meeting={m} onDone={() => setEditing(false)} />
          </Modal>
          <Modal
            opened={addingItem}
            onClose={() => setAddingItem(false)}
            title={t('partnerships.actionItems.add')}
            size="lg"
          >
            <ActionItemForm partnership={p} meeting={m} onDone={() => setAddingItem(false)} />
          </Modal>
        </Stack>
      )}
    </SectionCard>
  );
}

interface AttendeeValue {
  institutionId: string | null;
  userId: string | null;
  name: string;
  present: boolean;
}

/** Plans a meeting (inviting member institutions) or edits one: minutes, decisions, who was present. */
function MeetingForm({
  partnership: p,
  meeting,
  onDone,
}: {
  partnership: Partnership;
  meeting?: PartnershipMeeting;
  onDone: (m: PartnershipMeeting) => void;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const members = p.members.filter((m) => !m.leftOn);
  const form = useForm({
    initialValues: {
      title: meeting?.title ?? '',
      date: (meeting ? localDate(meeting.startsAt) : null) as string | null,
      time: meeting ? localTime(meeting.startsAt) : '10:00',
      place: meeting?.place ?? '',
      onlineUrl: meeting?.onlineUrl ?? '',
      agenda: meeting?.agenda ?? '',
      minutes: meeting?.minutes ?? '',
      decisions: meeting?.decisions ?? '',
      status: (meeting?.status ?? 'zaplanowane') as string | null,
      invited: [] as string[],
      attendees: (meeting?.attendees ?? []).map(
        (a): AttendeeValue => ({
          institutionId: a.institution?.id ?? null,
          userId: a.userId,
          name: a.name,
          present: !!a.present,
        }),
      ),
    },
    validate: {
      title: (v) => (v.trim() ? null : t('partnerships.form.required')),
      date: (v) => (v ? null : t('partnerships.form.required')),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t('partnerships.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const held = v.status === 'odbyte';
      const attendees = meeting
        ? v.attendees.map((a) => ({ ...a, present: held ? a.present : null }))
        : v.invited.map((institutionId) => {
            const m = members.find((x) => x.institution.id === institutionId);
            return { institutionId, name: m?.contactName || m?.institution.name || '', present: null };
          });
      const body: PartnershipMeetingInput = {
        title: v.title,
        startsAt: new Date(`${v.date}T${v.time}:00`).toISOString(),
        place: v.place,
        onlineUrl: v.onlineUrl,
        agenda: v.agenda,
        minutes: v.minutes,
        decisions: v.decisions,
        status: v.status as PartnershipMeetingInput['status'],
        attendees,
      };
      return meeting ? updateMeeting(p.id, meeting.id, body, meeting.version) : createMeeting(p.id, body);
    },
    onSuccess: (m) => {
      queryClient.setQueryData(partnershipKeys.meeting(p.id, m.id), m);
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.meetings(p.id) });
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.dashboard(p.id) });
      onDone(m);
    },
    onError: (e) => {
      const errors = formErrorsOf(e, 'meeting');
      if (errors.startsAt) errors.date = errors.startsAt;
      form.setErrors(errors);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <TextInput label={t('partnerships.meetings.titleField')} required {...form.getInputProps('title')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('partnerships.meetings.date')}
              required
              {...dateProps}
              {...form.getInputProps('date')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TimeInput label={t('partnerships.meetings.time')} required {...form.getInputProps('time')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('partnerships.form.status')}
              data={labels.options('meetingStatuses')}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('partnerships.meetings.place')}
              description={t('partnerships.meetings.placeHint')}
              {...form.getInputProps('place')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('partnerships.meetings.onlineUrl')}
              type="url"
              {...form.getInputProps('onlineUrl')}
            />
          </Grid.Col>
        </Grid>
        {!meeting && (
          <MultiSelect
            label={t('partnerships.meetings.invite')}
            data={members.map((m) => ({ value: m.institution.id, label: m.institution.name }))}
            {...form.getInputProps('invited')}
          />
        )}
        <Textarea
          label={t('partnerships.meetings.agenda')}
          autosize
          minRows={2}
          {...form.getInputProps('agenda')}
        />
        {meeting && (
          <>
            <Textarea
              label={t('partnerships.meetings.minutes')}
              description={t('partnerships.meetings.minutesHint')}
              autosize
              minRows={3}
              {...form.getInputProps('minutes')}
            />
            <Textarea
              label={t('partnerships.meetings.decisions')}
              autosize
              minRows={2}
              {...form.getInputProps('decisions')}
            />
            {form.values.status === 'odbyte' && form.values.attendees.length > 0 && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" fw={600} size="sm">
                  {t('partnerships.meetings.whoPresent')}
                </Text>
                <Stack gap={4} mt="xs">
                  {form.values.attendees.map((a, i) => (
                    <Checkbox
                      key={`${a.institutionId}-${a.name}`}
                      label={a.name}
                      {...form.getInputProps(`attendees.${i}.present`, { type: 'checkbox' })}
                    />
                  ))}
                </Stack>
              </fieldset>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {meeting ? t('partnerships.form.save') : t('partnerships.meetings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An action item: owner institution (a member), optionally a person from the attendees, a deadline. */
function ActionItemForm({
  partnership: p,
  meeting,
  onDone,
}: {
  partnership: Partnership;
  meeting: PartnershipMeeting;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      description: '',
      ownerInstitutionId: null as string | null,
      ownerUserId: null as string | null,
      ownerName: '',
      dueOn: null as string | null,
    },
    validate: {
      description: (v) => (v.trim() ? null : t('partnerships.form.required')),
      ownerInstitutionId: (v) => (v ? null : t('partnerships.form.required')),
    },
  });
  const people = meeting.attendees.filter(
    (a) => a.userId && a.institution && a.institution.id === form.values.ownerInstitutionId,
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      addActionItem(p.id, meeting.id, {
        description: v.description,
        ownerInstitutionId: v.ownerInstitutionId as string,
        ownerUserId: v.ownerUserId,
        ownerName: v.ownerName,
        dueOn: v.dueOn,
      }),
    onSuccess: (m) => {
      queryClient.setQueryData(partnershipKeys.meeting(p.id, m.id), m);
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.all });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Textarea
          label={t('partnerships.actionItems.description')}
          required
          autosize
          {...form.getInputProps('description')}
        />
        <Select
          label={t('partnerships.actionItems.ownerInstitution')}
          required
          data={p.members
            .filter((m) => !m.leftOn)
            .map((m) => ({ value: m.institution.id, label: m.institution.name }))}
          {...form.getInputProps('ownerInstitutionId')}
          onChange={(v) => {
            form.setFieldValue('ownerInstitutionId', v);
            form.setFieldValue('ownerUserId', null);
          }}
        />
        <Select
          label={t('partnerships.actionItems.ownerUser')}
          description={t('partnerships.actionItems.ownerUserHint')}
          clearable
          data={people.map((a) => ({ value: a.userId as string, label: a.name }))}
          {...form.getInputProps('ownerUserId')}
        />
        <TextInput label={t('partnerships.actionItems.ownerName')} {...form.getInputProps('ownerName')} />
        <DateInput
          label={t('partnerships.actionItems.dueOn')}
          {...dateProps}
          {...form.getInputProps('dueOn')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('partnerships.actionItems.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
