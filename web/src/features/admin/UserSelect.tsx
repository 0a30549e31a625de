import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';
import { useUserSearch } from './useUserSearch';

export interface UserSelectProps
  extends Omit<RemoteSelectProps, 'options' | 'selectedLabel' | 'search' | 'onSearch' | 'loading'> {
  /** Label to show for a value set from outside (e.g. the name in an audit entry). */
  initialLabel?: string | null;
}

/**
 * Picks a user by typing part of their name or e-mail (administrators only: the user search is
 * theirs). A value set from outside shows `initialLabel` or the id — reading the user's record
 * just for a label would write a "record read" entry into the audit log.
 */
export function UserSelect({ value, initialLabel, ...props }: UserSelectProps) {
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selectedLabel = value ? (known[value] ?? initialLabel ?? value) : null;
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const list = useUserSearch({ q, limit: 20 });
  const options = (list.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.firstName} ${u.lastName} (${u.email})`,
  }));
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
