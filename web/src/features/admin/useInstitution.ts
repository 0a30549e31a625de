import { useQuery } from '@tanstack/react-query';
import { adminKeys, fetchInstitution } from './adminApi';

export function useInstitution(
  id: string | null | undefined,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: adminKeys.institution(id ?? ''),
    queryFn: ({ signal }) => fetchInstitution(id ?? '', signal),
    enabled: enabled && Boolean(id),
  });
}
