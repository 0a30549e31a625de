import type { Person } from '@kooperacja/domain';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { useCaseLabels } from '../cases/shared/casesDictionaries';

/** The person's household now and the earlier ones, with the relation to the head and the dates. */
export function PersonHouseholdsCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const current = person.households.filter((h) => !h.toDate);
  const history = person.households.filter((h) => h.toDate);
  const rows = [...current, ...history];
  return (
    <SectionCard titleId="person-households" title={t('persons.households.title')}>
      {rows.length === 0 ? (
        <Text size="sm">{t('persons.households.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-labelledby="person-households">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('persons.households.name')}</Table.Th>
                <Table.Th scope="col">{t('persons.households.relation')}</Table.Th>
                <Table.Th scope="col">{t('persons.households.from')}</Table.Th>
                <Table.Th scope="col">{t('persons.households.to')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((h) => (
                <Table.Tr key={`${h.householdId}:${h.fromDate}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rodziny/${h.householdId}`} fw={h.toDate ? 400 : 600}>
                      {h.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{labels.label('householdRelations', h.relation)}</Table.Td>
                  <Table.Td>{formatDate(h.fromDate)}</Table.Td>
                  <Table.Td>{h.toDate ? formatDate(h.toDate) : t('persons.households.current')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {current.length === 0 && person.abilities.update && (
        <Group>
          <Button component={Link} to={`/rodziny/nowa?headId=${person.id}`} variant="default">
            {t('persons.households.create')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
