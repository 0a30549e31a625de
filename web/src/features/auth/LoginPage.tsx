import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, problemFieldErrors, setCsrfToken } from '../../lib/api';
import { markNavigation } from '../../lib/pageFocus';
import { login, loginSecondFactor } from './authApi';
import { PasswordField } from './PasswordField';
import { type SignOutReason, safeNext, setSignOutReason } from './session';
import { useSignIn } from './useAuthActions';
import { useMe } from './useMe';

/** Waits shorter than this are shown as a countdown on the disabled button; a lock is only explained. */
const MAX_COUNTDOWN_S = 120;

function useCountdown() {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(timer);
  }, [until, now]);
  const start = useCallback((seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + seconds * 1000);
  }, []);
  return { remaining: Math.max(0, Math.ceil((until - now) / 1000)), start };
}

function useRetryAfter(error: unknown) {
  const countdown = useCountdown();
  const { start } = countdown;
  useEffect(() => {
    if (isApiError(error) && error.status === 429 && error.retryAfter && error.retryAfter <= MAX_COUNTDOWN_S)
      start(error.retryAfter);
  }, [error, start]);
  return countdown.remaining;
}

function PasswordStep({ onSecondFactor }: { onSecondFactor: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<{ email?: string; password?: string }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: (result) => {
      if (result.status === 'ok') signIn(result.me);
      else {
        setCsrfToken(result.csrfToken);
        onSecondFactor();
      }
    },
  });
  const wait = useRetryAfter(mutation.error);
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = {
      email: email.trim() ? undefined : t('auth.emailRequired'),
      password: password ? undefined : t('auth.login.passwordRequired'),
    };
    setInvalid(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    else mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('auth.login.lead')}</Text>
        {mutation.error ? (
          <ProblemAlert
            error={mutation.error}
            fieldLabel={(field) =>
              field === 'email'
                ? t('auth.emailLabel')
                : field === 'password'
                  ? t('auth.login.password')
                  : field
            }
          />
        ) : null}
        <TextInput
          ref={emailRef}
          label={t('auth.emailLabel')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={invalid.email ?? serverErrors.email}
        />
        <PasswordField
          ref={passwordRef}
          label={t('auth.login.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={invalid.password ?? serverErrors.password}
        />
        <Button type="submit" loading={mutation.isPending} disabled={wait > 0} fullWidth>
          {t('auth.login.submit')}
        </Button>
        {wait > 0 && (
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.login.retryIn', { seconds: wait })}
          </Text>
        )}
        <Anchor component={Link} to="/haslo/przypomnij" size="sm">
          {t('auth.login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

function SecondFactorStep({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () =>
      loginSecondFactor(
        mode === 'code' ? { code: code.replace(/\s/g, '') } : { recoveryCode: recoveryCode.trim() },
      ),
    onSuccess: (result) => {
      if (result.status === 'ok') signIn(result.me);
    },
  });
  const wait = useRetryAfter(mutation.error);
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const error =
      mode === 'code'
        ? /^\d{6}$/.test(code.replace(/\s/g, ''))
          ? undefined
          : t('auth.secondFactor.codeRequired')
        : recoveryCode.trim()
          ? undefined
          : t('auth.secondFactor.recoveryRequired');
    setInvalid(error);
    if (error) inputRef.current?.focus();
    else mutation.mutate();
  }

  function switchMode() {
    setMode((m) => (m === 'code' ? 'recovery' : 'code'));
    setInvalid(undefined);
    mutation.reset();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{mode === 'code' ? t('auth.secondFactor.lead') : t('auth.secondFactor.recoveryLead')}</Text>
        {mutation.error ? (
          <ProblemAlert
            error={mutation.error}
            fieldLabel={(field) =>
              field === 'recoveryCode' ? t('auth.secondFactor.recoveryCode') : t('auth.secondFactor.code')
            }
          />
        ) : null}
        {mode === 'code' ? (
          <TextInput
            key="code"
            ref={inputRef}
            label={t('auth.secondFactor.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={invalid ?? serverErrors.code}
          />
        ) : (
          <TextInput
            key="recovery"
            ref={inputRef}
            label={t('auth.secondFactor.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            spellCheck={false}
            required
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.currentTarget.value)}
            error={invalid ?? serverErrors.recoveryCode}
          />
        )}
        <Button type="submit" loading={mutation.isPending} disabled={wait > 0} fullWidth>
          {t('auth.secondFactor.submit')}
        </Button>
        {wait > 0 && (
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.login.retryIn', { seconds: wait })}
          </Text>
        )}
        <Button variant="subtle" onClick={switchMode}>
          {mode === 'code' ? t('auth.secondFactor.useRecovery') : t('auth.secondFactor.useCode')}
        </Button>
        <Button variant="default" onClick={onBack}>
          {t('auth.backToLogin')}
        </Button>
      </Stack>
    </form>
  );
}

/** `/logowanie`: e-mail and password, then (when the account has it) the second factor. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const [step, setStep] = useState<'password' | 'secondFactor'>('password');
  const [reason] = useState<SignOutReason | undefined>(
    () => (location.state as { reason?: SignOutReason } | null)?.reason,
  );

  // The reason was handed over in the navigation state; it must not show up again later.
  useEffect(() => setSignOutReason(null), []);

  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  function goTo(next: 'password' | 'secondFactor') {
    // The new step's heading takes the focus, as after a page change.
    markNavigation();
    if (next === 'password') setCsrfToken(null);
    setStep(next);
  }

  return (
    <Stack>
      <PageTitle key={step} order={1} size="h2">
        {step === 'password' ? t('auth.login.title') : t('auth.secondFactor.title')}
      </PageTitle>
      {reason && step === 'password' && (
        <Alert color={reason === 'sessionEnded' ? 'yellow' : 'kooperacja'} variant="light" role="status">
          {reason === 'sessionEnded' ? t('auth.login.sessionEnded') : t('auth.login.loggedOut')}
        </Alert>
      )}
      {step === 'password' ? (
        <PasswordStep onSecondFactor={() => goTo('secondFactor')} />
      ) : (
        <SecondFactorStep onBack={() => goTo('password')} />
      )}
    </Stack>
  );
}
