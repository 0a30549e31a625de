import type { JstRegisterUpdate } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionKeys, updateJstEntry } from './regionApi';

/**
 * Saves a JST's entry with the version read (a stale one answers 409). The saved entry replaces the
 * cached one; the history, the register and the maps of the województwo are read again.
 */
export function useSaveJstEntry(woj: string, teryt: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JstRegisterUpdate) => updateJstEntry(woj, teryt, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(regionKeys.entry(woj, teryt), saved);
      void queryClient.invalidateQueries({ queryKey: regionKeys.history(woj, teryt) });
      void queryClient.invalidateQueries({ queryKey: regionKeys.list(woj), exact: true });
      void queryClient.invalidateQueries({ queryKey: [...regionKeys.woj(woj), 'map'] });
    },
  });
}
