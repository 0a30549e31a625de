import { Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
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
    <SectionCard
      titleId="health-title"
      title={t('home.health.title')}
      query={{ isPending, error, refetch, skeletonHeight: 96 }}
    >
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
    </SectionCard>
  );
}
