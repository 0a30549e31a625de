import { Badge, Card, Group, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useHealth } from './useHealth';

function StatusBadge({ ok }: { ok: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={ok ? '#1b6e3c' : 'red.9'} variant="filled">
      {ok ? t('home.health.ok') : t('home.health.down')}
    </Badge>
  );
}

export function HealthCard() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useHealth();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="health-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="health-title">
          {t('home.health.title')}
        </Title>
        {isPending && <Skeleton height={96} />}
        {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
        {data && (
          <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('home.health.api')}</Table.Th>
                <Table.Td>
                  <StatusBadge ok={data.status === 'ok'} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.health.database')}</Table.Th>
                <Table.Td>
                  <StatusBadge ok={data.database === 'ok'} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.health.engine')}</Table.Th>
                <Table.Td>{data.engine}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.health.version')}</Table.Th>
                <Table.Td>
                  <Group gap={4}>{data.version}</Group>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
