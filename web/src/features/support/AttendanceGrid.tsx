import { parseHours, type SessionAttendance } from '@kooperacja/domain';
import { Alert, Anchor, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { textColors } from '../../theme';
import { plHours } from './labels';
import { attendancePdfUrl, saveAttendance, supportKeys } from './supportApi';
import { useSessionAttendance } from './useSessionAttendance';

type Marks = Record<string, { present: boolean; hours: string }>;

function marksOf(data: SessionAttendance): Marks {
  return Object.fromEntries(
    data.rows.map((r) => [
      r.participant.id,
      // An absent mark keeps 0 hours; ticking the person present again offers the session's length.
      { present: r.present ?? false, hours: plHours(r.present === false ? data.session.hours : r.hours) },
    ]),
  );
}

/**
 * The attendance list of one session, filled in the app: a checkbox per enrolled participant
 * ("Obecność: <imię nazwisko>"), hours prefilled with the session's length, and one "Zapisz listę
 * obecności" that saves the whole list at once with the session's version (somebody else's save in
 * the meantime is reported, never overwritten). The printable list (PDF) is linked above.
 */
export function AttendanceGrid({
  projectId,
  activityId,
  sessionId,
}: {
  projectId: string;
  activityId: string;
  sessionId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const query = useSessionAttendance(projectId, activityId, sessionId);
  const data = query.data;
  const [marks, setMarks] = useState<Marks>({});
  const [saved, setSaved] = useState(false);
  const version = data?.session.version;
  // A freshly loaded (or reloaded, or just saved) list replaces what was being edited.
  const loaded = data ? `${sessionId}:${version}` : null;
  const [shown, setShown] = useState<string | null>(null);
  if (data && loaded !== shown) {
    setShown(loaded);
    setMarks(marksOf(data));
  }
  const rows = (data?.rows ?? []).filter((r) => r.enrolled);
  const leaving = (data?.rows ?? []).filter((r) => !r.enrolled);
  const manage = data?.abilities.manage ?? false;
  const hoursError = (text: string) => {
    if (text.trim() === '') return null;
    const parsed = parseHours(text);
    return parsed.ok
      ? null
      : t(
          `support.attendance.${parsed.error === 'support.hours.precision' ? 'hoursPrecision' : 'hoursFormat'}`,
        );
  };
  const save = useMutation({
    mutationFn: () =>
      saveAttendance(projectId, activityId, sessionId, {
        version: version as number,
        rows: rows.map((r) => {
          const m = marks[r.participant.id] ?? { present: false, hours: '' };
          return {
            participantId: r.participant.id,
            present: m.present,
            hours: m.present && m.hours.trim() ? m.hours.trim() : null,
          };
        }),
      }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(supportKeys.attendance(projectId, sessionId), fresh);
      void queryClient.invalidateQueries({ queryKey: supportKeys.activity(projectId, activityId) });
      setMarks(marksOf(fresh));
      setSaved(true);
    },
  });
  const conflict = isApiError(save.error) && save.error.status === 409;
  /** Server field errors by participant ("rows.2.hours" → the third row sent). */
  const serverErrors: Record<string, string> = {};
  if (isApiError(save.error))
    for (const e of save.error.problem.errors ?? []) {
      const m = /^rows\.(\d+)\./.exec(e.field);
      const row = m ? rows[Number(m[1])] : undefined;
      if (row) serverErrors[row.participant.id] = e.message;
    }
  const invalid = rows.some((r) => {
    const m = marks[r.participant.id];
    return m?.present && hoursError(m.hours);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) save.mutate();
  };
  const set = (participantId: string, change: Partial<Marks[string]>) => {
    setSaved(false);
    setMarks((prev) => ({
      ...prev,
      [participantId]: { ...(prev[participantId] ?? { present: false, hours: '' }), ...change },
    }));
  };
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return <Text>{t('common.loading')}</Text>;
  const s = data.session;
  const present = rows.filter((r) => marks[r.participant.id]?.present).length;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={`${id}-title`}>
              {t('support.attendance.title', { date: formatDate(s.date) })}
            </Title>
            <Text size="sm">
              {[s.startTime, t('support.hoursValue', { hours: plHours(s.hours) }), s.topic]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Anchor href={attendancePdfUrl(projectId, activityId, sessionId)} download>
            {t('support.attendance.pdf')}
          </Anchor>
        </Group>
        <Text size="sm">
          {data.recordedAt
            ? t('support.attendance.recordedBy', {
                name: data.recordedBy ?? '—',
                at: formatDateTime(data.recordedAt),
              })
            : t('support.attendance.notRecorded')}
        </Text>
        {manage && rows.length > 0 && <Text size="sm">{t('support.attendance.lead')}</Text>}
        {rows.length === 0 ? (
          <Text>{t('support.attendance.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <caption style={{ textAlign: 'left' }}>
                {t('support.attendance.caption', { present, total: rows.length })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('support.attendance.no')}</Table.Th>
                  <Table.Th scope="col">{t('support.attendance.participant')}</Table.Th>
                  <Table.Th scope="col">{t('support.attendance.present')}</Table.Th>
                  <Table.Th scope="col">{t('support.attendance.hours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => {
                  const m = marks[r.participant.id] ?? { present: false, hours: '' };
                  const error = (m.present && hoursError(m.hours)) || serverErrors[r.participant.id] || null;
                  return (
                    <Table.Tr key={r.participant.id}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Th scope="row" fw="normal">
                        {r.participant.name}
                        <Text size="xs" c="dimmed" component="span" display="block">
                          {r.participant.technicalId}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('support.attendance.presentOf', { name: r.participant.name })}
                          checked={m.present}
                          disabled={!manage}
                          onChange={(e) => set(r.participant.id, { present: e.currentTarget.checked })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('support.attendance.hoursOf', { name: r.participant.name })}
                          value={m.present ? m.hours : '0'}
                          disabled={!manage || !m.present}
                          inputMode="decimal"
                          w={100}
                          error={error}
                          onChange={(e) => set(r.participant.id, { hours: e.currentTarget.value })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {leaving.length > 0 && (
          <Text size="sm">
            {t('support.attendance.notEnrolled', {
              names: leaving.map((r) => r.participant.name).join(', '),
            })}
          </Text>
        )}
        {conflict ? (
          <Alert color="orange" title={t('support.attendance.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('support.attendance.conflict')}</Text>
              <div>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    save.reset();
                    void query.refetch();
                  }}
                >
                  {t('support.attendance.reload')}
                </Button>
              </div>
            </Stack>
          </Alert>
        ) : save.error ? (
          <ProblemAlert error={save.error} />
        ) : null}
        {saved && (
          <Text role="status" c={textColors.success} fw={600}>
            {t('support.attendance.saved')}
          </Text>
        )}
        {manage && rows.length > 0 && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={invalid}>
              {t('support.attendance.save')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                for (const r of rows) set(r.participant.id, { present: true });
              }}
            >
              {t('support.attendance.allPresent')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
