import type { PersonSummary } from '@kooperacja/domain';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { RemoteSelect, type RemoteSelectProps } from '../admin/RemoteSelect';
import { usePersonSearch } from './usePersonSearch';

export interface PersonSelectProps
  extends Omit<
    RemoteSelectProps,
    'options' | 'selectedLabel' | 'search' | 'onSearch' | 'loading' | 'onChange'
  > {
  onChange: (id: string | null, person: PersonSummary | null) => void;
  /** Label of a value set from outside. */
  initialLabel?: string | null;
  /** Persons not offered (e.g. already members). */
  exclude?: readonly string[];
}

/** "Jan Kowalski, ur. 12.03.1985, PESEL 85031212343" */
export function describePerson(t: TFunction, p: PersonSummary) {
  return [
    `${p.firstName} ${p.lastName}`,
    t('persons.select.born', { date: formatDate(p.birthDate) }),
    p.pesel ? `PESEL ${p.pesel}` : null,
    p.unitName ?? p.city,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Picks a person in the user's scope by name or PESEL (the same search as `/osoby`). */
export function PersonSelect({ value, initialLabel, exclude = [], onChange, ...props }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, PersonSummary>>({});
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = value ? known[value] : undefined;
  const pending = t('persons.loading');
  const selectedLabel = value ? (selected ? describePerson(t, selected) : (initialLabel ?? pending)) : null;
  // The text shown for the chosen person is not a search (nor is the placeholder label).
  const q =
    debounced.length >= 2 && debounced !== selectedLabel && debounced !== pending ? debounced : undefined;
  const list = usePersonSearch({ q, limit: 15 }, { enabled: Boolean(q) });
  const items = (q ? (list.data?.items ?? []) : []).filter((p) => !exclude.includes(p.id));
  const options = items.map((p) => ({ value: p.id, label: describePerson(t, p) }));
  return (
    <RemoteSelect
      placeholder={t('persons.select.placeholder')}
      {...props}
      value={value}
      options={options}
      selectedLabel={selectedLabel}
      search={search}
      onSearch={setSearch}
      loading={Boolean(q) && list.isFetching}
      onChange={(id) => {
        const person = id ? (items.find((p) => p.id === id) ?? known[id] ?? null) : null;
        if (id && person) setKnown((k) => ({ ...k, [id]: person }));
        onChange(id, person);
      }}
    />
  );
}
