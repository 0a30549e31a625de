import { Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useMyActionItems } from './hooks';
import { completeActionItem, partnershipKeys } from './partnershipsApi';

/**
 * "Moje zadania ze spotkań partnerstw": open action items whose owner is the signed-in user, with
 * the deadline (overdue ones said in words) and a link to the meeting; the owner marks them done.
 */
export function MyActionItemsCard() {
  const { t } = useTranslation();
  const query = useMyActionItems();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: (i: { partnershipId: string; meetingId: string; id: string }) =>
      completeActionItem(i.partnershipId, i.meetingId, i.id, true),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
  const items = query.data?.items ?? [];
  return (
    <SectionCard
      titleId="my-action-items"
      title={t('partnerships.mine.title')}
      description={t('partnerships.mine.description')}
      query={{ ...query, skeletonHeight: 60 }}
    >
      {done.error ? <ProblemAlert error={done.error} /> : null}
      {query.data && items.length === 0 && <Text size="sm">{t('partnerships.mine.empty')}</Text>}
      {items.length > 0 && (
        <List spacing="xs" listStyleType="none" data-testid="my-action-items">
          {items.map((i) => (
            <List.Item key={i.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {i.description}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Anchor
                      component={Link}
                      to={`/partnerstwa/${i.partnership.id}?spotkanie=${i.meeting.id}`}
                      size="xs"
                    >
                      {i.meeting.title} ({formatDate(i.meeting.startsAt)})
                    </Anchor>{' '}
                    · {i.partnership.name}
                  </Text>
                  {i.dueOn && (
                    <Text size="xs">
                      {t('partnerships.actionItems.due', { date: formatDate(i.dueOn) })}{' '}
                      {i.overdue && (
                        <Badge color="red" variant="light" size="xs">
                          {t('partnerships.actionItems.overdue')}
                        </Badge>
                      )}
                    </Text>
                  )}
                </div>
                <Button
                  size="xs"
                  variant="light"
                  loading={done.isPending && done.variables?.id === i.id}
                  onClick={() =>
                    done.mutate({ partnershipId: i.partnership.id, meetingId: i.meeting.id, id: i.id })
                  }
                  aria-label={t('partnerships.actionItems.markDoneNamed', { name: i.description })}
                >
                  {t('partnerships.actionItems.markDone')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
