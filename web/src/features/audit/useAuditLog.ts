import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditFilters, auditKeys, fetchAuditPage } from './auditApi';

/** The audit log, newest first, in keyset pages: `fetchNextPage` loads the older entries. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.log(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
}
