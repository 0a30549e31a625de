import type { CaseMeetingList } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTeamMeeting, useTeamMeetings } from './hooks';
import { meetingStatusColor, useSharingLabels } from './labels';
import { completeMeetingActionItem, type MeetingSide, sharingKeys } from './sharingApi';
import { ActionItemForm, MeetingForm } from './TeamMeetingForm';

/**
 * "Spotkania zespołu": the case-team meetings. The owner side (tab "Współpraca") plans them, writes
 * the minutes and gives out action items; a partner (shared case view) sees the meetings its
 * institution attends — minutes and decisions only when the plan is shared with it — and marks its
 * institution's action items done.
 */
export function TeamMeetingsSection({
  caseId,
  side,
  headingId,
}: {
  caseId: string;
  side: MeetingSide;
  headingId: string;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const query = useTeamMeetings(side, caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = query.data;
  const items = list?.items ?? [];
  return (
    <SectionCard
      titleId={headingId}
      title={t('sharing.meetings.title')}
      description={side === 'owner' ? t('sharing.meetings.leadOwner') : t('sharing.meetings.leadPartner')}
      query={{ ...query, skeletonHeight: 100 }}
    >
      {list?.canManage && (
        <Group>
          <Button onClick={() => setCreating(true)} data-testid="meeting-create-open">
            {t('sharing.meetings.create')}
          </Button>
        </Group>
      )}
      {list && items.length === 0 && (
        <Text size="sm">
          {side === 'owner' ? t('sharing.meetings.empty') : t('sharing.meetings.emptyPartner')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-labelledby={headingId} data-testid="meetings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sharing.meetings.when')}</Table.Th>
                <Table.Th scope="col">{t('sharing.meetings.titleField')}</Table.Th>
                <Table.Th scope="col">{t('sharing.meetings.status')}</Table.Th>
                <Table.Th scope="col">{t('sharing.meetings.institutions')}</Table.Th>
                <Table.Th scope="col">{t('sharing.meetings.attendance')}</Table.Th>
                <Table.Th scope="col">{t('sharing.meetings.openItems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr
                  key={m.id}
                  data-testid={`meeting-${m.id}`}
                  aria-current={m.id === selected ? 'true' : undefined}
                >
                  <Table.Td>{formatDateTime(m.startsAt)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setSelected(m.id)}
                      aria-expanded={m.id === selected}
                    >
                      {m.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={meetingStatusColor[m.status]} tt="none">
                      {labels.label('meetingStatuses', m.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.institutions.map((i) => i.name).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {m.status === 'odbyte'
                      ? t('sharing.meetings.presentOf', { present: m.present, count: m.attendees })
                      : t('sharing.meetings.invited', { count: m.attendees })}
                  </Table.Td>
                  <Table.Td>{m.openActionItems}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && list && (
        <MeetingDetail
          caseId={caseId}
          side={side}
          list={list}
          meetingId={selected}
          onClose={() => setSelected(null)}
        />
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('sharing.meetings.create')}
        size="lg"
      >
        {list?.candidates && (
          <MeetingForm
            caseId={caseId}
            candidates={list.candidates}
            onDone={(m) => {
              setCreating(false);
              setSelected(m.id);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </SectionCard>
  );
}

function MeetingDetail({
  caseId,
  side,
  list,
  meetingId,
  onClose,
}: {
  caseId: string;
  side: MeetingSide;
  list: CaseMeetingList;
  meetingId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const query = useTeamMeeting(side, caseId, meetingId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [addingItem, setAddingItem] = useState(false);
  const m = query.data;
  const done = useMutation({
    mutationFn: (v: { itemId: string; done: boolean }) =>
      completeMeetingActionItem(side, caseId, meetingId, v.itemId, v.done),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sharingKeys.meetings(side, caseId) }),
  });
  const headingId = `meeting-detail-${meetingId}`;
  // Opening a meeting moves the focus to its heading, so a screen reader reads what opened.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(m);
  useEffect(() => {
    if (loaded && meetingId) headingRef.current?.focus();
  }, [loaded, meetingId]);
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="meeting-detail"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId} ref={headingRef} tabIndex={-1}>
          {m ? `${m.title} — ${formatDateTime(m.startsAt)}` : t('sharing.meetings.meeting')}
        </Title>
        {query.isPending && <Text size="sm">{t('sharing.meetings.loading')}</Text>}
        {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {m && (
          <>
            <Group gap="xs">
              <Badge variant="light" color={meetingStatusColor[m.status]} tt="none">
                {labels.label('meetingStatuses', m.status)}
              </Badge>
              <Text size="sm">
                {m.place}
                {m.place && m.onlineUrl ? ' · ' : ''}
                {m.onlineUrl && (
                  <Anchor href={m.onlineUrl} target="_blank" rel="noreferrer">
                    {t('sharing.meetings.online')}
                  </Anchor>
                )}
              </Text>
            </Group>
            <Group gap="xs">
              {m.abilities.manage && (
                <>
                  <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                    {t('sharing.meetings.edit')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setAddingItem(true)}>
                    {t('sharing.meetings.items.add')}
                  </Button>
                </>
              )}
              <Button size="xs" variant="subtle" onClick={onClose}>
                {t('sharing.meetings.closeDetail')}
              </Button>
            </Group>
            {m.restricted && (
              <Alert color="gray" variant="light" data-testid="meeting-restricted">
                {t('sharing.meetings.restricted')}
              </Alert>
            )}
            {(['agenda', 'minutes', 'decisions'] as const).map((k) =>
              m[k] ? (
                <div key={k} data-testid={`meeting-${k}`}>
                  <Title order={4} size="h6">
                    {t(`sharing.meetings.${k}`)}
                  </Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m[k]}
                  </Text>
                </div>
              ) : null,
            )}
            <Title order={4} size="h6">
              {t('sharing.meetings.attendees')}
            </Title>
            {m.attendees.length === 0 ? (
              <Text size="sm">{t('sharing.meetings.noAttendees')}</Text>
            ) : (
              <List size="sm" data-testid="meeting-attendees">
                {m.attendees.map((a) => (
                  <List.Item key={a.id}>
                    {a.name}
                    {a.institution && a.user ? ` (${a.institution.name})` : ''}
                    {a.kind === 'osoba' ? ` (${labels.label('attendeeKinds', a.kind).toLowerCase()})` : ''} —{' '}
                    {a.present === null
                      ? t('sharing.meetings.invitedOne')
                      : a.present
                        ? t('sharing.meetings.present')
                        : t('sharing.meetings.absent')}
                  </List.Item>
                ))}
              </List>
            )}
            <Title order={4} size="h6">
              {t('sharing.meetings.items.title')}
            </Title>
            {done.error ? <ProblemAlert error={done.error} /> : null}
            {m.actionItems.length === 0 && <Text size="sm">{t('sharing.meetings.items.empty')}</Text>}
            {m.actionItems.length > 0 && (
              <List size="sm" spacing="xs" listStyleType="none" data-testid="meeting-items">
                {m.actionItems.map((i) => (
                  <List.Item key={i.id} data-testid={`meeting-item-${i.id}`}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div>
                        <Text size="sm" fw={600} td={i.doneOn ? 'line-through' : undefined}>
                          {i.description}
                        </Text>
                        <Text size="xs">
                          {i.ownerInstitution.name}
                          {i.ownerUser ? ` — ${i.ownerUser.name}` : i.ownerName ? ` — ${i.ownerName}` : ''}
                          {i.dueOn
                            ? ` · ${t('sharing.meetings.items.due', { date: formatDate(i.dueOn) })}`
                            : ''}
                          {i.doneOn
                            ? ` · ${t('sharing.meetings.items.doneOn', { date: formatDate(i.doneOn) })}`
                            : ''}{' '}
                          {i.overdue && (
                            <Badge color="red" variant="light" size="xs" tt="none">
                              {t('sharing.meetings.items.overdue')}
                            </Badge>
                          )}
                        </Text>
                      </div>
                      {i.abilities.complete && (
                        <Checkbox
                          label={t('sharing.meetings.items.done')}
                          checked={!!i.doneOn}
                          disabled={done.isPending}
                          aria-label={t('sharing.meetings.items.doneNamed', { name: i.description })}
                          onChange={(e) => done.mutate({ itemId: i.id, done: e.currentTarget.checked })}
                        />
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {list.candidates && (
              <>
                <Modal
                  opened={editing}
                  onClose={() => setEditing(false)}
                  title={t('sharing.meetings.edit')}
                  size="lg"
                >
                  <MeetingForm
                    caseId={caseId}
                    candidates={list.candidates}
                    meeting={m}
                    onDone={() => setEditing(false)}
                    onCancel={() => setEditing(false)}
                  />
                </Modal>
                <Modal
                  opened={addingItem}
                  onClose={() => setAddingItem(false)}
                  title={t('sharing.meetings.items.add')}
                  size="lg"
                >
                  <ActionItemForm
                    caseId={caseId}
                    candidates={list.candidates}
                    meeting={m}
                    onDone={() => setAddingItem(false)}
                    onCancel={() => setAddingItem(false)}
                  />
                </Modal>
              </>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
