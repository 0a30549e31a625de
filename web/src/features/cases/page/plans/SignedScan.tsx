import type { Plan } from '@kooperacja/domain';
import { useQueryClient } from '@tanstack/react-query';
import { attachSignedScan, caseKeys } from '../caseApi';
import { afterCaseChange } from '../caseCache';
import { ScanField } from '../ScanField';

/** The scan of the signed plan or contract: a link to it and, for editors, an upload of a new one. */
export function SignedScan({ caseId, plan }: { caseId: string; plan: Plan }) {
  const queryClient = useQueryClient();
  return (
    <ScanField
      caseId={caseId}
      scanId={plan.signedScanId}
      canEdit={plan.abilities.update}
      inputId={`signed-scan-${plan.id}`}
      link={async (attachmentId) => {
        const saved = await attachSignedScan(caseId, plan.id, attachmentId, plan.version);
        queryClient.setQueryData<{ items: Plan[] }>(caseKeys.plans(caseId), (old) =>
          old ? { items: old.items.map((p) => (p.id === saved.id ? saved : p)) } : old,
        );
        afterCaseChange(queryClient, caseId);
      }}
    />
  );
}
