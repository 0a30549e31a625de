import type { TimelineEntry } from '@kooperacja/domain';
import { Anchor, Badge, Box, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { badgeColors } from '../../../admin/badgeColors';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { attachmentUrl } from '../caseApi';
import { formatSize, kindIcons } from './kindIcons';

/** One entry of the timeline: kind, when, who, title, text, the "sensitive" mark and attachments. */
export function TimelineEntryItem({ caseId, entry }: { caseId: string; entry: TimelineEntry }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const titleId = `entry-${entry.id}`;
  return (
    <Box
      component="li"
      aria-labelledby={titleId}
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', listStyle: 'none' }}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" color="kooperacja.7" size="lg" radius="xl" aria-hidden>
          <Text span fz="md">
            {kindIcons[entry.kind]}
          </Text>
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {labels.label('timelineKinds', entry.kind)}
            </Text>
            <Text size="sm" c="dimmed">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> ·{' '}
              {entry.author.name}
            </Text>
            {entry.sensitive && (
              <Badge variant="filled" color={badgeColors.warning} tt="none">
                {t('cases.timeline.sensitiveBadge')}
              </Badge>
            )}
          </Group>
          <Title order={3} size="h6" id={titleId}>
            {entry.title}
          </Title>
          {entry.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.body}
            </Text>
          )}
          {entry.attachments.length > 0 && (
            <List size="sm" spacing={2} aria-label={t('cases.timeline.attachments')}>
              {entry.attachments.map((a) => (
                <List.Item key={a.id}>
                  <Anchor href={attachmentUrl(caseId, a.id)} size="sm" target="_blank" rel="noopener">
                    {a.filename}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatSize(a.size)})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Group>
    </Box>
  );
}
