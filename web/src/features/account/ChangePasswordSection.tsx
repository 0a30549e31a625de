import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { problemFieldErrors } from '../../lib/api';
import { changePassword } from '../auth/authApi';
import { PasswordField } from '../auth/PasswordField';
import { newPasswordErrors, passwordPolicyText } from '../auth/passwordPolicy';

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [invalid, setInvalid] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const refs = {
    current: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const mutation = useMutation({
    mutationFn: () => changePassword(current, password),
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setConfirm('');
    },
  });
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = {
      current: current ? undefined : t('account.password.currentRequired'),
      ...newPasswordErrors(password, confirm, t),
    };
    setInvalid(errors);
    const first = (['current', 'password', 'confirm'] as const).find((k) => errors[k]);
    if (first) refs[first].current?.focus();
    else mutation.mutate();
  }

  const label = (field: string) =>
    field === 'currentPassword'
      ? t('account.password.current')
      : field === 'newPassword'
        ? t('account.password.new')
        : field;

  return (
    <SectionCard titleId="account-password" title={t('account.password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          {mutation.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('account.password.done')}
            </Alert>
          )}
          {mutation.error ? <ProblemAlert error={mutation.error} fieldLabel={label} /> : null}
          <PasswordField
            ref={refs.current}
            label={t('account.password.current')}
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={invalid.current ?? serverErrors.currentPassword}
          />
          <PasswordField
            ref={refs.password}
            label={t('account.password.new')}
            description={passwordPolicyText(t)}
            name="new-password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={invalid.password ?? serverErrors.newPassword}
          />
          <PasswordField
            ref={refs.confirm}
            label={t('account.password.confirm')}
            name="confirm-password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={invalid.confirm}
          />
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('account.password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
