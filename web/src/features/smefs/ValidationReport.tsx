import type { SmefsReport } from '@kooperacja/domain';
import { Alert, Anchor, Box, Button, Group, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatNumber } from '../../lib/format';
import { exportUrl, REPORT_PAGE } from './smefsApi';

/** The counts of the report as a description list. */
function Counts({ report }: { report: SmefsReport }) {
  const { t } = useTranslation();
  const items = [
    [t('smefs.report.total'), report.total],
    [t('smefs.report.valid'), report.valid],
    [t('smefs.report.invalid'), report.invalid],
  ] as const;
  return (
    <Box component="dl" m={0} style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xl)' }}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            {formatNumber(value)}
          </Text>
        </div>
      ))}
    </Box>
  );
}

/**
 * The validation report: how many participants can be sent, the problems per SM EFS column, and the
 * participants with problems (paged), each linked to their record, every problem written out.
 */
export function ValidationReport({
  projectId,
  report,
  offset,
  onOffset,
}: {
  projectId: string;
  report: SmefsReport;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const last = Math.min(report.invalid, offset + report.items.length);
  return (
    <SectionCard titleId="smefs-report" title={t('smefs.report.title')} description={t('smefs.report.lead')}>
      <Counts report={report} />
      {report.total === 0 && <Text>{t('smefs.report.noParticipants')}</Text>}
      {report.total > 0 && report.invalid === 0 && (
        <Alert color="green" title={t('smefs.report.allValidTitle')}>
          {t('smefs.report.allValid', { count: report.total })}
        </Alert>
      )}
      {report.byColumn.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Caption>{t('smefs.report.byColumnCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('smefs.report.column')}</Table.Th>
                <Table.Th scope="col">{t('smefs.report.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.byColumn.map((c) => (
                <Table.Tr key={c.column ?? '-'}>
                  <Table.Td>{c.header ?? t('smefs.report.wholeRow')}</Table.Td>
                  <Table.Td>{formatNumber(c.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Caption>
                {t('smefs.report.itemsCaption', {
                  from: formatNumber(offset + 1),
                  to: formatNumber(last),
                  count: report.invalid,
                  total: formatNumber(report.invalid),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('smefs.report.technicalId')}</Table.Th>
                  <Table.Th scope="col">{t('smefs.report.person')}</Table.Th>
                  <Table.Th scope="col">{t('smefs.report.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.items.map((item) => (
                  <Table.Tr key={item.participantId}>
                    <Table.Td>{item.technicalId}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/projekty/${projectId}/uczestnicy/${item.participantId}`}>
                        {item.firstName} {item.lastName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {item.problems.map((p, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; their order is fixed
                          <List.Item key={i}>{p.message}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.invalid > REPORT_PAGE && (
            <Group>
              <Button
                variant="default"
                disabled={offset === 0}
                onClick={() => onOffset(Math.max(0, offset - REPORT_PAGE))}
              >
                {t('smefs.report.previous')}
              </Button>
              <Button
                variant="default"
                disabled={last >= report.invalid}
                onClick={() => onOffset(offset + REPORT_PAGE)}
              >
                {t('smefs.report.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </SectionCard>
  );
}

/** The downloads: CSV and XLSX; with problems in the report, a warning and the forced download. */
export function ExportSection({ projectId, report }: { projectId: string; report: SmefsReport }) {
  const { t } = useTranslation();
  const force = report.invalid > 0;
  return (
    <SectionCard titleId="smefs-export" title={t('smefs.export.title')} description={t('smefs.export.lead')}>
      {force && (
        <Alert color="yellow" title={t('smefs.export.invalidTitle')}>
          {t('smefs.export.invalid', { count: report.invalid })}
        </Alert>
      )}
      {report.total === 0 ? (
        <Text>{t('smefs.export.empty')}</Text>
      ) : (
        <Group>
          <Button
            component="a"
            href={exportUrl(projectId, 'csv', force)}
            download
            variant={force ? 'default' : 'filled'}
          >
            {force ? t('smefs.export.csvForce') : t('smefs.export.csv')}
          </Button>
          <Button component="a" href={exportUrl(projectId, 'xlsx', force)} download variant="default">
            {force ? t('smefs.export.xlsxForce') : t('smefs.export.xlsx')}
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('smefs.export.format')}
      </Text>
    </SectionCard>
  );
}
