import { useQuery } from '@tanstack/react-query';
import { auditKeys, fetchAuditSettings } from './auditApi';

export function useAuditSettings() {
  return useQuery({
    queryKey: auditKeys.settings(),
    queryFn: ({ signal }) => fetchAuditSettings(signal),
  });
}
