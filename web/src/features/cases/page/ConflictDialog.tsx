import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { ConflictDifference } from './conflict';

export interface ConflictDialogProps {
  opened: boolean;
  onClose: () => void;
  /** What differs; null while the current version is loading. */
  differences: ConflictDifference[] | null;
  /** Loading the current version failed. */
  error?: unknown;
  /** Resubmit the user's values with the fresh version. */
  onKeepMine: () => void;
  /** Discard the user's values and show the current version. */
  onLoadCurrent: () => void;
  /** The resubmission is running. */
  pending?: boolean;
}

const cellText = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/**
 * Someone saved the record while the user edited it (409). Lists the fields where the user's
 * version and the current one differ, side by side, and lets the user decide: keep theirs (saved
 * over the current version, knowingly) or load the current one. Nothing is overwritten silently.
 */
export function ConflictDialog({
  opened,
  onClose,
  differences,
  error,
  onKeepMine,
  onLoadCurrent,
  pending = false,
}: ConflictDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.conflict.title')} size="xl" centered>
      <Stack gap="sm">
        <Text size="sm">{t('cases.conflict.lead')}</Text>
        {error ? <ProblemAlert error={error} /> : null}
        {!error && differences === null && (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('cases.conflict.loading')}</Text>
          </Group>
        )}
        {differences && differences.length === 0 && (
          <Alert color="blue" variant="light" role="status">
            {t('cases.conflict.noDifferences')}
          </Alert>
        )}
        {differences && differences.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder withColumnBorders verticalSpacing="xs">
              <Table.Caption>{t('cases.conflict.caption', { count: differences.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.conflict.field')}</Table.Th>
                  <Table.Th scope="col">{t('cases.conflict.mine')}</Table.Th>
                  <Table.Th scope="col">{t('cases.conflict.current')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differences.map((d) => (
                  <Table.Tr key={d.key} data-field={d.key}>
                    <Table.Th scope="row">{d.label}</Table.Th>
                    <Table.Td style={cellText}>{d.mine || t('cases.conflict.empty')}</Table.Td>
                    <Table.Td style={cellText}>{d.current || t('cases.conflict.empty')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onLoadCurrent} disabled={pending || differences === null}>
            {t('cases.conflict.loadCurrent')}
          </Button>
          <Button onClick={onKeepMine} loading={pending} disabled={differences === null}>
            {t('cases.conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
