import type { CaseTeam } from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { FormProblem } from './FormProblem';
import { todayIso, useSharingLabels } from './labels';
import { consentsFor, ShareFields, type ShareValues, shareErrors } from './ShareFields';
import { inviteMember, sharingKeys, type TeamInviteBody } from './sharingApi';

interface InviteValues extends ShareValues {
  institutionId: string | null;
  role: string | null;
  purpose: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** Invites an institution to the case team (ZZK) with a role, dates, the shared scope and its basis. */
export function InviteForm({
  caseId,
  team,
  onDone,
  onCancel,
}: {
  caseId: string;
  team: CaseTeam;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const required = (v: unknown) => (v ? null : t('sharing.form.required'));
  const form = useForm<InviteValues>({
    initialValues: {
      institutionId: null,
      role: null,
      purpose: '',
      startsOn: todayIso(),
      endsOn: null,
      scopes: ['podstawowe'],
      basis: 'przepis',
      legalBasis: null,
      consentId: null,
    },
    validate: {
      institutionId: required,
      role: required,
      startsOn: required,
      legalBasis: (v, all) => (all.basis === 'przepis' ? required(v) : null),
      consentId: (v, all) => (all.basis === 'zgoda' ? required(v) : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: InviteValues) => {
      const body: TeamInviteBody = {
        institutionId: v.institutionId as string,
        role: v.role as TeamInviteBody['role'],
        purpose: v.purpose.trim() || null,
        startsOn: v.startsOn as string,
        endsOn: v.endsOn || null,
        scopes: v.scopes,
        basis: v.basis,
        legalBasis: v.basis === 'przepis' ? v.legalBasis : null,
        consentId: v.basis === 'zgoda' ? v.consentId : null,
      };
      return inviteMember(caseId, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sharingKeys.team(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId, 'timeline'] });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const taken = team.members
    .filter((m) => m.status === 'aktywny' || m.status === 'zaproszony')
    .map((m) => m.institution.id);
  const consents = consentsFor(team.consents, form.values.institutionId);
  const fieldLabel = (f: string) =>
    ({
      institutionId: t('sharing.team.institution'),
      role: t('sharing.team.role'),
      scopes: t('sharing.share.scopes'),
      basis: t('sharing.share.basis'),
      legalBasis: t('sharing.share.legalBasis'),
      consentId: t('sharing.share.consent'),
      startsOn: t('sharing.team.startsOn'),
      endsOn: t('sharing.team.endsOn'),
      purpose: t('sharing.team.purpose'),
    })[f.replace(/^body\./, '')] ?? f;
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      aria-label={t('sharing.team.inviteTitle')}
      data-testid="team-invite-form"
    >
      <Stack gap="sm">
        <FormProblem error={save.error} fieldLabel={fieldLabel} />
        <InstitutionSelect
          label={t('sharing.team.institution')}
          required
          exclude={taken}
          value={form.values.institutionId}
          error={form.errors.institutionId}
          onChange={(id) => {
            form.setFieldValue('institutionId', id);
            form.setFieldValue('consentId', null);
          }}
          data-testid="team-invite-institution"
        />
        <Select
          label={t('sharing.team.role')}
          required
          data={labels.options('roles')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        <ShareFields
          idPrefix="team-invite"
          value={form.values}
          onChange={(next) => form.setValues(next)}
          consents={consents}
          recipientChosen={Boolean(form.values.institutionId)}
          errors={shareErrors(form.errors)}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('sharing.team.startsOn')}
              required
              {...dateProps}
              clearable={false}
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput label={t('sharing.team.endsOn')} {...dateProps} {...form.getInputProps('endsOn')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('sharing.team.purpose')} autosize minRows={2} {...form.getInputProps('purpose')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('sharing.team.inviteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
