import type { CaseTeam, Service } from '@kooperacja/domain';
import { Button, Grid, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { formErrorsOf } from '../cases/page/formErrors';
import { usePlans } from '../cases/page/plans/usePlans';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { ServiceSearch } from '../services';
import { FormProblem } from './FormProblem';
import { useSharingLabels } from './labels';
import { consentsFor, ShareFields, type ShareValues, shareErrors } from './ShareFields';
import { createReferral, type ReferralBody, sharingKeys } from './sharingApi';

interface ReferralValues extends ShareValues {
  kind: string | null;
  toInstitutionId: string | null;
  serviceId: string | null;
  planActionId: string | null;
  reason: string;
  urgency: string | null;
  expectedBy: string | null;
}

/**
 * "Nowe skierowanie": to an institution picked by name or from the resource map (a service, and so
 * its institution), optionally for a plan action of the case, with the shared scope and its basis.
 */
export function ReferralForm({
  caseId,
  team,
  onDone,
  onCancel,
}: {
  caseId: string;
  team: CaseTeam;
  onDone: (created: { id: string; number: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const plans = usePlans(caseId);
  const [mapOpen, setMapOpen] = useState(false);
  const [service, setService] = useState<Service | null>(null);
  const required = (v: unknown) => (v ? null : t('sharing.form.required'));
  const form = useForm<ReferralValues>({
    initialValues: {
      kind: 'skierowanie',
      toInstitutionId: null,
      serviceId: null,
      planActionId: null,
      reason: '',
      urgency: 'zwykla',
      expectedBy: null,
      scopes: ['podstawowe'],
      basis: 'przepis',
      legalBasis: null,
      consentId: null,
    },
    validate: {
      kind: required,
      toInstitutionId: required,
      reason: (v) => required(v.trim()),
      urgency: required,
      legalBasis: (v, all) => (all.basis === 'przepis' ? required(v) : null),
      consentId: (v, all) => (all.basis === 'zgoda' ? required(v) : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: ReferralValues) => {
      const body: ReferralBody = {
        kind: v.kind as ReferralBody['kind'],
        toInstitutionId: v.toInstitutionId as string,
        serviceId: v.serviceId,
        planActionId: v.planActionId,
        reason: v.reason,
        urgency: v.urgency as ReferralBody['urgency'],
        expectedBy: v.expectedBy || null,
        scopes: v.scopes,
        basis: v.basis,
        legalBasis: v.basis === 'przepis' ? v.legalBasis : null,
        consentId: v.basis === 'zgoda' ? v.consentId : null,
      };
      return createReferral(caseId, body);
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: sharingKeys.caseReferrals(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId, 'timeline'] });
      onDone(created);
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const pick = (s: Service) => {
    setService(s);
    form.setValues({ toInstitutionId: s.institution.id, serviceId: s.id, consentId: null });
    setMapOpen(false);
  };
  const actionOptions = (plans.data?.items ?? [])
    .filter((p) => p.status === 'aktywny' || p.status === 'projekt')
    .map((p) => ({
      group: p.title ?? labels.label('planTypes', p.type),
      items: p.goals.flatMap((g) =>
        g.actions.filter((a) => a.status !== 'wykonane').map((a) => ({ value: a.id, label: a.description })),
      ),
    }))
    .filter((g) => g.items.length > 0);
  const consents = consentsFor(team.consents, form.values.toInstitutionId);
  const fieldLabel = (f: string) =>
    ({
      kind: t('sharing.referrals.kind'),
      toInstitutionId: t('sharing.referrals.to'),
      serviceId: t('sharing.referrals.service'),
      planActionId: t('sharing.referrals.planAction'),
      reason: t('sharing.referrals.reason'),
      urgency: t('sharing.referrals.urgency'),
      expectedBy: t('sharing.referrals.expectedBy'),
      scopes: t('sharing.share.scopes'),
      basis: t('sharing.share.basis'),
      legalBasis: t('sharing.share.legalBasis'),
      consentId: t('sharing.share.consent'),
    })[f.replace(/^body\./, '')] ?? f;
  return (
    <>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="referral-form">
        <Stack gap="sm">
          <FormProblem error={save.error} fieldLabel={fieldLabel} />
          <Select
            label={t('sharing.referrals.kind')}
            required
            data={labels.options('kinds')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          <InstitutionSelect
            label={t('sharing.referrals.to')}
            required
            value={form.values.toInstitutionId}
            error={form.errors.toInstitutionId}
            onChange={(id) => {
              form.setValues({ toInstitutionId: id, consentId: null });
              if (service && service.institution.id !== id) {
                setService(null);
                form.setFieldValue('serviceId', null);
              }
            }}
            data-testid="referral-institution"
          />
          <Group gap="sm" align="center">
            <Button
              variant="light"
              size="xs"
              onClick={() => setMapOpen(true)}
              data-testid="referral-pick-service"
            >
              {t('sharing.referrals.pickFromMap')}
            </Button>
            {service && (
              <Paper withBorder px="sm" py={4}>
                <Group gap="xs">
                  <Text size="sm" data-testid="referral-picked-service">
                    {t('sharing.referrals.pickedService', {
                      service: service.name,
                      institution: service.institution.name,
                    })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      setService(null);
                      form.setFieldValue('serviceId', null);
                    }}
                  >
                    {t('sharing.referrals.removeService')}
                  </Button>
                </Group>
              </Paper>
            )}
          </Group>
          {form.errors.serviceId && (
            <Text size="sm" c="red" role="alert">
              {form.errors.serviceId}
            </Text>
          )}
          <Select
            label={t('sharing.referrals.planAction')}
            description={t('sharing.referrals.planActionHint')}
            data={actionOptions}
            clearable
            searchable
            nothingFoundMessage={t('sharing.referrals.noActions')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('planActionId')}
          />
          <Textarea
            label={t('sharing.referrals.reason')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('sharing.referrals.urgency')}
                required
                data={labels.options('urgencies')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('urgency')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <DateInput
                label={t('sharing.referrals.expectedBy')}
                {...dateProps}
                {...form.getInputProps('expectedBy')}
              />
            </Grid.Col>
          </Grid>
          <ShareFields
            idPrefix="referral"
            value={form.values}
            onChange={(next) => form.setValues(next)}
            consents={consents}
            recipientChosen={Boolean(form.values.toInstitutionId)}
            errors={shareErrors(form.errors)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('sharing.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="referral-submit">
              {t('sharing.referrals.send')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={mapOpen}
        onClose={() => setMapOpen(false)}
        title={t('sharing.referrals.pickFromMap')}
        size="xl"
      >
        <ServiceSearch onPick={pick} pickedId={form.values.serviceId} headingOrder={3} />
      </Modal>
    </>
  );
}
