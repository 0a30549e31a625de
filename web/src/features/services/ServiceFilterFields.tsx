import { Button, Checkbox, Group, Loader, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { useServiceLabels } from './serviceLabels';
import type { ServiceFilters } from './servicesApi';

export interface ServiceFilterFieldsProps {
  value: ServiceFilters;
  /** Called with the changed filters only (the text after a short pause in typing). */
  onChange: (changes: Partial<ServiceFilters>) => void;
  /** Shows a spinner in the text field while results load. */
  loading?: boolean;
  /** Accessible name of the search landmark. */
  label?: string;
}

const hasAny = (f: ServiceFilters) =>
  Boolean(f.q || f.type || f.area || f.targetGroup || f.teryt || f.sector || f.freeOnly === 'true');

/**
 * The search form of the resource map: need or words, area and type, target group, gmina or
 * powiat, sector, only with free places. Controlled, so a page can keep it in the URL and an
 * embedding form (e.g. a referral) in its own state.
 */
export function ServiceFilterFields({ value, onChange, loading, label }: ServiceFilterFieldsProps) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const [q, setQ] = useState(value.q ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const last = useRef(value.q ?? '');

  // Typing: send the text after a pause; an outside change (e.g. "clear") resets the field.
  useEffect(() => {
    if (debouncedQ !== last.current) {
      last.current = debouncedQ;
      onChange({ q: debouncedQ || undefined });
    }
  }, [debouncedQ, onChange]);
  useEffect(() => {
    if ((value.q ?? '') !== last.current) {
      last.current = value.q ?? '';
      setQ(value.q ?? '');
    }
  }, [value.q]);

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={label ?? t('services.filters.label')}>
      <TextInput
        label={t('services.filters.q')}
        placeholder={t('services.filters.qPlaceholder')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        flex="1 1 240px"
        autoComplete="off"
        rightSection={loading ? <Loader size={16} role="img" aria-label={t('common.loading')} /> : null}
      />
      <Select
        label={t('services.filters.area')}
        placeholder={t('services.filters.anyArea')}
        data={labels.areaOptions}
        value={value.area ?? null}
        onChange={(area) => {
          const keepType =
            value.type && area && labels.typeOptions(area)[0]?.items.some((i) => i.value === value.type);
          onChange({
            area: (area ?? undefined) as ServiceFilters['area'],
            ...(keepType ? {} : { type: undefined }),
          });
        }}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
        w={240}
      />
      <Select
        label={t('services.filters.type')}
        placeholder={t('services.filters.anyType')}
        data={labels.typeOptions(value.area)}
        value={value.type ?? null}
        onChange={(type) => onChange({ type: (type ?? undefined) as ServiceFilters['type'] })}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
        w={260}
      />
      <Select
        label={t('services.filters.targetGroup')}
        placeholder={t('services.filters.anyGroup')}
        data={labels.groupOptions}
        value={value.targetGroup ?? null}
        onChange={(g) => onChange({ targetGroup: (g ?? undefined) as ServiceFilters['targetGroup'] })}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
        w={240}
      />
      <TerritoryPicker
        label={t('services.filters.teryt')}
        levels={['wojewodztwo', 'powiat', 'gmina']}
        value={value.teryt ?? null}
        onChange={(code) => onChange({ teryt: code ?? undefined })}
        w={260}
      />
      <Select
        label={t('services.filters.sector')}
        placeholder={t('services.filters.anySector')}
        data={labels.sectorOptions}
        value={value.sector ?? null}
        onChange={(s) => onChange({ sector: (s ?? undefined) as ServiceFilters['sector'] })}
        clearable
        comboboxProps={{ withinPortal: true }}
        w={240}
      />
      <Checkbox
        label={t('services.filters.freeOnly')}
        checked={value.freeOnly === 'true'}
        onChange={(e) => onChange({ freeOnly: e.currentTarget.checked ? 'true' : undefined })}
        mb={8}
      />
      {hasAny(value) && (
        <Button
          variant="subtle"
          onClick={() =>
            onChange({
              q: undefined,
              type: undefined,
              area: undefined,
              targetGroup: undefined,
              teryt: undefined,
              sector: undefined,
              freeOnly: undefined,
            })
          }
        >
          {t('services.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
