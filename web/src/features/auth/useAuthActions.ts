import type { Me } from '@kooperacja/domain';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, setCsrfToken } from '../../lib/api';
import { clearAllDrafts } from '../cases/shared/useDraft';
import { logout, logoutEverywhere, switchInstitution } from './authApi';
import { type SignOutReason, setSignOutReason } from './session';
import { authKeys } from './useMe';

/** Forgets every cached answer except the session itself: the next user must not see the last one's data. */
function dropUserData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] });
}

/** Stores the user a login returned (and their CSRF token). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me) => {
      setCsrfToken(me.session.csrfToken);
      setSignOutReason(null);
      dropUserData(queryClient);
      queryClient.setQueryData(authKeys.me, me);
    },
    [queryClient],
  );
}

/** Forgets the signed-in user locally; the guard then sends the browser to the login page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    (reason: SignOutReason) => {
      setSignOutReason(reason);
      setCsrfToken(null);
      queryClient.setQueryData(authKeys.me, null);
      dropUserData(queryClient);
    },
    [queryClient],
  );
}

function useLogoutMutation(call: () => Promise<void>) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      // An explicit log-out also forgets unsaved drafts (a time-out keeps them for the next login).
      clearAllDrafts();
      signOut('loggedOut');
    },
    onError: (error) => {
      // Without a session there is nothing left to end.
      if (isApiError(error) && error.status === 401) {
        signOut('loggedOut');
        return;
      }
      notifications.show({
        color: 'red',
        title: isApiError(error) ? error.problem.title : t('errors.boundary.title'),
        message: isApiError(error) ? (error.problem.detail ?? '') : String(error),
      });
    },
  });
}

/** POST /api/auth/logout, then to the login page. */
export function useLogout() {
  return useLogoutMutation(logout);
}

/** POST /api/auth/logout-everywhere: ends every session of the user, this one too. */
export function useLogoutEverywhere() {
  return useLogoutMutation(logoutEverywhere);
}

/** Switches the active institution; everything cached was fetched for the previous one. */
export function useSwitchInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchInstitution,
    onSuccess: async (me) => {
      setCsrfToken(me.session.csrfToken);
      queryClient.setQueryData(authKeys.me, me);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] });
    },
  });
}
