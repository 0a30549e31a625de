import type { CaseSummary } from '@kooperacja/domain';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { StatusBadge } from '../../admin/StatusBadge';
import { CaseStatusBadge } from '../page/CaseStatusBadge';
import { useCaseLabels } from '../shared/casesDictionaries';

/**
 * Cases: number (link to the case), who, main reason, status, lead worker, opened, and the next due
 * date — an overdue case says so in words as well as in colour.
 */
export function CaseTable({ cases, caption }: { cases: CaseSummary[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="case-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.list.columns.number')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.subject')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.reason')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.lead')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.opened')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.columns.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id} data-overdue={c.overdue > 0 || undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/sprawy/${c.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.subjectName}</Text>
                <Text size="xs" c="dimmed">
                  {[t(`cases.list.subjectKind.${c.subjectKind}`), c.unitName].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>{c.mainReason ? labels.label('reasons', c.mainReason) : '—'}</Table.Td>
              <Table.Td>
                <CaseStatusBadge status={c.status} size="sm" />
              </Table.Td>
              <Table.Td>{c.leadWorker.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.openedOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.overdue > 0 && (
                  <StatusBadge tone="danger">{t('cases.list.overdue', { count: c.overdue })}</StatusBadge>
                )}
                {c.nextDue ? (
                  <Text
                    size="sm"
                    fw={c.overdue > 0 ? 700 : undefined}
                    c={c.overdue > 0 ? 'red.9' : undefined}
                  >
                    {formatDate(c.nextDue)}
                  </Text>
                ) : c.overdue > 0 ? null : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
