import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSharedCases } from './hooks';
import { ScopeChips } from './ScopeChips';

/** `/wspolpraca`: the cases other institutions share with me now (team membership or referral). */
export function SharedCasesPage() {
  const { t } = useTranslation();
  const query = useSharedCases();
  const items = query.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageTitle>{t('sharing.shared.listTitle')}</PageTitle>
      <Text>{t('sharing.shared.listLead')}</Text>
      {query.isPending && <Skeleton height={200} />}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && items.length === 0 && <Text>{t('sharing.shared.listEmpty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="shared-cases-table">
            <Table.Caption>{t('sharing.shared.listCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sharing.shared.case')}</Table.Th>
                <Table.Th scope="col">{t('sharing.shared.subject')}</Table.Th>
                <Table.Th scope="col">{t('sharing.shared.owner')}</Table.Th>
                <Table.Th scope="col">{t('sharing.shared.via')}</Table.Th>
                <Table.Th scope="col">{t('sharing.share.scopes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/wspolpraca/${c.id}`} fw={600}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.subjectName}</Table.Td>
                  <Table.Td>{c.owner.name}</Table.Td>
                  <Table.Td>{c.via.map((v) => t(`sharing.shared.viaKinds.${v}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    <ScopeChips scopes={c.scopes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
