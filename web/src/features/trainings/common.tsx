import type { EditionOut, Registration, RegistrationStatus } from '@kooperacja/domain';
import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { registrationColours, useTrainingLabels } from './labels';
import { certificatePdfUrl } from './trainingsApi';

/** Terms and their values as a description list (one per row on a phone, two or three wider). */
export function Facts({ items, cols = 2 }: { items: [string, ReactNode][]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="sm" m={0}>
      {items.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The status of a registration in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const labels = useTrainingLabels();
  return (
    <Badge variant="light" color={registrationColours[status]} tt="none" miw="max-content">
      {labels.label('registrationStatuses', status)}
    </Badge>
  );
}

/** The status with the place on the waiting list, when there is one. */
export function StatusWithPlace({
  registration,
}: {
  registration: Pick<Registration, 'status' | 'waitingPosition'>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={registration.status} />
      {registration.status === 'rezerwowa' && registration.waitingPosition !== null && (
        <Text size="sm">
          {t('trainings.registration.waitingPosition', { position: registration.waitingPosition })}
        </Text>
      )}
    </Group>
  );
}

/** A test's result in words: "85% (zaliczony)", "na papierze" when entered by the organiser. */
export function useTestResultText() {
  const { t } = useTranslation();
  return (result: Registration['preTest'], withPassed = true) => {
    if (!result) return t('trainings.test.notTaken');
    const parts = [`${result.percent}%`];
    if (withPassed)
      parts.push(result.passed ? t('trainings.test.passedShort') : t('trainings.test.failedShort'));
    if (result.onPaper) parts.push(t('trainings.test.onPaper'));
    return parts.join(' · ');
  };
}

/** The download link of a registration's certificate, with its code and (if so) its revocation. */
export function CertificateInfo({
  registrationId,
  certificate,
}: {
  registrationId: string;
  certificate: Registration['certificate'];
}) {
  const { t } = useTranslation();
  if (!certificate) return <Text size="sm">{t('trainings.certificate.none')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('trainings.certificate.code')}: <strong>{certificate.code}</strong>
      </Text>
      <Text size="sm">{t('trainings.certificate.issuedOn', { date: formatDate(certificate.issuedOn) })}</Text>
      {certificate.revokedOn ? (
        <Text size="sm" c="red.9" fw={600}>
          {t('trainings.certificate.revoked', {
            date: formatDate(certificate.revokedOn),
            reason: certificate.revokedReason ?? '—',
          })}
        </Text>
      ) : (
        <Anchor href={certificatePdfUrl(registrationId)} download size="sm">
          {t('trainings.certificate.download')}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * A dialog asking for a reason before an action (reject, withdraw, revoke). `required` refuses an
 * empty reason (at least 3 characters, as the contract of a revocation).
 */
export function ReasonDialog({
  opened,
  title,
  message,
  confirmLabel,
  required = false,
  pending,
  error,
  color,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  message?: ReactNode;
  confirmLabel: string;
  required?: boolean;
  pending: boolean;
  error: unknown;
  color?: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  // Every opening starts with an empty reason.
  useEffect(() => {
    if (opened) {
      setReason('');
      setInvalid(false);
    }
  }, [opened]);
  const close = () => {
    setReason('');
    setInvalid(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (required && reason.trim().length < 3) {
            setInvalid(true);
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          {message && <Text size="sm">{message}</Text>}
          {error ? <ProblemAlert error={error} /> : null}
          <Textarea
            label={t('trainings.reason.label')}
            description={required ? undefined : t('trainings.reason.optional')}
            withAsterisk={required}
            maxLength={500}
            rows={3}
            resize="vertical"
            value={reason}
            error={invalid ? t('trainings.reason.required') : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setInvalid(false);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('trainings.cancel')}
            </Button>
            <Button type="submit" color={color} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "12.03.2025 – 13.03.2025" (one date when the edition lasts a day). */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** Text with blank lines as paragraphs (no markup is interpreted). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
          <Text key={i} style={{ whiteSpace: 'pre-line' }}>
            {p}
          </Text>
        ))}
    </>
  );
}

/** Where and how an edition takes place, in words. */
export function useEditionWhere() {
  const labels = useTrainingLabels();
  return (e: Pick<EditionOut, 'mode' | 'place' | 'onlineUrl'>) =>
    [labels.label('modes', e.mode), e.place].filter(Boolean).join(' — ');
}
