import type { Institution, InstitutionInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys, createInstitution, updateInstitution } from './adminApi';

export interface SaveInstitutionVariables {
  /** Absent for a new institution. */
  id?: string;
  /** The version the form was loaded with (required with `id`). */
  version?: number;
  input: InstitutionInput;
}

/** Creates (POST) or changes (PUT with the loaded version) an institution. */
export function useSaveInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: SaveInstitutionVariables): Promise<Institution> =>
      id ? updateInstitution(id, { ...input, version: version ?? 0 }) : createInstitution(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.institution(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: adminKeys.institutions() });
    },
  });
}
