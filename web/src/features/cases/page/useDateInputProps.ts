import { useTranslation } from 'react-i18next';
import { parsePolishDate } from '../../audit/AuditFiltersForm';

/** Common props of the date fields: DD.MM.YYYY shown and typed (also YYYY-MM-DD), clearable. */
export function useDateInputProps() {
  const { t } = useTranslation();
  return {
    valueFormat: 'DD.MM.YYYY',
    dateParser: parsePolishDate,
    placeholder: t('cases.page.common.datePlaceholder'),
    clearable: true,
    popoverProps: { withinPortal: true },
  } as const;
}
