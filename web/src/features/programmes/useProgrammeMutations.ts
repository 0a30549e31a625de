import type { ProgrammeNodeDetail, ProgrammeNodeInput, ProgrammeNodeUpdate } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createProgrammeNode,
  deleteProgrammeNode,
  importCatalogue,
  programmeKeys,
  setProgrammeNodeActive,
  updateProgrammeNode,
} from './programmesApi';

/** After a change: the saved node as loaded, the tree, placements and other nodes (paths, counts) reloaded. */
function useStore() {
  const queryClient = useQueryClient();
  return (saved?: ProgrammeNodeDetail) => {
    if (saved) queryClient.setQueryData(programmeKeys.node(saved.id), saved);
    void queryClient.invalidateQueries({
      queryKey: programmeKeys.all(),
      predicate: (q) => !saved || q.queryKey[2] !== saved.id,
    });
  };
}

export function useCreateProgrammeNode() {
  const store = useStore();
  return useMutation({
    mutationFn: (input: ProgrammeNodeInput) => createProgrammeNode(input),
    onSuccess: store,
  });
}

export function useUpdateProgrammeNode() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProgrammeNodeUpdate }) => updateProgrammeNode(id, body),
    onSuccess: store,
  });
}

export function useSetProgrammeNodeActive() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, active, version }: { id: string; active: boolean; version: number }) =>
      setProgrammeNodeActive(id, active, version),
    onSuccess: store,
  });
}

export function useDeleteProgrammeNode() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteProgrammeNode(id, version),
    onSuccess: () => store(),
  });
}

export function useImportCatalogue() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ document, dryRun }: { document: unknown; dryRun: boolean }) =>
      importCatalogue(document, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun) store();
    },
  });
}
