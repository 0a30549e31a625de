import type { Case, TimelineKind } from '@kooperacja/domain';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../../components/SectionCard';
import { useMe } from '../../../auth/useMe';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { draftKey, readDraft } from '../../shared/useDraft';
import { TimelineEntryForm } from './TimelineEntryForm';
import { TimelineEntryItem } from './TimelineEntryItem';
import { useTimeline } from './useTimeline';

const ALL = 'all';
const PAGE = 20;

/**
 * The "Przebieg sprawy" tab: the timeline newest first, filtered by kind, with "Dodaj wpis" and
 * "Załaduj starsze". An unsaved entry (a draft) opens the form again.
 */
export function TimelineSection({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { me } = useMe();
  const [kind, setKind] = useState<TimelineKind | null>(null);
  const [adding, setAdding] = useState(
    () => !!me && readDraft(draftKey(me.user.id, 'timeline', data.id)) !== null,
  );
  const query = useTimeline(data.id, { kind, limit: PAGE });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const canAdd = data.abilities.update && data.status !== 'zamknieta';
  const kindOptions = [
    { value: ALL, label: t('cases.timeline.allKinds') },
    ...labels.options('timelineKinds'),
  ];

  return (
    <SectionCard
      titleId="timeline-title"
      title={t('cases.timeline.sectionTitle')}
      query={{ isPending: query.isPending, error: query.error, refetch: query.refetch, skeletonHeight: 200 }}
    >
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label={t('cases.timeline.filter')}
          data={kindOptions}
          value={kind ?? ALL}
          allowDeselect={false}
          onChange={(v) => setKind(!v || v === ALL ? null : (v as TimelineKind))}
          comboboxProps={{ withinPortal: true }}
          w={280}
        />
        {canAdd && !adding && <Button onClick={() => setAdding(true)}>{t('cases.timeline.add')}</Button>}
      </Group>
      {adding && canAdd && (
        <Paper withBorder p="md" component="section" aria-labelledby="timeline-add">
          <Stack gap="sm">
            <Title order={3} size="h5" id="timeline-add">
              {t('cases.timeline.add')}
            </Title>
            <TimelineEntryForm caseId={data.id} onDone={() => setAdding(false)} />
          </Stack>
        </Paper>
      )}
      {query.data && entries.length === 0 && (
        <Text size="sm">{kind ? t('cases.timeline.noneOfKind') : t('cases.timeline.none')}</Text>
      )}
      {entries.length > 0 && (
        <Stack component="ol" gap={0} m={0} p={0} aria-label={t('cases.timeline.listLabel')}>
          {entries.map((e) => (
            <TimelineEntryItem key={e.id} caseId={data.id} entry={e} />
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('cases.timeline.older')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
