import type { Service } from '@kooperacja/domain';
import { Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import { ServiceFilterFields } from './ServiceFilterFields';
import { ServiceResults } from './ServiceResults';
import type { ServiceFilters } from './servicesApi';
import { useServiceSearch } from './useServiceSearch';

export interface ServiceSearchProps {
  /** Called when the user chooses a service (shows a "Wybierz" button on every card). */
  onPick?: (service: Service) => void;
  /** The chosen service, marked in the results. */
  pickedId?: string | null;
  /** Filters to start with, e.g. `{ teryt: '1201', targetGroup: 'rodziny_z_dziecmi' }`. */
  initialFilters?: ServiceFilters;
  /** Results per page (default 6). */
  pageSize?: number;
  /** Heading level of each service's name (default 3). */
  headingOrder?: 2 | 3 | 4;
  /** Cards per row from the medium breakpoint (default 1). */
  columns?: number;
}

/**
 * The resource-map search as a self-contained block (filters in its own state, not in the URL),
 * for other screens: a referral form offers "pick a service → its institution" with
 * `<ServiceSearch onPick={(s) => setInstitution(s.institution.id)} />`.
 */
export function ServiceSearch({
  onPick,
  pickedId,
  initialFilters = {},
  pageSize = 6,
  headingOrder = 3,
  columns = 1,
}: ServiceSearchProps) {
  const [filters, setFilters] = useState<ServiceFilters>(initialFilters);
  const [page, setPage] = useState(1);
  const onChange = useCallback((changes: Partial<ServiceFilters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPage(1);
  }, []);
  const query = useServiceSearch({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  return (
    <Stack gap="md">
      <ServiceFilterFields value={filters} onChange={onChange} loading={query.isFetching} />
      <ServiceResults
        query={query}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onPick={onPick}
        pickedId={pickedId}
        headingOrder={headingOrder}
        columns={columns}
      />
    </Stack>
  );
}
