import type { InstitutionSearchQuery } from '@kooperacja/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';
import { useInstitution } from './useInstitution';
import { useInstitutionSearch } from './useInstitutionSearch';

export interface InstitutionSelectProps
  extends Omit<RemoteSelectProps, 'options' | 'selectedLabel' | 'search' | 'onSearch' | 'loading'> {
  /** Which institutions to offer (default: active ones). */
  active?: InstitutionSearchQuery['active'];
  /** Institutions not to offer (e.g. those the user already belongs to). */
  exclude?: readonly string[];
}

const institutionLabel = (i: { name: string; unitName: string | null }) =>
  i.unitName ? `${i.name} (${i.unitName})` : i.name;

/** Picks an institution by typing part of its name; its value is the institution id. */
export function InstitutionSelect({ value, active = 'true', exclude, ...props }: InstitutionSelectProps) {
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selectedKnown = value ? known[value] : undefined;
  // The label of a value set from outside (a URL filter) is looked up once.
  const detail = useInstitution(value, { enabled: Boolean(value) && !selectedKnown });
  const selectedLabel = selectedKnown ?? (detail.data ? institutionLabel(detail.data) : null);
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const list = useInstitutionSearch({ q, active, limit: 20 });
  const options = (list.data?.items ?? [])
    .filter((i) => !exclude?.includes(i.id))
    .map((i) => ({ value: i.id, label: institutionLabel(i) }));
  return (
    <RemoteSelect
      {...props}
      value={value}
      options={options}
      selectedLabel={selectedLabel}
      search={search}
      onSearch={setSearch}
      loading={list.isFetching}
      onChange={(id, option) => {
        if (id && option) setKnown((k) => ({ ...k, [id]: option.label }));
        props.onChange(id, option);
      }}
    />
  );
}
