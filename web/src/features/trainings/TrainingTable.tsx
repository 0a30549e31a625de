import type { TrainingList } from '@kooperacja/domain';
import { Anchor, Badge, Group, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format';
import { formatHours, useTrainingLabels } from './labels';

/**
 * Trainings as a table: title (link to the training), form, topic, hours, organiser, the next
 * edition's first day and how many editions take registrations; with `showStatus` the status too
 * (the organiser's list, drafts included).
 */
export function TrainingTable({
  data,
  caption,
  showStatus = false,
  onPage,
}: {
  data: TrainingList;
  caption: string;
  showStatus?: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const pages = Math.max(1, Math.ceil(data.total / Math.max(1, data.pageSize)));
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.fields.title')}</Table.Th>
              <Table.Th scope="col">{t('trainings.fields.form')}</Table.Th>
              <Table.Th scope="col">{t('trainings.fields.topic')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainings.fields.hours')}
              </Table.Th>
              <Table.Th scope="col">{t('trainings.fields.organiser')}</Table.Th>
              <Table.Th scope="col">{t('trainings.catalogue.nextEdition')}</Table.Th>
              <Table.Th scope="col">{t('trainings.catalogue.openEditions')}</Table.Th>
              {showStatus && <Table.Th scope="col">{t('trainings.fields.status')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((tr) => (
              <Table.Tr key={tr.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/szkolenia/${tr.id}`}>
                    {tr.title}
                  </Anchor>
                  {tr.project && (
                    <Text size="xs" c="dimmed">
                      {t('trainings.catalogue.financedBy', { number: tr.project.number })}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{labels.label('forms', tr.form)}</Table.Td>
                <Table.Td>{tr.topic}</Table.Td>
                <Table.Td ta="right">{formatHours(tr.hours)}</Table.Td>
                <Table.Td>{tr.organiser.name}</Table.Td>
                <Table.Td>{tr.nextEditionOn ? formatDate(tr.nextEditionOn) : '—'}</Table.Td>
                <Table.Td>
                  {tr.openEditions > 0 ? (
                    <Badge color="green" variant="light" tt="none">
                      {t('trainings.catalogue.open', { count: tr.openEditions })}
                    </Badge>
                  ) : (
                    <Text size="sm">{t('trainings.catalogue.closed')}</Text>
                  )}
                </Table.Td>
                {showStatus && (
                  <Table.Td>
                    <Badge
                      variant="outline"
                      tt="none"
                      color={tr.status === 'opublikowane' ? 'green.9' : 'gray.8'}
                    >
                      {labels.label('statuses', tr.status)}
                    </Badge>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" role="status">
          {t('trainings.catalogue.total', { count: data.total, formatted: formatNumber(data.total) })}
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={data.page}
            onChange={onPage}
            getControlProps={(control) => ({
              'aria-label': t(`trainings.pagination.${control}`),
            })}
            getItemProps={(page) => ({ 'aria-label': t('trainings.pagination.page', { page }) })}
          />
        )}
      </Group>
    </>
  );
}
