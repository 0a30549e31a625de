import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemFieldErrors } from '../../lib/api';
import { forgotPassword } from './authApi';
import { LOGIN_PATH } from './session';

/**
 * `/haslo/przypomnij`: asks for a one-time link. The answer is the same whether or not the account
 * exists, so the page cannot be used to find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({ mutationFn: (address: string) => forgotPassword(address) });
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = email.trim() ? undefined : t('auth.emailRequired');
    setInvalid(error);
    if (error) inputRef.current?.focus();
    else mutation.mutate(email.trim());
  }

  return (
    <Stack>
      <PageTitle order={1} size="h2">
        {t('auth.forgot.title')}
      </PageTitle>
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" data-testid="forgot-sent">
          {t('auth.forgot.sent', { email: mutation.variables })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('auth.forgot.lead')}</Text>
            {mutation.error ? (
              <ProblemAlert
                error={mutation.error}
                fieldLabel={(field) => (field === 'email' ? t('auth.emailLabel') : field)}
              />
            ) : null}
            <TextInput
              ref={inputRef}
              label={t('auth.emailLabel')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={invalid ?? serverErrors.email}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              {t('auth.forgot.submit')}
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
