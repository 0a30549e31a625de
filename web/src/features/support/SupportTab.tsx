import type { SupportActivity } from '@kooperacja/domain';
import { Anchor, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ActivityForm } from './ActivityForm';
import { kindOrder, plHours, useSupportLabels } from './labels';
import { useSupportActivities } from './useSupportActivities';

export const activityHref = (projectId: string, activityId: string) =>
  `/projekty/${projectId}/wsparcie/${activityId}`;

const period = (a: Pick<SupportActivity, 'startsOn' | 'endsOn'>, openEnded: string) =>
  `${formatDate(a.startsOn)} – ${a.endsOn ? formatDate(a.endsOn) : openEnded}`;

/**
 * The project tab "Wsparcie": the forms of support grouped by kind, each a link to its page (the
 * schedule and attendance lists of a workshop, its participants, a flat's occupancy). Only the
 * project team sees it; other readers of the project are told so.
 */
export function SupportTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const labels = useSupportLabels();
  const navigate = useNavigate();
  const query = useSupportActivities(projectId);
  const [adding, setAdding] = useState(false);
  if (query.error && isApiError(query.error) && query.error.status === 404)
    return (
      <SectionCard titleId="project-support" title={t('support.tab.title')}>
        <Text>{t('support.tab.teamOnly')}</Text>
      </SectionCard>
    );
  const data = query.data;
  const manage = data?.abilities.manage ?? false;
  return (
    <Stack gap="lg">
      <SectionCard
        titleId="project-support"
        title={t('support.tab.title')}
        description={t('support.tab.lead')}
        query={{ ...query, skeletonHeight: 120 }}
      >
        {data && data.items.length === 0 && <Text>{t('support.tab.none')}</Text>}
        {manage && (
          <Group>
            <Button onClick={() => setAdding(true)}>{t('support.tab.add')}</Button>
          </Group>
        )}
      </SectionCard>
      {data &&
        kindOrder
          .map((kind) => ({ kind, items: data.items.filter((a) => a.kind === kind) }))
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <SectionCard key={g.kind} titleId={`support-kind-${g.kind}`} title={labels.kind(g.kind)}>
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <VisuallyHidden component="caption">
                    {t('support.tab.caption', { kind: labels.kind(g.kind) })}
                  </VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('support.tab.name')}</Table.Th>
                      <Table.Th scope="col">{t('support.tab.type')}</Table.Th>
                      <Table.Th scope="col">{t('support.tab.period')}</Table.Th>
                      <Table.Th scope="col">{t('support.tab.participants')}</Table.Th>
                      <Table.Th scope="col">
                        {g.kind === 'grupowe'
                          ? t('support.tab.sessions')
                          : g.kind === 'mieszkanie'
                            ? t('support.tab.places')
                            : t('support.tab.details')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={activityHref(projectId, a.id)}>
                            {a.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{a.supportType ? a.supportType.code : '—'}</Table.Td>
                        <Table.Td>{period(a, t('support.openEnded'))}</Table.Td>
                        <Table.Td>
                          {t('support.tab.participantCount', {
                            active: a.activeCount,
                            total: a.episodeCount,
                          })}
                        </Table.Td>
                        <Table.Td>
                          {g.kind === 'grupowe'
                            ? t('support.tab.sessionCount', {
                                count: a.sessionCount,
                                hours: plHours(a.sessionHours),
                              })
                            : g.kind === 'mieszkanie'
                              ? String(a.capacity ?? '—')
                              : (a.employer ?? a.place ?? '—')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </SectionCard>
          ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('support.tab.add')} size="lg">
        {adding && data && (
          <ActivityForm
            projectId={projectId}
            supportTypes={data.supportTypes}
            onDone={(saved) => {
              setAdding(false);
              if (saved) void navigate(activityHref(projectId, saved.id));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
