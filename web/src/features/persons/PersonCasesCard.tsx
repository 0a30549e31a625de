import type { CaseStatus, Person } from '@kooperacja/domain';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { CaseStatusBadge } from '../cases/page/CaseStatusBadge';

/** The cases of the person (own and through the household) that the user may see. */
export function PersonCasesCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <SectionCard titleId="person-cases" title={t('persons.cases.title')}>
      {person.cases.length === 0 ? (
        <Text size="sm">{t('persons.cases.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-labelledby="person-cases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('persons.cases.number')}</Table.Th>
                <Table.Th scope="col">{t('persons.cases.status')}</Table.Th>
                <Table.Th scope="col">{t('persons.cases.via')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sprawy/${c.id}`} fw={600}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status as CaseStatus} size="sm" />
                  </Table.Td>
                  <Table.Td>{t(`persons.cases.viaOptions.${c.via}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {person.abilities.openCase && (
        <Group>
          <Button component={Link} to={`/sprawy/nowa?personId=${person.id}`}>
            {t('persons.cases.open')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
