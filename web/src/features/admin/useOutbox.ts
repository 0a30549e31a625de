import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys, fetchOutbox, type OutboxParams } from './adminApi';

/** The e-mail outbox (system administrators only). */
export function useOutbox(params: OutboxParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: adminKeys.outbox(params),
    queryFn: ({ signal }) => fetchOutbox(params, signal),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 5_000,
  });
}
