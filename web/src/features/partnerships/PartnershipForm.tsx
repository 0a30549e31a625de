import type { Partnership, PartnershipCreate } from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { usePartnershipLabels } from './labels';
import { createPartnership, partnershipKeys, updatePartnership } from './partnershipsApi';

interface Values {
  name: string;
  kind: string | null;
  model: string | null;
  teryt: string;
  leaderInstitutionId: string | null;
  strategicPartnerInstitutionId: string | null;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  status: string | null;
}

const valuesOf = (p?: Partnership): Values => ({
  name: p?.name ?? '',
  kind: p?.kind ?? 'pzk',
  model: p?.model ?? null,
  teryt: p?.teryt ?? '',
  leaderInstitutionId: p?.leader.id ?? null,
  strategicPartnerInstitutionId: p?.strategicPartner?.id ?? null,
  description: p?.description ?? '',
  startsOn: p?.startsOn ?? null,
  endsOn: p?.endsOn ?? null,
  status: p?.status ?? 'tworzone',
});

/**
 * Creates a partnership (the creator becomes its animator unless the leader is their own
 * institution) or edits one with the version it was loaded at; server field errors show next to
 * the fields.
 */
export function PartnershipForm({
  partnership,
  onDone,
  onCancel,
}: {
  partnership?: Partnership;
  onDone: (p: Partnership) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const required = (v: unknown) => (v ? null : t('partnerships.form.required'));
  const form = useForm<Values>({
    initialValues: valuesOf(partnership),
    validate: {
      name: (v) => required(v.trim()),
      kind: required,
      model: required,
      teryt: (v) => (/^(\d{2}|\d{4}|\d{7})$/.test(v) ? null : t('partnerships.form.terytFormat')),
      leaderInstitutionId: required,
      startsOn: required,
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: PartnershipCreate = {
        name: v.name,
        kind: v.kind as PartnershipCreate['kind'],
        model: v.model as PartnershipCreate['model'],
        teryt: v.teryt,
        leaderInstitutionId: v.leaderInstitutionId as string,
        strategicPartnerInstitutionId: v.strategicPartnerInstitutionId,
        description: v.description,
        startsOn: v.startsOn as string,
        endsOn: v.endsOn,
      };
      return partnership
        ? updatePartnership(partnership.id, {
            ...body,
            animatorUserId: partnership.animator?.id ?? null,
            status: v.status as Partnership['status'],
            roleVocabulary: partnership.roleVocabulary,
            version: partnership.version,
          })
        : createPartnership(body);
    },
    onSuccess: (p) => {
      queryClient.setQueryData(partnershipKeys.one(p.id), p);
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.all });
      onDone(p);
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const fieldLabel = (f: string) =>
    t(`partnerships.form.${f}` as 'partnerships.form.name', { defaultValue: f });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} fieldLabel={fieldLabel} /> : null}
        <TextInput label={t('partnerships.form.name')} required {...form.getInputProps('name')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('partnerships.form.kind')}
              required
              data={labels.options('kinds')}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('partnerships.form.model')}
              description={t('partnerships.form.modelHint')}
              required
              data={labels.options('models')}
              {...form.getInputProps('model')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('partnerships.form.teryt')}
              description={t('partnerships.form.terytHint')}
              required
              inputMode="numeric"
              {...form.getInputProps('teryt')}
            />
          </Grid.Col>
          {partnership && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('partnerships.form.status')}
                data={labels.options('statuses')}
                {...form.getInputProps('status')}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <InstitutionSelect
              label={t('partnerships.form.leaderInstitutionId')}
              required
              value={form.values.leaderInstitutionId}
              error={form.errors.leaderInstitutionId}
              onChange={(id) => form.setFieldValue('leaderInstitutionId', id)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <InstitutionSelect
              label={t('partnerships.form.strategicPartnerInstitutionId')}
              value={form.values.strategicPartnerInstitutionId}
              error={form.errors.strategicPartnerInstitutionId}
              onChange={(id) => form.setFieldValue('strategicPartnerInstitutionId', id)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('partnerships.form.startsOn')}
              required
              {...dateProps}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('partnerships.form.endsOn')}
              {...dateProps}
              {...form.getInputProps('endsOn')}
            />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('partnerships.form.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('partnerships.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {partnership ? t('partnerships.form.save') : t('partnerships.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
