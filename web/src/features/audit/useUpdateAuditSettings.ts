import type { AuditSettings } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys, updateAuditSettings } from './auditApi';

/** Changes how long audit entries are kept (system administrators; at least two years). */
export function useUpdateAuditSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: AuditSettings) => updateAuditSettings(settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(auditKeys.settings(), saved);
      void queryClient.invalidateQueries({ queryKey: ['audit', 'log'] });
    },
  });
}
