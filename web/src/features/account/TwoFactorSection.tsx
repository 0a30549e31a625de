import type { Me, TotpSetup } from '@kooperacja/domain';
import { Alert, Button, Code, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { problemFieldErrors } from '../../lib/api';
import { disableTotp, enableTotp, startTotpSetup } from '../auth/authApi';
import { PasswordField } from '../auth/PasswordField';
import { authKeys } from '../auth/useMe';

/** The recovery codes, shown once right after the second factor is turned on. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Title order={3} size="h5" ref={headingRef} tabIndex={-1}>
        {t('account.twoFactor.recoveryTitle')}
      </Title>
      <Alert color="yellow" variant="light">
        {t('account.twoFactor.recoveryLead')}
      </Alert>
      <List aria-label={t('account.twoFactor.recoveryList')} listStyleType="none" spacing={4}>
        {codes.map((code) => (
          <List.Item key={code}>
            <Code fz="md">{code}</Code>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('account.twoFactor.copied') : t('account.twoFactor.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => window.print()}>
          {t('account.twoFactor.print')}
        </Button>
        <Button onClick={onDone}>{t('account.twoFactor.recoverySaved')}</Button>
      </Group>
    </Stack>
  );
}

function SetupForm({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: TotpSetup;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const introRef = useRef<HTMLParagraphElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => introRef.current?.focus(), []);
  const mutation = useMutation({
    mutationFn: () => enableTotp(code.replace(/\s/g, '')),
    onSuccess: (result) => onEnabled(result.recoveryCodes),
  });
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = /^\d{6}$/.test(code.replace(/\s/g, '')) ? undefined : t('auth.secondFactor.codeRequired');
    setInvalid(error);
    if (error) inputRef.current?.focus();
    else mutation.mutate();
  }

  return (
    <Stack gap="sm">
      <Text ref={introRef} tabIndex={-1}>
        {t('account.twoFactor.scan')}
      </Text>
      <img
        src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
        alt={t('account.twoFactor.qrAlt')}
        width={200}
        height={200}
        data-testid="totp-qr"
      />
      <Text size="sm">{t('account.twoFactor.secret')}</Text>
      <Code block fz="md" data-testid="totp-secret">
        {setup.secret}
      </Code>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={320}>
          <Text>{t('account.twoFactor.enterCode')}</Text>
          {mutation.error ? (
            <ProblemAlert error={mutation.error} fieldLabel={() => t('account.twoFactor.code')} />
          ) : null}
          <TextInput
            ref={inputRef}
            label={t('account.twoFactor.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={invalid ?? serverErrors.code}
          />
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('account.twoFactor.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('account.twoFactor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () => disableTotp(password),
    onSuccess: () => {
      setPassword('');
      onDisabled();
    },
  });
  const serverErrors = problemFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = password ? undefined : t('account.password.currentRequired');
    setInvalid(error);
    if (error) inputRef.current?.focus();
    else mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="two-factor-disable">
      <Stack gap="sm" maw={320}>
        <Title order={3} size="h6" id="two-factor-disable">
          {t('account.twoFactor.disableTitle')}
        </Title>
        {mutation.error ? (
          <ProblemAlert error={mutation.error} fieldLabel={() => t('account.twoFactor.disablePassword')} />
        ) : null}
        <PasswordField
          ref={inputRef}
          label={t('account.twoFactor.disablePassword')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={invalid ?? serverErrors.password}
        />
        <div>
          <Button type="submit" color="red.9" variant="outline" loading={mutation.isPending}>
            {t('account.twoFactor.disable')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/**
 * Turning the second factor (TOTP) on — QR code, the secret for typing in, a code to confirm, and the
 * recovery codes shown once — or off again with the password.
 */
export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [justDisabled, setJustDisabled] = useState(false);
  const start = useMutation({
    mutationFn: startTotpSetup,
    onSuccess: (data) => {
      setJustDisabled(false);
      setSetup(data);
    },
  });
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: authKeys.me });
  const enabled = me.user.twoFactorEnabled;

  return (
    <SectionCard titleId="account-two-factor" title={t('account.twoFactor.title')}>
      {me.twoFactorSetupRequired && !codes && (
        <Alert color="yellow" variant="light" data-testid="two-factor-required">
          {t('account.twoFactor.required')}
        </Alert>
      )}
      {justDisabled && (
        <Alert color="green" variant="light" role="status">
          {t('account.twoFactor.disabledDone')}
        </Alert>
      )}
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : enabled ? (
        <>
          <Text>{t('account.twoFactor.enabled')}</Text>
          <DisableForm
            onDisabled={() => {
              setJustDisabled(true);
              void refreshMe();
            }}
          />
        </>
      ) : setup ? (
        <SetupForm
          setup={setup}
          onCancel={() => setSetup(null)}
          onEnabled={(recovery) => {
            setSetup(null);
            setCodes(recovery);
            void refreshMe();
          }}
        />
      ) : (
        <>
          <Text>{t('account.twoFactor.disabled')}</Text>
          {start.error ? <ProblemAlert error={start.error} /> : null}
          <div>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('account.twoFactor.start')}
            </Button>
          </div>
        </>
      )}
    </SectionCard>
  );
}
