import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { RemoteSelect, type RemoteSelectProps } from '../../../admin/RemoteSelect';
import { useInstitutionSearch } from '../../../admin/useInstitutionSearch';

export interface ResponsibleInstitutionSelectProps
  extends Omit<RemoteSelectProps, 'options' | 'selectedLabel' | 'search' | 'onSearch' | 'loading'> {
  /** The name of the current value, when the plan already says it (no extra look-up). */
  initialLabel?: string | null;
}

const labelOf = (i: { name: string; unitName: string | null }) =>
  i.unitName ? `${i.name} (${i.unitName})` : i.name;

/**
 * Any institution of the registry as the one responsible for a plan action (not only the case's
 * owner): typed part of the name is searched on the server.
 */
export function ResponsibleInstitutionSelect({
  value,
  initialLabel,
  ...props
}: ResponsibleInstitutionSelectProps) {
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selectedLabel = value ? (known[value] ?? initialLabel ?? null) : null;
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  // Search only once the list is opened: a plan with many actions does not ask for each.
  const list = useInstitutionSearch({ q, active: 'true', limit: 20 }, { enabled: opened || !!q });
  const options = (list.data?.items ?? []).map((i) => ({ value: i.id, label: labelOf(i) }));
  return (
    <RemoteSelect
      {...props}
      value={value}
      options={options}
      selectedLabel={selectedLabel}
      search={search}
      onSearch={setSearch}
      loading={list.isFetching}
      onDropdownOpen={() => setOpened(true)}
      onChange={(id, option) => {
        if (id && option) setKnown((k) => ({ ...k, [id]: option.label }));
        props.onChange(id, option);
      }}
    />
  );
}
