import { type ComboboxItem, Loader, Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteSelectProps
  extends Omit<
    SelectProps,
    'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'
  > {
  value: string | null;
  onChange: (value: string | null, option: ComboboxItem | null) => void;
  /** Options the server found for the current search text. */
  options: ComboboxItem[];
  /** Label of the current value when it is not among `options` (it must stay displayable). */
  selectedLabel?: string | null;
  search: string;
  onSearch: (text: string) => void;
  loading?: boolean;
}

/**
 * A searchable Select whose options come from the server: the text typed is sent as a query and
 * the answer shown as is (no second filtering in the browser).
 */
export function RemoteSelect({
  value,
  onChange,
  options,
  selectedLabel,
  search,
  onSearch,
  loading,
  ...props
}: RemoteSelectProps) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    if (!value || options.some((o) => o.value === value)) return options;
    return [{ value, label: selectedLabel ?? value }, ...options];
  }, [options, value, selectedLabel]);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(v, option) => onChange(v, v ? option : null)}
      searchable
      searchValue={search}
      onSearchChange={onSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={loading ? t('admin.select.loading') : t('admin.select.nothingFound')}
      rightSection={
        loading ? <Loader size={16} role="img" aria-label={t('admin.select.loading')} /> : undefined
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}
