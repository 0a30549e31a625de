import { normalizeCertificateCode } from '@kooperacja/domain';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { AuthShell } from '../../app/AuthLayout';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { Facts, formatPeriod } from './common';
import { useCertificateVerification } from './hooks';
import { formatHours, useTrainingLabels } from './labels';

/** The frame of the public verification pages: no navigation, no session. */
export function PublicVerificationLayout() {
  return (
    <AuthShell wide>
      <Outlet />
    </AuthShell>
  );
}

/** A code typed by hand: spaces, dashes, O for 0 and I/L for 1 are forgiven; the check character is not. */
function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normal = normalizeCertificateCode(code);
    if (!normal) {
      setError(code.trim() ? t('trainings.verify.invalidCode') : t('trainings.verify.codeRequired'));
      return;
    }
    setError(null);
    navigate(`/weryfikacja/${normal}`);
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('trainings.verify.formLabel')}>
      <Stack gap="sm">
        <TextInput
          label={t('trainings.verify.code')}
          description={t('trainings.verify.codeHint')}
          placeholder="7KD2-M9QX-4TBW"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={code}
          error={error}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group>
          <Button type="submit">{t('trainings.verify.check')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/weryfikacja`: anyone types a certificate's code to check it. */
export function VerificationFormPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle order={1} size="h2">
        {t('trainings.verify.title')}
      </PageTitle>
      <Text size="sm">{t('trainings.verify.lead')}</Text>
      <CodeForm />
    </Stack>
  );
}

/**
 * `/weryfikacja/:code`: what a certificate's code says — valid or revoked, whose, which training,
 * hours, dates, organiser, project, issue date; an unknown code says so.
 */
export function VerificationResultPage() {
  const { code: raw = '' } = useParams();
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const code = normalizeCertificateCode(raw) ?? raw.trim().toUpperCase();
  const query = useCertificateVerification(code);
  const v = query.data;
  const notFound = isApiError(query.error) && query.error.status === 404;
  return (
    <Stack>
      <PageTitle order={1} size="h2" documentTitle={t('trainings.verify.title')}>
        {t('trainings.verify.title')}
      </PageTitle>
      <Text size="sm">{t('trainings.verify.checked', { code })}</Text>
      {notFound ? (
        <Alert color="red" variant="light" role="alert" title={t('trainings.verify.notFound')}>
          {t('trainings.verify.notFoundDetail')}
        </Alert>
      ) : query.error ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !v ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : (
        <Stack gap="md">
          {v.valid ? (
            <Alert color="green" variant="light" role="status" title={t('trainings.verify.valid')}>
              {t('trainings.verify.validDetail', { name: v.learnerName })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" role="status" title={t('trainings.verify.revoked')}>
              {v.revokedOn
                ? t('trainings.verify.revokedOn', { date: formatDate(v.revokedOn) })
                : t('trainings.verify.revokedDetail')}
            </Alert>
          )}
          <Title order={2} size="h4">
            {v.trainingTitle}
          </Title>
          <Facts
            items={[
              [t('trainings.verify.learner'), v.learnerName],
              [t('trainings.fields.form'), labels.label('forms', v.form)],
              [t('trainings.fields.hours'), t('trainings.hoursValue', { hours: formatHours(v.hours) })],
              [t('trainings.verify.dates'), formatPeriod(v.editionStartsOn, v.editionEndsOn)],
              [t('trainings.fields.organiser'), v.organiser],
              [t('trainings.verify.project'), v.projectNumber],
              [t('trainings.certificate.issuedOnLabel'), formatDate(v.issuedOn)],
              [t('trainings.certificate.code'), v.code],
            ]}
          />
        </Stack>
      )}
      <Title order={2} size="h5" mt="md">
        {t('trainings.verify.another')}
      </Title>
      <CodeForm />
      <Anchor component={Link} to="/weryfikacja" size="sm">
        {t('trainings.verify.back')}
      </Anchor>
    </Stack>
  );
}
