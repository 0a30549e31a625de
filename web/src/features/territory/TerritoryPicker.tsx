import type { TerritorialUnit, UnitLevel } from '@kooperacja/domain';
import { Combobox, Loader, TextInput, type TextInputProps, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeUnit } from './unitLabels';
import { useUnit } from './useUnit';
import { useUnitIndex } from './useUnitIndex';
import { useUnitSearch } from './useUnitSearch';

export interface TerritoryPickerProps
  extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'rightSection'> {
  /** Selected TERYT code (controlled), or null. */
  value?: string | null;
  /** Called with the chosen TERYT code (null when cleared) and the unit. */
  onChange?: (teryt: string | null, unit: TerritorialUnit | null) => void;
  /** Levels that can be picked; default gminy only. */
  levels?: UnitLevel[];
  /** Restrict to units within a województwo or powiat (TERYT code). */
  within?: string;
  /** Maximum number of suggestions. */
  limit?: number;
}

const MIN_QUERY = 2;
const DEFAULT_LEVELS: UnitLevel[] = ['gmina'];

function defaultLabelKey(levels: UnitLevel[]) {
  if (levels.length === 1 && levels[0] === 'gmina') return 'territory.picker.label' as const;
  if (levels.length === 1 && levels[0] === 'powiat') return 'territory.picker.labelPowiat' as const;
  return 'territory.picker.labelAny' as const;
}

/**
 * Type-ahead for a gmina, powiat or województwo; its value is the TERYT code. Behaves like any
 * Mantine input (label, description, error, required), so `form.getInputProps('gmina')` works.
 */
export function TerritoryPicker({
  value = null,
  onChange,
  levels = DEFAULT_LEVELS,
  within,
  limit = 15,
  label,
  placeholder,
  onFocus,
  onBlur,
  ...inputProps
}: TerritoryPickerProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const listId = useId();
  const { data: index } = useUnitIndex();
  const { data: selectedDetail } = useUnit(value);
  const [selected, setSelected] = useState<TerritorialUnit | null>(null);
  const selectedUnit = selected?.teryt === value ? selected : (selectedDetail?.unit ?? null);
  const selectedLabel = selectedUnit ? describeUnit(t, selectedUnit, index) : '';

  const [search, setSearch] = useState('');
  const [typing, setTyping] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);

  // Show the selected unit's label whenever the user is not typing (also after value changes).
  useEffect(() => {
    if (!typing) setSearch(selectedLabel);
  }, [selectedLabel, typing]);

  const singleLevel = levels.length === 1 ? levels[0] : undefined;
  const query = useUnitSearch(
    { q: debounced, level: singleLevel, within, limit: singleLevel ? limit : limit * 3 },
    { enabled: typing && debounced.length >= MIN_QUERY },
  );
  const options = useMemo(
    () => (query.data?.items ?? []).filter((u) => levels.includes(u.level)).slice(0, limit),
    [query.data, levels, limit],
  );

  const choose = (unit: TerritorialUnit | null) => {
    setSelected(unit);
    setTyping(false);
    setSearch(unit ? describeUnit(t, unit, index) : '');
    combobox.closeDropdown();
    onChange?.(unit?.teryt ?? null, unit);
  };

  const showDropdown = typing && debounced.length >= MIN_QUERY;
  const loading = showDropdown && query.isFetching;

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(teryt) => choose(options.find((u) => u.teryt === teryt) ?? null)}
      withinPortal
    >
      <Combobox.Target>
        <TextInput
          {...inputProps}
          label={label ?? t(defaultLabelKey(levels))}
          placeholder={placeholder ?? t('territory.picker.placeholder')}
          value={search}
          autoComplete="off"
          aria-autocomplete="list"
          onChange={(event) => {
            const text = event.currentTarget.value;
            setSearch(text);
            setTyping(true);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
            if (text.trim() === '' && value !== null) choose(null);
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={(event) => {
            combobox.openDropdown();
            onFocus?.(event);
          }}
          onBlur={(event) => {
            combobox.closeDropdown();
            setTyping(false);
            setSearch(selectedLabel);
            onBlur?.(event);
          }}
          rightSection={
            loading ? <Loader size={16} role="img" aria-label={t('territory.picker.loading')} /> : null
          }
        />
      </Combobox.Target>

      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options id={listId} aria-label={typeof label === 'string' ? label : undefined}>
          {options.map((unit) => (
            <Combobox.Option value={unit.teryt} key={unit.teryt} active={unit.teryt === value}>
              {describeUnit(t, unit, index)}
            </Combobox.Option>
          ))}
          {options.length === 0 && !query.isFetching && query.isFetched && (
            <Combobox.Empty>{t('territory.picker.nothingFound')}</Combobox.Empty>
          )}
          {options.length === 0 && query.isFetching && (
            <Combobox.Empty>{t('territory.picker.loading')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
