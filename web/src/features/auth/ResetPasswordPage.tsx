import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, problemFieldErrors } from '../../lib/api';
import { resetPassword } from './authApi';
import { PasswordField } from './PasswordField';
import { newPasswordErrors, passwordPolicyText } from './passwordPolicy';
import { LOGIN_PATH } from './session';

/** `/haslo/ustaw?token=…`: sets a password from a one-time link (a reset or an invitation). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [invalid, setInvalid] = useState<{ password?: string; confirm?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({ mutationFn: () => resetPassword(token, password) });
  const serverErrors = problemFieldErrors(mutation.error);
  // A used, expired or unknown link: only a new one helps.
  const linkInvalid =
    isApiError(mutation.error) && mutation.error.status === 400 && !mutation.error.problem.errors?.length;

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = newPasswordErrors(password, confirm, t);
    setInvalid(errors);
    if (errors.password) passwordRef.current?.focus();
    else if (errors.confirm) confirmRef.current?.focus();
    else mutation.mutate();
  }

  const requestNew = (
    <Anchor component={Link} to="/haslo/przypomnij" size="sm">
      {t('auth.reset.requestNew')}
    </Anchor>
  );

  return (
    <Stack>
      <PageTitle order={1} size="h2">
        {t('auth.reset.title')}
      </PageTitle>
      {!token ? (
        <>
          <Alert color="yellow" variant="light">
            {t('auth.reset.missingToken')}
          </Alert>
          {requestNew}
        </>
      ) : mutation.isSuccess ? (
        <>
          <Alert color="green" variant="light" role="status">
            {t('auth.reset.done')}
          </Alert>
          <Button component={Link} to={LOGIN_PATH}>
            {t('auth.login.submit')}
          </Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('auth.reset.lead')}</Text>
            {mutation.error ? (
              <ProblemAlert
                error={mutation.error}
                fieldLabel={(field) => (field === 'password' ? t('auth.reset.password') : field)}
              />
            ) : null}
            {linkInvalid && requestNew}
            <PasswordField
              ref={passwordRef}
              label={t('auth.reset.password')}
              description={passwordPolicyText(t)}
              name="new-password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={invalid.password ?? serverErrors.password}
            />
            <PasswordField
              ref={confirmRef}
              label={t('auth.reset.confirm')}
              name="confirm-password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={invalid.confirm}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={LOGIN_PATH} size="sm">
        {t('auth.backToLogin')}
      </Anchor>
    </Stack>
  );
}
