import { Checkbox, Fieldset, Radio, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../shared/casesDictionaries';

/**
 * Reasons for assistance (art. 7 ustawy o pomocy społecznej): any number may be checked, exactly one
 * of the checked ones is the main reason (a radio beside each, enabled once the reason is checked).
 */
export function ReasonsField({
  reasons,
  mainReason,
  onToggle,
  onMain,
  error,
}: {
  reasons: string[];
  mainReason: string | null;
  onToggle: (code: string, checked: boolean) => void;
  onMain: (code: string) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const errorId = useId();
  const hintId = useId();
  const radioName = useId();
  return (
    <Fieldset
      legend={t('cases.new.reasons')}
      variant="unstyled"
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      data-testid="reasons-field"
    >
      <Text size="sm" c="dimmed" id={hintId} mb="xs">
        {t('cases.new.reasonsHint')}
      </Text>
      <Table verticalSpacing={4} withRowBorders={false} aria-label={t('cases.new.reasonsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.new.reason')}</Table.Th>
            <Table.Th scope="col" w={110} ta="center">
              {t('cases.new.main')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {labels.options('reasons').map((o) => {
            const checked = reasons.includes(o.value);
            return (
              <Table.Tr key={o.value}>
                <Table.Td>
                  <Checkbox
                    label={o.label}
                    checked={checked}
                    onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td ta="center">
                  <Radio
                    name={radioName}
                    value={o.value}
                    checked={mainReason === o.value}
                    disabled={!checked}
                    onChange={() => onMain(o.value)}
                    aria-label={t('cases.new.mainOf', { reason: o.label })}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {error ? (
        <Text size="sm" c="red.9" id={errorId} role="alert" mt="xs">
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}
