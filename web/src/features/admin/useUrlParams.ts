import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type UrlChanges = Record<string, string | null | undefined>;

/**
 * List state kept in the URL (so results can be linked, bookmarked and restored with Back).
 * `update` sets or (for null/'') removes parameters and, unless the page itself changes, goes
 * back to the first page.
 */
export function useUrlParams(pageParam = 'strona') {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges, { replace = true }: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          if (!(pageParam in changes)) next.delete(pageParam);
          return next;
        },
        { replace },
      );
    },
    [setParams, pageParam],
  );
  const get = useCallback((key: string) => params.get(key) ?? '', [params]);
  const page = Math.max(1, Number(params.get(pageParam)) || 1);
  return { params, get, update, page };
}
