import type { SupportWarning } from '@kooperacja/domain';
import { Alert, Anchor, Button, Group, List, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatMoney } from '../../lib/format';
import { EpisodeForm } from './EpisodeForm';
import { plHours, useSupportLabels } from './labels';
import { activityHref } from './SupportTab';
import { useParticipantSupport } from './useParticipantSupport';

/**
 * The support of one participant, for the participant page: every episode (form of support, type,
 * dates, hours counted — attended hours for group activities, entered hours otherwise — and the
 * stipend of an internship), the totals, and "add an episode" for a coordinator.
 */
export function ParticipantSupportSection({
  projectId,
  participantId,
}: {
  projectId: string;
  participantId: string;
}) {
  const { t } = useTranslation();
  const labels = useSupportLabels();
  const query = useParticipantSupport(projectId, participantId);
  const [adding, setAdding] = useState(false);
  const [warnings, setWarnings] = useState<SupportWarning[]>([]);
  const data = query.data;
  return (
    <SectionCard
      titleId="participant-support"
      title={t('support.participant.title')}
      query={{ ...query, skeletonHeight: 120 }}
    >
      {data && (
        <Text size="sm">
          {t('support.participant.totals', {
            total: plHours(data.totals.total),
            group: plHours(data.totals.group),
            individual: plHours(data.totals.individual),
            internship: plHours(data.totals.internship),
          })}
          {data.totals.stipend > 0 &&
            ` ${t('support.participant.stipend', { amount: formatMoney(data.totals.stipend) })}`}
        </Text>
      )}
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          title={t('support.episodes.warnings')}
          withCloseButton
          onClose={() => setWarnings([])}
          role="status"
        >
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w.code}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {data && data.episodes.length === 0 && <Text>{t('support.participant.empty')}</Text>}
      {data && data.episodes.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <VisuallyHidden component="caption">
              {t('support.participant.caption', { name: data.participant.name })}
            </VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('support.participant.activity')}</Table.Th>
                <Table.Th scope="col">{t('support.participant.kind')}</Table.Th>
                <Table.Th scope="col">{t('support.participant.period')}</Table.Th>
                <Table.Th scope="col">{t('support.participant.hours')}</Table.Th>
                <Table.Th scope="col">{t('support.episodes.stipend')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.episodes.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={activityHref(projectId, e.activity.id)}>
                      {e.activity.name}
                    </Anchor>
                    {e.activity.supportType && (
                      <Text size="xs" c="dimmed" component="span" display="block">
                        {e.activity.supportType.code}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{labels.kind(e.activity.kind)}</Table.Td>
                  <Table.Td>
                    {formatDate(e.startsOn)} – {e.endsOn ? formatDate(e.endsOn) : t('support.openEnded')}
                  </Table.Td>
                  <Table.Td>{e.activity.kind === 'mieszkanie' ? '—' : plHours(e.hoursCounted)}</Table.Td>
                  <Table.Td>{e.stipend === null ? '—' : formatMoney(e.stipend)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data?.abilities.manage && data.activities.length > 0 && (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('support.participant.add')}
          </Button>
        </Group>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('support.participant.add')} size="lg">
        {adding && data && (
          <EpisodeForm
            projectId={projectId}
            activities={data.activities}
            participantId={participantId}
            onDone={(w) => {
              setAdding(false);
              setWarnings(w ?? []);
            }}
          />
        )}
      </Modal>
    </SectionCard>
  );
}
