import type { Consent, LegalBasis, ShareBasis, ShareScope } from '@kooperacja/domain';
import { Checkbox, Radio, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useSharingLabels } from './labels';

export interface ShareValues {
  scopes: ShareScope[];
  basis: ShareBasis;
  legalBasis: LegalBasis | null;
  consentId: string | null;
}

const SCOPES: ShareScope[] = ['podstawowe', 'plan', 'diagnoza', 'zdrowie'];

/** The scopes always include the basic data; health data force the consent basis (RODO art. 9). */
export function normaliseShare(v: ShareValues, change: Partial<ShareValues>): ShareValues {
  const next = { ...v, ...change };
  next.scopes = SCOPES.filter((s) => s === 'podstawowe' || next.scopes.includes(s));
  if (next.scopes.includes('zdrowie')) next.basis = 'zgoda';
  return next;
}

/**
 * What is shared and on what basis: scopes as checkboxes ("podstawowe" always on), the basis as a
 * radio, then the provision or one of the active consents given to this recipient.
 */
export function ShareFields({
  idPrefix,
  value,
  onChange,
  consents,
  recipientChosen,
  errors,
}: {
  idPrefix: string;
  value: ShareValues;
  onChange: (next: ShareValues) => void;
  /** Consents of the case; only the active ones of the recipient are offered. */
  consents: Consent[];
  recipientChosen: boolean;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const health = value.scopes.includes('zdrowie');
  const set = (change: Partial<ShareValues>) => onChange(normaliseShare(value, change));
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('sharing.share.scopes')}
        description={t('sharing.share.scopesHint')}
        required
        value={value.scopes}
        onChange={(s) => set({ scopes: s as ShareScope[] })}
        error={errors.scopes}
      >
        <Stack gap={6} mt={6}>
          {SCOPES.map((s) => (
            <Checkbox
              key={s}
              id={`${idPrefix}-scope-${s}`}
              value={s}
              label={labels.label('scopes', s)}
              disabled={s === 'podstawowe'}
              data-testid={`${idPrefix}-scope-${s}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Radio.Group
        label={t('sharing.share.basis')}
        required
        value={value.basis}
        onChange={(b) => set({ basis: b as ShareBasis })}
        error={errors.basis}
      >
        <Stack gap={6} mt={6}>
          <Radio
            value="przepis"
            label={labels.label('bases', 'przepis')}
            disabled={health}
            data-testid={`${idPrefix}-basis-przepis`}
          />
          <Radio
            value="zgoda"
            label={labels.label('bases', 'zgoda')}
            data-testid={`${idPrefix}-basis-zgoda`}
          />
        </Stack>
      </Radio.Group>
      {health && (
        <Text size="sm" id={`${idPrefix}-health-hint`} role="note">
          {t('sharing.share.healthNeedsConsent')}
        </Text>
      )}
      {value.basis === 'przepis' ? (
        <Select
          label={t('sharing.share.legalBasis')}
          required
          data={labels.options('legalBases')}
          value={value.legalBasis}
          onChange={(v) => set({ legalBasis: v as LegalBasis | null })}
          error={errors.legalBasis}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <ConsentSelect
          consents={consents}
          recipientChosen={recipientChosen}
          value={value.consentId}
          onChange={(id) => set({ consentId: id })}
          error={errors.consentId}
        />
      )}
    </Stack>
  );
}

function ConsentSelect({
  consents,
  recipientChosen,
  value,
  onChange,
  error,
}: {
  consents: Consent[];
  recipientChosen: boolean;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const data = consents.map((c) => ({
    value: c.id,
    label: t('sharing.share.consentOption', {
      person: c.person.name,
      date: formatDate(c.givenOn),
      scopes: c.scopes.map((s) => labels.label('scopes', s)).join(', '),
    }),
  }));
  const hint = !recipientChosen
    ? t('sharing.share.consentPickRecipient')
    : data.length === 0
      ? t('sharing.share.noConsents')
      : undefined;
  return (
    <Select
      label={t('sharing.share.consent')}
      required
      data={data}
      value={value}
      onChange={onChange}
      description={hint}
      error={error}
      disabled={data.length === 0}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The consents a share to this recipient may rest on: in force today, given to that institution. */
export function consentsFor(consents: Consent[], recipientId: string | null): Consent[] {
  if (!recipientId) return [];
  return consents.filter((c) => c.active && c.recipient.id === recipientId);
}

/** Server field errors of the basis part, named as the form names them. */
export function shareErrors(errors: Record<string, unknown>): Record<string, string | undefined> {
  const pick = (k: string) => (typeof errors[k] === 'string' ? (errors[k] as string) : undefined);
  return {
    scopes: pick('scopes'),
    basis: pick('basis'),
    legalBasis: pick('legalBasis'),
    consentId: pick('consentId'),
  };
}
