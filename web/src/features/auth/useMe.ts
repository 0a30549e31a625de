import type { Me } from '@kooperacja/domain';
import { useQuery } from '@tanstack/react-query';
import { apiFetch, isApiError, setCsrfToken } from '../../lib/api';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** GET /api/auth/me; resolves with null when nobody is signed in (401). Keeps the CSRF token up to date. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/auth/me', { signal });
    setCsrfToken(me.session.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The signed-in user (undefined while loading or when nobody is signed in). */
export function useMe(): { me: Me | undefined; isLoading: boolean } {
  const query = useMeQuery();
  return { me: query.data ?? undefined, isLoading: query.isLoading };
}

/** Whether the signed-in user holds `permission` (or any of the given permissions) in the active institution. */
export function hasPermission(me: Me | undefined | null, permission: string | readonly string[]): boolean {
  if (!me) return false;
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((p) => me.permissions.includes(p));
}

export function useCan(permission: string | readonly string[]): boolean {
  const { me } = useMe();
  return hasPermission(me, permission);
}
