import type { Person } from '@kooperacja/domain';
import { Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCaseLabels } from '../cases/shared/casesDictionaries';
import { displayPersonValue } from './personDisplay';
import { type PersonFormValues, personDifferences, personValuesOf } from './personForm';

export interface ConflictState {
  /** What the user tried to save. */
  mine: PersonFormValues;
  /** What the edit started from. */
  base: PersonFormValues;
  /** The record as it is now (undefined while it loads). */
  current?: Person;
  error?: unknown;
}

/**
 * Someone saved the record while it was being edited (409). Shows, field by field, "Twoja wersja"
 * next to "Aktualna wersja" and who changed what, and lets the user keep their changes (applied to the
 * new version: the other person's changes to other fields stay) or load the current data.
 */
export function ConflictDialog({
  conflict,
  onKeepMine,
  onLoadCurrent,
  onClose,
  saving = false,
}: {
  conflict: ConflictState | null;
  onKeepMine: (current: Person) => void;
  onLoadCurrent: (current: Person) => void;
  onClose: () => void;
  saving?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const current = conflict?.current;
  const diffs =
    conflict && current ? personDifferences(conflict.mine, personValuesOf(current), conflict.base) : [];
  const show = (field: Parameters<typeof displayPersonValue>[2], value: string | null, unit: string | null) =>
    displayPersonValue(t, labels.label, field, value, unit);

  return (
    <Modal opened={!!conflict} onClose={onClose} title={t('persons.conflict.title')} size="xl" centered>
      <Stack gap="md">
        <Text size="sm">{t('persons.conflict.lead')}</Text>
        {conflict?.error ? <ProblemAlert error={conflict.error} /> : null}
        {!current && !conflict?.error && <Loader role="img" aria-label={t('persons.loading')} />}
        {current && diffs.length === 0 && <Text size="sm">{t('persons.conflict.noDifferences')}</Text>}
        {current && diffs.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder verticalSpacing="xs" data-testid="conflict-table">
              <caption>{t('persons.conflict.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('persons.conflict.field')}</Table.Th>
                  <Table.Th scope="col">{t('persons.conflict.mine')}</Table.Th>
                  <Table.Th scope="col">{t('persons.conflict.current')}</Table.Th>
                  <Table.Th scope="col">{t('persons.conflict.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diffs.map((d) => (
                  <Table.Tr key={d.field}>
                    <Table.Th scope="row">{t(`persons.fields.${d.field}`)}</Table.Th>
                    <Table.Td>{show(d.field, d.mine, conflict?.mine.unitName ?? null)}</Table.Td>
                    <Table.Td>{show(d.field, d.current, current.unitName)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {d.changedByMe && d.changedByOther
                          ? t('persons.conflict.changedByBoth')
                          : d.changedByMe
                            ? t('persons.conflict.changedByMe')
                            : t('persons.conflict.changedByOther')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!current || saving}
            onClick={() => current && onLoadCurrent(current)}
          >
            {t('persons.conflict.loadCurrent')}
          </Button>
          <Button disabled={!current} loading={saving} onClick={() => current && onKeepMine(current)}>
            {t('persons.conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
