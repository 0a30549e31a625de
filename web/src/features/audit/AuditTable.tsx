import type { AuditEntry } from '@kooperacja/domain';
import { ActionIcon, Anchor, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeSeconds } from '../../lib/format';
import { StatusBadge } from '../admin/StatusBadge';
import { useDictionaryLabels } from '../admin/useDictionaryLabels';
import { AuditChanges, useFormatValue } from './AuditChanges';
import { recordHistoryLink, searchOf } from './auditFilters';
import { recordTypeLabel } from './auditLabels';

const COLUMNS = 8;

function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  if (outcome === 'success') return <StatusBadge tone="success">{t('audit.outcomes.success')}</StatusBadge>;
  if (outcome === 'denied') return <StatusBadge tone="danger">{t('audit.outcomes.denied')}</StatusBadge>;
  if (outcome === 'failure') return <StatusBadge tone="warning">{t('audit.outcomes.failure')}</StatusBadge>;
  return <StatusBadge tone="neutral">{outcome}</StatusBadge>;
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const format = useFormatValue();
  // The actor's roles are stored comma-separated, as keys.
  const roles = entry.role
    ? entry.role
        .split(',')
        .map((r) => labels.role(r.trim()))
        .join(', ')
    : null;
  const details = Object.entries(entry.details ?? {});
  const meta: Array<[string, string | null]> = [
    [t('audit.details.role'), roles],
    [t('audit.details.requestId'), entry.requestId],
    [t('audit.details.userAgent'), entry.userAgent],
  ];
  return (
    <Stack gap="sm" py="xs">
      {entry.changes ? (
        <AuditChanges changes={entry.changes} recordType={entry.recordType} />
      ) : (
        <Text size="sm">{t('audit.details.noChanges')}</Text>
      )}
      {details.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('audit.details.details')}
          </Text>
          <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px' }}>
            {details.map(([key, value]) => (
              <Fragment key={key}>
                <dt>
                  <Code>{key}</Code>
                </dt>
                <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{format(value)}</dd>
              </Fragment>
            ))}
          </dl>
        </div>
      )}
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px' }}>
        {meta
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>
                <Text size="sm" fw={600} span>
                  {label}
                </Text>
              </dt>
              <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>
                <Text size="sm" span>
                  {value}
                </Text>
              </dd>
            </Fragment>
          ))}
      </dl>
    </Stack>
  );
}

/**
 * Audit entries, newest first. Each row expands to show what changed (field: before → after) and
 * the entry's details; a record's id opens its history, a user's or institution's name filters by it.
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="audit-table">
        <VisuallyHidden component="caption">{t('audit.table.caption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <VisuallyHidden>{t('audit.table.detailsColumn')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit.table.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.user')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.institution')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.outcome')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const expanded = open.has(e.id);
            const detailsId = `audit-entry-${e.id}`;
            const time = formatDateTimeSeconds(e.at);
            return (
              <Fragment key={e.id}>
                <Table.Tr data-entry-id={e.id}>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="dark"
                      onClick={() => toggle(e.id)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={t('audit.table.toggleDetails', { time })}
                    >
                      <span
                        aria-hidden
                        style={{ display: 'inline-block', transform: expanded ? 'rotate(90deg)' : 'none' }}
                      >
                        ▶
                      </span>
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {time}
                  </Table.Td>
                  <Table.Td>
                    {e.userId ? (
                      <Anchor
                        component={Link}
                        to={`/audyt${searchOf({ userId: e.userId })}`}
                        state={{ userLabel: e.userName }}
                        size="sm"
                      >
                        {e.userName ?? e.userId}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('audit.table.anonymous')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.institutionId ? (
                      <Anchor
                        component={Link}
                        to={`/audyt${searchOf({ institutionId: e.institutionId })}`}
                        size="sm"
                      >
                        {e.institutionName ?? e.institutionId}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{labels.auditAction(e.action)}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={e.outcome} />
                  </Table.Td>
                  <Table.Td>
                    {e.recordType ? (
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" span>
                          {recordTypeLabel(t, e.recordType)}
                        </Text>
                        {e.recordId && (
                          <Anchor
                            component={Link}
                            to={recordHistoryLink(e.recordType, e.recordId)}
                            size="sm"
                            ff="monospace"
                            title={t('audit.table.recordHistory')}
                          >
                            {e.recordId.length > 13 ? `${e.recordId.slice(0, 8)}…` : e.recordId}
                            <VisuallyHidden>
                              {' '}
                              ({t('audit.table.recordHistoryOf', { id: e.recordId })})
                            </VisuallyHidden>
                          </Anchor>
                        )}
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" span>
                      {e.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS} bg="gray.0">
                      <EntryDetails entry={e} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
