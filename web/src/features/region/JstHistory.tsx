import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useJstHistory } from './useJstHistory';
import { useEntryWords } from './values';

/** The history of a JST's entry: when, who, and each changed field as "before → after" in words. */
export function JstHistory({ woj, teryt }: { woj: string; teryt: string }) {
  const { t } = useTranslation();
  const words = useEntryWords();
  const query = useJstHistory(woj, teryt);
  const items = query.data?.items ?? [];
  const emptyValue = t('region.history.emptyValue');
  return (
    <SectionCard
      titleId="jst-history"
      title={t('region.history.title')}
      query={{ ...query, skeletonHeight: 96 }}
    >
      {query.data && items.length === 0 && <Text size="sm">{t('region.history.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('region.history.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('region.history.when')}</Table.Th>
                <Table.Th scope="col">{t('region.history.who')}</Table.Th>
                <Table.Th scope="col">{t('region.history.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => {
                const changes = words.changes(h.before, h.after);
                return (
                  <Table.Tr key={h.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.changedAt)}</Table.Td>
                    <Table.Td>{h.changedBy ?? t('region.history.unknownAuthor')}</Table.Td>
                    <Table.Td>
                      {h.before === null && (
                        <Text size="sm" fw={600}>
                          {t('region.history.created')}
                        </Text>
                      )}
                      {changes.length === 0 ? (
                        <Text size="sm">{t('region.history.noChanges')}</Text>
                      ) : (
                        <List size="sm" spacing={2}>
                          {changes.map((c) => (
                            <List.Item key={c.key}>
                              {t('region.history.change', {
                                field: c.field,
                                before: c.before ?? emptyValue,
                                after: c.after ?? emptyValue,
                              })}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
