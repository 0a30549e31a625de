import { type ComboboxItem, type ComboboxItemGroup, Loader, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesWords } from './programmeLabels';
import { usePlacements } from './usePlacements';
import { useProgrammeNode } from './useProgrammeNode';

export interface ProgrammePlacementSelectProps {
  /** The id of the chosen action or sub-action. */
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  label?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/**
 * The place of a project in the programme catalogue: a searchable select over every active action
 * and sub-action, grouped by programme and labelled with the code path ("RPO WM 2014-2020 › 9 › 9.1 ›
 * 9.1.2 Aktywna integracja – projekty konkursowe"). Every word typed must occur, diacritics ignored.
 * A value no longer offered (a deactivated node) stays displayed.
 */
export function ProgrammePlacementSelect({
  value,
  onChange,
  error,
  label,
  required,
  disabled,
}: ProgrammePlacementSelectProps) {
  const { t } = useTranslation();
  const placements = usePlacements();
  const items = placements.data?.items;
  const known = !value || !items || items.some((i) => i.id === value);
  const current = useProgrammeNode(value, !known);

  const data = useMemo(() => {
    const groups = new Map<string, ComboboxItem[]>();
    for (const p of items ?? []) {
      const programme = p.path.split(' › ')[0] ?? '';
      const list = groups.get(programme) ?? [];
      list.push({ value: p.id, label: p.path });
      groups.set(programme, list);
    }
    const out: ComboboxItemGroup<ComboboxItem>[] = [...groups].map(([group, list]) => ({
      group,
      items: list,
    }));
    if (value && !known) {
      const inactive = current.data ? `${current.data.path} (${t('programmes.inactive')})` : value;
      out.unshift({ group: t('programmes.placement.current'), items: [{ value, label: inactive }] });
    }
    return out;
  }, [items, value, known, current.data, t]);

  return (
    <Select
      label={label ?? t('programmes.placement.label')}
      placeholder={t('programmes.placement.placeholder')}
      description={t('programmes.placement.description')}
      required={required}
      disabled={disabled}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable={!required}
      filter={({ options, search }) => {
        if (!search.trim()) return options;
        const match = (o: ComboboxItem) => matchesWords(o.label, search);
        return options
          .map((o) => ('group' in o ? { ...o, items: o.items.filter(match) } : o))
          .filter((o) => ('group' in o ? o.items.length > 0 : match(o as ComboboxItem)));
      }}
      nothingFoundMessage={
        placements.isError ? t('programmes.placement.loadError') : t('programmes.placement.nothingFound')
      }
      error={error ?? (placements.isError ? t('programmes.placement.loadError') : undefined)}
      rightSection={
        placements.isLoading ? (
          <Loader size={16} role="img" aria-label={t('programmes.loading')} />
        ) : undefined
      }
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={360}
    />
  );
}
