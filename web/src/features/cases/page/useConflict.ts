import { useCallback, useState } from 'react';
import { type ConflictDifference, type ConflictField, diffValues } from './conflict';

interface ConflictState<V, R> {
  mine: V;
  current: R | null;
  error: unknown;
}

/**
 * The state of a 409 on save: `begin(mine)` fetches the record as it is now and compares it with
 * what the user tried to save. The dialog then offers to resubmit with the fresh version or to load
 * the current one.
 */
export function useConflict<V, R>({
  fetchCurrent,
  valuesOf,
  fields,
}: {
  fetchCurrent: () => Promise<R>;
  valuesOf: (record: R) => V;
  fields: readonly ConflictField<V>[];
}) {
  const [state, setState] = useState<ConflictState<V, R> | null>(null);

  const begin = useCallback(
    async (mine: V) => {
      setState({ mine, current: null, error: null });
      try {
        const current = await fetchCurrent();
        setState({ mine, current, error: null });
      } catch (error) {
        setState({ mine, current: null, error });
      }
    },
    [fetchCurrent],
  );

  const close = useCallback(() => setState(null), []);
  const differences: ConflictDifference[] | null =
    state?.current != null ? diffValues(state.mine, valuesOf(state.current), fields) : null;

  return {
    opened: state !== null,
    mine: state?.mine ?? null,
    current: state?.current ?? null,
    error: state?.error ?? null,
    differences,
    begin,
    close,
  };
}
