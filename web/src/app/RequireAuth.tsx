import { Center, Loader, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { loginPath, setSignOutReason, signOutReason } from '../features/auth/session';
import { authKeys, useMeQuery } from '../features/auth/useMe';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api';
import { AuthShell } from './AuthLayout';

/** Where an administrator who must set up a second factor is sent, and what else they may open. */
export const TWO_FACTOR_PATH = '/konto/weryfikacja-dwuetapowa';
const ALLOWED_WITHOUT_SECOND_FACTOR = [TWO_FACTOR_PATH, '/konto'];

/**
 * Lets its pages render only for a signed-in user. Without a session (GET /api/auth/me answers 401)
 * it sends the browser to the login page with the way back in `?next=`; when any other call answers
 * 401 later (the session expired or was ended elsewhere), it does the same and the login page says
 * why. An administrator who must set up the second factor is kept on the set-up page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const query = useMeQuery();

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        setSignOutReason('sessionEnded');
        setCsrfToken(null);
        queryClient.setQueryData(authKeys.me, null);
      }),
    [queryClient],
  );

  if (query.isPending) {
    return (
      <AuthShell>
        <Center py="xl">
          <Stack align="center" gap="sm" role="status">
            <Loader aria-hidden />
            <Title order={1} size="h4">
              {t('layout.loadingSession')}
            </Title>
          </Stack>
        </Center>
      </AuthShell>
    );
  }

  if (query.isError) {
    return (
      <AuthShell>
        <Stack>
          <Title order={1} size="h3">
            {t('layout.sessionErrorTitle')}
          </Title>
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        </Stack>
      </AuthShell>
    );
  }

  const me = query.data;
  if (!me) {
    const reason = signOutReason();
    const here = `${location.pathname}${location.search}${location.hash}`;
    return (
      <Navigate
        to={loginPath(reason === 'loggedOut' ? undefined : here)}
        replace
        state={reason ? { reason } : undefined}
      />
    );
  }

  if (me.twoFactorSetupRequired && !ALLOWED_WITHOUT_SECOND_FACTOR.includes(location.pathname)) {
    return <Navigate to={TWO_FACTOR_PATH} replace />;
  }
  return children;
}
