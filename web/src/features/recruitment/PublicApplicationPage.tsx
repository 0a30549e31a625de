import type { ApplicationReceipt, PublicCall } from '@kooperacja/domain';
import { Alert, Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { AuthShell } from '../../app/AuthLayout';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { fieldErrorsOf } from '../admin/fieldErrors';
import {
  ApplicationForm,
  type ApplicationValues,
  checkApplication,
  emptyApplication,
  fieldLabel,
  toApplicationInput,
} from './ApplicationForm';
import {
  fetchPublicCall,
  publicRegulationsUrl,
  receiptUrl,
  recruitmentKeys,
  sendPublicApplication,
} from './recruitmentApi';

/** The frame of the public form: no navigation, no session, a wide card that fits a phone. */
export function PublicFormLayout() {
  return (
    <AuthShell wide>
      <Outlet />
    </AuthShell>
  );
}

/** A random idempotency key of one filled-in form (kept across retries, new after success). */
function newToken(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function Confirmation({
  call,
  receipt,
  code,
}: {
  call: PublicCall;
  receipt: ApplicationReceipt;
  code: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle order={1} size="h2" documentTitle={t('recruitment.public.sentTitle')}>
        {t('recruitment.public.sentTitle')}
      </PageTitle>
      <Alert color="green" variant="light" role="status" title={t('recruitment.public.numberLabel')}>
        <Text size="xl" fw={700} data-testid="confirmation-number">
          {receipt.number}
        </Text>
      </Alert>
      <Text>
        {t('recruitment.public.sentLead', { call: call.name, date: formatDateTime(receipt.submittedAt) })}
      </Text>
      <Text>{t('recruitment.public.keepNumber')}</Text>
      <Anchor href={receiptUrl(code, receipt)} download>
        {t('recruitment.public.pdf')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('recruitment.public.pdfHint')}
      </Text>
    </Stack>
  );
}

/**
 * `/nabor/:code`: the public application form of an open call — no login, phone-first, every field
 * labelled, field-by-field errors next to the fields and in a summary, the clauses with their legal
 * bases. What was typed stays in the form whatever happens to the send (network, 429): the form
 * keeps its values and its `clientToken`, so sending again never makes a duplicate.
 */
export function PublicApplicationPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: recruitmentKeys.publicCall(code),
    queryFn: ({ signal }) => fetchPublicCall(code, signal),
    retry: false,
  });
  const call = query.data;
  const [values, setValues] = useState<ApplicationValues | null>(null);
  const [clientToken, setClientToken] = useState(newToken);
  const [honeypot, setHoneypot] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (call && !values) setValues(emptyApplication(call));
  }, [call, values]);

  const send = useMutation({
    mutationFn: (v: ApplicationValues) =>
      sendPublicApplication(code, {
        clientToken,
        website: honeypot,
        application: toApplicationInput(v, call as PublicCall),
      }),
    onSuccess: (r) => {
      setReceipt(r);
      setClientToken(newToken());
    },
    onError: () => {
      // A person never fills the hidden field; if the browser did, the next send goes without it.
      setHoneypot('');
      summaryRef.current?.focus();
    },
  });

  if (query.error)
    return (
      <Stack>
        <PageTitle order={1} size="h2" documentTitle={t('recruitment.public.title')}>
          {t('recruitment.public.title')}
        </PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!call || !values) return <Text>{t('common.loading')}</Text>;
  if (receipt) return <Confirmation call={call} receipt={receipt} code={code} />;

  const serverErrors = fieldErrorsOf(send.error);
  const errors = { ...serverErrors, ...checked };
  const labelOf = (field: string) => fieldLabel(field, call, t as never);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values || !call) return;
    const problems = checkApplication(values, call, t as never);
    setChecked(problems);
    if (Object.keys(problems).length) {
      send.reset();
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send.mutate(values);
  }

  const rateLimited = isApiError(send.error) && send.error.status === 429;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="public-form-title">
      <Stack gap="lg">
        <div>
          <PageTitle order={1} size="h2" id="public-form-title" documentTitle={call.name}>
            {call.name}
          </PageTitle>
          <Text size="sm" mt={4}>
            {call.institution} — {call.projectTitle}
          </Text>
          <Text size="sm" c="dimmed">
            {t('recruitment.public.period', {
              from: formatDate(call.opensAt),
              to: formatDate(call.closesAt),
            })}
          </Text>
        </div>
        {call.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{call.description}</Text>}
        {call.hasRegulations && (
          <Anchor href={publicRegulationsUrl(code)} target="_blank" rel="noopener">
            {t('recruitment.public.regulations')}
          </Anchor>
        )}
        <Text size="sm">{t('recruitment.public.requiredHint')}</Text>
        <div ref={summaryRef} tabIndex={-1} aria-live="polite">
          {Object.keys(checked).length > 0 && (
            <Alert color="red" variant="light" role="alert" title={t('recruitment.form.fixTitle')}>
              <List size="sm">
                {Object.entries(checked).map(([field, message]) => (
                  <List.Item key={field}>
                    <Text span fw={600} size="sm">
                      {labelOf(field)}
                    </Text>
                    : {message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {send.error ? (
            <Stack gap="xs">
              <ProblemAlert error={send.error} fieldLabel={labelOf} />
              <Text size="sm" fw={600} data-testid="kept-notice">
                {rateLimited ? t('recruitment.public.keptRateLimited') : t('recruitment.public.kept')}
              </Text>
            </Stack>
          ) : null}
        </div>
        <ApplicationForm
          call={call}
          values={values}
          onChange={setValues}
          errors={errors}
          disabled={send.isPending}
        />
        {/* Honeypot: hidden from people and assistive technology; bots fill every field they find. */}
        <div
          aria-hidden="true"
          style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
        >
          <label htmlFor="kp-website">{t('recruitment.public.honeypot')}</label>
          <input
            id="kp-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={honeypot}
            onChange={(e) => setHoneypot(e.currentTarget.value)}
          />
        </div>
        <Button type="submit" size="md" loading={send.isPending} fullWidth>
          {t('recruitment.public.send')}
        </Button>
        <Title order={2} size="h5">
          {t('recruitment.public.privacyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('recruitment.public.privacy')}
        </Text>
      </Stack>
    </form>
  );
}
