import type { Agreement, AgreementStatus, Partnership } from '@kooperacja/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Grid,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { useAgreements } from './hooks';
import { todayIso, usePartnershipLabels } from './labels';
import {
  agreementPdfUrl,
  agreementScanUrl,
  createAgreement,
  deleteAgreement,
  partnershipKeys,
  transitionAgreement,
  uploadAgreementScan,
} from './partnershipsApi';

const statusColor: Record<AgreementStatus, string> = {
  projekt: 'gray',
  podpisane: 'green',
  wygasle: 'yellow',
  rozwiazane: 'red',
};

/** Cooperation agreements: parties and signatories, status flow, the PDF and the signed scan. */
export function AgreementsTab({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const query = useAgreements(p.id);
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <SectionCard
        titleId="agreements"
        title={t('partnerships.agreements.title')}
        query={{ ...query, skeletonHeight: 100 }}
      >
        {p.abilities.manage && (
          <Group>
            <Button onClick={() => setCreating(true)}>{t('partnerships.agreements.create')}</Button>
          </Group>
        )}
        {query.data?.items.length === 0 && <Text size="sm">{t('partnerships.agreements.empty')}</Text>}
        {query.data?.items.map((a) => (
          <AgreementCard key={a.id} partnership={p} agreement={a} />
        ))}
      </SectionCard>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('partnerships.agreements.create')}
        size="lg"
      >
        <AgreementForm partnership={p} onDone={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}

function AgreementCard({ partnership: p, agreement: a }: { partnership: Partnership; agreement: Agreement }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const queryClient = useQueryClient();
  const [transition, setTransition] = useState<'podpisane' | 'rozwiazane' | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: partnershipKeys.agreements(p.id) });
    void queryClient.invalidateQueries({ queryKey: partnershipKeys.dashboard(p.id) });
  };
  const expire = useMutation({
    mutationFn: () => transitionAgreement(p.id, a.id, { to: 'wygasle', date: null, version: a.version }),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadAgreementScan(p.id, a, file),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteAgreement(p.id, a), onSuccess: refresh });
  const headingId = `agreement-${a.id}`;
  const error = expire.error ?? upload.error ?? remove.error;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5" id={headingId}>
            {a.title}
            {a.number ? ` (${a.number})` : ''}
          </Title>
          <Badge color={statusColor[a.status]} variant="light">
            {labels.label('agreementStatuses', a.status)}
          </Badge>
        </Group>
        <Text size="sm">
          {a.signedOn && `${t('partnerships.agreements.signedOn')}: ${formatDate(a.signedOn)} · `}
          {t('partnerships.agreements.valid')}: {a.validFrom ? formatDate(a.validFrom) : '—'} –{' '}
          {a.validTo ? formatDate(a.validTo) : t('partnerships.page.open')}
          {a.terminatedOn && ` · ${t('partnerships.agreements.terminatedOn')}: ${formatDate(a.terminatedOn)}`}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.scope}
        </Text>
        <Text size="sm" fw={600}>
          {t('partnerships.agreements.parties')}
        </Text>
        <List size="sm">
          {a.parties.map((x) => (
            <List.Item key={x.institution.id}>
              {x.institution.name}
              {x.signatoryName
                ? ` — ${x.signatoryName}${x.signatoryPosition ? `, ${x.signatoryPosition}` : ''}`
                : ` — ${t('partnerships.agreements.noSignatory')}`}
            </List.Item>
          ))}
        </List>
        {error ? <ProblemAlert error={error} /> : null}
        <Group gap="xs">
          <Button component="a" href={agreementPdfUrl(p.id, a.id)} variant="default" size="xs">
            {t('partnerships.agreements.pdf')}
          </Button>
          {a.signedScan && (
            <Anchor href={agreementScanUrl(p.id, a.id)} size="sm">
              {t('partnerships.agreements.scan', { name: a.signedScan.filename })}
            </Anchor>
          )}
          {p.abilities.manage && (
            <>
              {a.status === 'projekt' && (
                <Button size="xs" onClick={() => setTransition('podpisane')}>
                  {t('partnerships.agreements.sign')}
                </Button>
              )}
              {a.status === 'podpisane' && (
                <>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => expire.mutate()}
                    loading={expire.isPending}
                  >
                    {t('partnerships.agreements.expire')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setTransition('rozwiazane')}>
                    {t('partnerships.agreements.terminate')}
                  </Button>
                </>
              )}
              {(a.status === 'projekt' || a.status === 'podpisane') && (
                <FileButton
                  onChange={(f) => f && upload.mutate(f)}
                  accept="application/pdf,image/png,image/jpeg"
                >
                  {(props) => (
                    <Button {...props} size="xs" variant="default" loading={upload.isPending}>
                      {a.signedScan
                        ? t('partnerships.agreements.replaceScan')
                        : t('partnerships.agreements.uploadScan')}
                    </Button>
                  )}
                </FileButton>
              )}
              {a.status === 'projekt' && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => remove.mutate()}
                  loading={remove.isPending}
                >
                  {t('partnerships.agreements.delete')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
      <Modal
        opened={!!transition}
        onClose={() => setTransition(null)}
        title={
          transition === 'podpisane'
            ? t('partnerships.agreements.sign')
            : t('partnerships.agreements.terminate')
        }
      >
        {transition && (
          <TransitionForm
            partnershipId={p.id}
            agreement={a}
            to={transition}
            onDone={() => setTransition(null)}
          />
        )}
      </Modal>
    </Card>
  );
}

function TransitionForm({
  partnershipId,
  agreement,
  to,
  onDone,
}: {
  partnershipId: string;
  agreement: Agreement;
  to: 'podpisane' | 'rozwiazane';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { date: todayIso() as string | null } });
  const save = useMutation({
    mutationFn: (date: string | null) =>
      transitionAgreement(partnershipId, agreement.id, { to, date, version: agreement.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.agreements(partnershipId) });
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.dashboard(partnershipId) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v.date))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <DateInput
          label={
            to === 'podpisane'
              ? t('partnerships.agreements.signedOn')
              : t('partnerships.agreements.terminatedOn')
          }
          required
          {...dateProps}
          {...form.getInputProps('date')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('partnerships.form.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface PartyValue {
  institutionId: string;
  name: string;
  selected: boolean;
  signatoryName: string;
  signatoryPosition: string;
}

function AgreementForm({ partnership: p, onDone }: { partnership: Partnership; onDone: () => void }) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      number: '',
      title: t('partnerships.agreements.defaultTitle', { name: p.name }),
      scope: '',
      concludedIn: '',
      validFrom: null as string | null,
      validTo: null as string | null,
      parties: p.members
        .filter((m) => !m.leftOn)
        .map(
          (m): PartyValue => ({
            institutionId: m.institution.id,
            name: m.institution.name,
            selected: m.role === 'lider' || m.role === 'partner_strategiczny',
            signatoryName: '',
            signatoryPosition: '',
          }),
        ),
    },
    validate: {
      title: (v) => (v.trim() ? null : t('partnerships.form.required')),
      scope: (v) => (v.trim() ? null : t('partnerships.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      createAgreement(p.id, {
        number: v.number,
        title: v.title,
        scope: v.scope,
        concludedIn: v.concludedIn,
        validFrom: v.validFrom,
        validTo: v.validTo,
        parties: v.parties
          .filter((x) => x.selected)
          .map((x) => ({
            institutionId: x.institutionId,
            signatoryName: x.signatoryName,
            signatoryPosition: x.signatoryPosition,
          })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.agreements(p.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <TextInput
          label={t('partnerships.agreements.titleField')}
          required
          {...form.getInputProps('title')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('partnerships.agreements.number')} {...form.getInputProps('number')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('partnerships.agreements.concludedIn')}
              {...form.getInputProps('concludedIn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('partnerships.agreements.validFrom')}
              {...dateProps}
              {...form.getInputProps('validFrom')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('partnerships.agreements.validTo')}
              {...dateProps}
              {...form.getInputProps('validTo')}
            />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('partnerships.agreements.scope')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('scope')}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {t('partnerships.agreements.parties')}
          </Text>
          <Stack gap="xs" mt="xs">
            {form.values.parties.map((x, i) => (
              <Grid key={x.institutionId} align="flex-end">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Checkbox
                    label={x.name}
                    {...form.getInputProps(`parties.${i}.selected`, { type: 'checkbox' })}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('partnerships.agreements.signatoryName')}
                    aria-label={`${t('partnerships.agreements.signatoryName')}: ${x.name}`}
                    disabled={!x.selected}
                    {...form.getInputProps(`parties.${i}.signatoryName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('partnerships.agreements.signatoryPosition')}
                    aria-label={`${t('partnerships.agreements.signatoryPosition')}: ${x.name}`}
                    disabled={!x.selected}
                    {...form.getInputProps(`parties.${i}.signatoryPosition`)}
                  />
                </Grid.Col>
              </Grid>
            ))}
          </Stack>
        </fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('partnerships.agreements.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
