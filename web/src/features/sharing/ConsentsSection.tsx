import type { Case, CaseTeam, Consent, ShareScope } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { attachmentUrl } from '../cases/page/caseApi';
import { formErrorsOf } from '../cases/page/formErrors';
import { ScanField } from '../cases/page/ScanField';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { FormProblem } from './FormProblem';
import { todayIso, useSharingLabels } from './labels';
import { ScopeChips } from './ScopeChips';
import { addConsent, attachConsentScan, consentPdfUrl, sharingKeys, withdrawConsent } from './sharingApi';

type ConsentState = 'active' | 'withdrawn' | 'expired' | 'future';
function stateOf(c: Consent): ConsentState {
  if (c.withdrawnOn) return 'withdrawn';
  if (c.active) return 'active';
  return c.validUntil && c.validUntil < todayIso() ? 'expired' : 'future';
}
const stateColor: Record<ConsentState, string> = {
  active: 'green',
  withdrawn: 'gray',
  expired: 'gray',
  future: 'blue',
};

/** (b) The person's consents to share data with a named institution; printed, signed, withdrawable. */
export function ConsentsSection({ data, team }: { data: Case; team: CaseTeam }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [scanning, setScanning] = useState<Consent | null>(null);
  const queryClient = useQueryClient();
  return (
    <SectionCard
      titleId="coop-consents"
      title={t('sharing.consents.title')}
      description={t('sharing.consents.lead')}
    >
      {team.canManage && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)} data-testid="consent-add-open">
            {t('sharing.consents.add')}
          </Button>
        </Group>
      )}
      {team.consents.length === 0 ? (
        <Text size="sm">{t('sharing.consents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-labelledby="coop-consents" data-testid="consents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sharing.consents.person')}</Table.Th>
                <Table.Th scope="col">{t('sharing.consents.recipient')}</Table.Th>
                <Table.Th scope="col">{t('sharing.share.scopes')}</Table.Th>
                <Table.Th scope="col">{t('sharing.consents.period')}</Table.Th>
                <Table.Th scope="col">{t('sharing.consents.state')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('sharing.form.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.consents.map((c) => {
                const state = stateOf(c);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text size="sm">{c.person.name}</Text>
                      <Text size="xs" c="dimmed">
                        {c.purpose}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.recipient.name}</Table.Td>
                    <Table.Td>
                      <ScopeChips scopes={c.scopes} />
                    </Table.Td>
                    <Table.Td>
                      {formatDate(c.givenOn)}
                      {' – '}
                      {c.validUntil ? formatDate(c.validUntil) : t('sharing.consents.untilWithdrawn')}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={stateColor[state]} tt="none">
                        {t(`sharing.consents.states.${state}`)}
                      </Badge>
                      {c.withdrawnOn && (
                        <Text size="xs">
                          {t('sharing.consents.withdrawnOn', { date: formatDate(c.withdrawnOn) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor
                          href={consentPdfUrl(data.id, c.id)}
                          size="sm"
                          aria-label={t('sharing.consents.printNamed', {
                            name: c.person.name,
                            to: c.recipient.name,
                          })}
                        >
                          {t('sharing.consents.print')}
                        </Anchor>
                        {c.signedScanId && (
                          <Anchor
                            href={attachmentUrl(data.id, c.signedScanId)}
                            size="sm"
                            target="_blank"
                            rel="noopener"
                            aria-label={t('sharing.consents.scanNamed', {
                              name: c.person.name,
                              to: c.recipient.name,
                            })}
                          >
                            {t('sharing.consents.scan')}
                          </Anchor>
                        )}
                        {team.canManage && (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setScanning(c)}
                            aria-label={t('sharing.consents.attachScanNamed', {
                              name: c.person.name,
                              to: c.recipient.name,
                            })}
                          >
                            {t('sharing.consents.attachScan')}
                          </Button>
                        )}
                        {team.canManage && !c.withdrawnOn && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setWithdrawing(c)}
                            aria-label={t('sharing.consents.withdrawNamed', {
                              name: c.person.name,
                              to: c.recipient.name,
                            })}
                          >
                            {t('sharing.consents.withdraw')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('sharing.consents.add')} size="lg">
        <ConsentForm data={data} onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={!!scanning} onClose={() => setScanning(null)} title={t('sharing.consents.scanTitle')}>
        {scanning && (
          <ScanField
            caseId={data.id}
            scanId={scanning.signedScanId}
            canEdit={team.canManage}
            inputId={`consent-scan-${scanning.id}`}
            link={(attachmentId) => attachConsentScan(data.id, scanning.id, attachmentId, scanning.version)}
            onLinked={() => {
              void queryClient.invalidateQueries({ queryKey: sharingKeys.team(data.id) });
              setScanning(null);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={!!withdrawing}
        onClose={() => setWithdrawing(null)}
        title={t('sharing.consents.withdrawTitle')}
      >
        {withdrawing && (
          <WithdrawConsentForm caseId={data.id} consent={withdrawing} onDone={() => setWithdrawing(null)} />
        )}
      </Modal>
    </SectionCard>
  );
}

const CONSENT_SCOPES: ShareScope[] = ['podstawowe', 'plan', 'diagnoza', 'zdrowie'];

function ConsentForm({ data, onDone }: { data: Case; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const required = (v: unknown) => (v ? null : t('sharing.form.required'));
  const persons = data.subject.persons.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }));
  const form = useForm({
    initialValues: {
      personId: (persons.length === 1 ? persons[0]?.value : null) ?? (null as string | null),
      recipientInstitutionId: null as string | null,
      scopes: ['podstawowe'] as string[],
      purpose: '',
      givenOn: todayIso() as string | null,
      validUntil: null as string | null,
    },
    validate: {
      personId: required,
      recipientInstitutionId: required,
      purpose: (v) => required(v.trim()),
      givenOn: required,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      addConsent(data.id, {
        personId: v.personId as string,
        recipientInstitutionId: v.recipientInstitutionId as string,
        scopes: v.scopes as ShareScope[],
        purpose: v.purpose,
        givenOn: v.givenOn as string,
        validUntil: v.validUntil || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sharingKeys.team(data.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="consent-form">
      <Stack gap="sm">
        <FormProblem error={save.error} />
        <Select
          label={t('sharing.consents.person')}
          required
          data={persons}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('personId')}
        />
        <InstitutionSelect
          label={t('sharing.consents.recipient')}
          required
          exclude={[data.institution.id]}
          value={form.values.recipientInstitutionId}
          error={form.errors.recipientInstitutionId}
          onChange={(id) => form.setFieldValue('recipientInstitutionId', id)}
        />
        <Checkbox.Group
          label={t('sharing.share.scopes')}
          description={t('sharing.share.scopesHint')}
          required
          value={form.values.scopes}
          onChange={(s) =>
            form.setFieldValue('scopes', ['podstawowe', ...s.filter((x) => x !== 'podstawowe')])
          }
          error={form.errors.scopes}
        >
          <Stack gap={6} mt={6}>
            {CONSENT_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={labels.label('scopes', s)} disabled={s === 'podstawowe'} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t('sharing.consents.purpose')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('purpose')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('sharing.consents.givenOn')}
              required
              {...dateProps}
              clearable={false}
              {...form.getInputProps('givenOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('sharing.consents.validUntil')}
              {...dateProps}
              {...form.getInputProps('validUntil')}
            />
          </Grid.Col>
        </Grid>
        <Text size="xs" c="dimmed">
          {t('sharing.consents.printHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('sharing.consents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawConsentForm({
  caseId,
  consent,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { withdrawnOn: todayIso() as string | null },
    validate: { withdrawnOn: (v) => (v ? null : t('sharing.form.required')) },
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.team(caseId) });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      withdrawConsent(caseId, consent.id, { withdrawnOn: v.withdrawnOn as string, version: consent.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('sharing.consents.withdrawLead', { name: consent.person.name, to: consent.recipient.name })}
        </Text>
        <FormProblem error={save.error} onReload={reload} />
        <DateInput
          label={t('sharing.consents.withdrawnOnLabel')}
          required
          {...dateProps}
          clearable={false}
          {...form.getInputProps('withdrawnOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            {t('sharing.consents.withdrawSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
