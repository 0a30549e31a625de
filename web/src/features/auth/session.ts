/**
 * Why the signed-in user is gone, so that the login page can say so: the user logged out, or the
 * server answered 401 (the session expired or was ended elsewhere). The guard reads it when it
 * sends the user to the login page; the login page forgets it once shown.
 */
export type SignOutReason = 'loggedOut' | 'sessionEnded';

let reason: SignOutReason | null = null;

export function setSignOutReason(value: SignOutReason | null): void {
  reason = value;
}

export function signOutReason(): SignOutReason | null {
  return reason;
}

export const LOGIN_PATH = '/logowanie';

/**
 * The return path from `?next=`, if it is safe: a path on this site (no `//host`, no scheme, no
 * backslash tricks) that is not itself a login or password page. Otherwise the dashboard.
 */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  const path = value.split(/[?#]/)[0]?.replace(/\/+$/, '') ?? '';
  if (path === LOGIN_PATH || path === '/haslo' || path.startsWith('/haslo/')) return '/';
  return value;
}

/** `/logowanie?next=<path>` (without `next` for the dashboard). */
export function loginPath(next?: string): string {
  const target = safeNext(next);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}
