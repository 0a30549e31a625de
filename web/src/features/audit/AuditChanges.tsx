import type { AuditEntry } from '@kooperacja/domain';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from './auditLabels';

const REDACTED = '[redacted]';

/** One value of a diff as text: "—" for none, tak/nie, lists joined, objects as JSON. */
export function useFormatValue() {
  const { t } = useTranslation();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (value === REDACTED) return t('audit.redacted');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
      return value.length ? value.map(String).join(', ') : '—';
    }
    return JSON.stringify(value);
  };
}

/** The fields an entry changed: field, before → after. */
export function AuditChanges({
  changes,
  recordType,
}: {
  changes: NonNullable<AuditEntry['changes']>;
  recordType: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormatValue();
  const fields = Object.keys(changes);
  if (fields.length === 0) return <Text size="sm">{t('audit.details.noChanges')}</Text>;
  return (
    <Table withTableBorder verticalSpacing={4} captionSide="top" data-testid="audit-changes">
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
        {t('audit.details.changes')}
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.details.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.details.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.details.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => {
          const change = changes[field];
          return (
            <Table.Tr key={field} data-field={field}>
              <Table.Th scope="row" fw={600}>
                {fieldLabel(t, recordType, field)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{format(change?.before)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{format(change?.after)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
