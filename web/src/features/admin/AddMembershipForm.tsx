import type { Role, User } from '@kooperacja/domain';
import { Button, Group, MultiSelect, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from './fieldErrors';
import { InstitutionSelect } from './InstitutionSelect';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useSetMembership } from './useSetMembership';

interface Values {
  institutionId: string | null;
  roles: string[];
}

/** Grants the user roles in one more institution. */
export function AddMembershipForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const save = useSetMembership();
  const form = useForm<Values>({
    initialValues: { institutionId: null, roles: [] },
    validate: {
      institutionId: (v) => (v ? null : t('admin.required')),
      roles: (v) => (v.length ? null : t('admin.users.form.rolesRequired')),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { userId: user.id, institutionId: v.institutionId ?? '', roles: v.roles as Role[], active: true },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('admin.users.memberships.added') });
          form.reset();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-membership-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-membership-title">
          {t('admin.users.memberships.addTitle')}
        </Title>
        {save.error && <ProblemAlert error={save.error} />}
        <Group align="flex-start" gap="sm">
          <InstitutionSelect
            label={t('admin.users.fields.institution')}
            required
            exclude={user.memberships.map((m) => m.institutionId)}
            {...form.getInputProps('institutionId')}
            value={form.values.institutionId}
            onChange={(id) => form.setFieldValue('institutionId', id)}
            w={340}
          />
          <MultiSelect
            label={t('admin.users.fields.roles')}
            required
            searchable
            data={labels.options.roles}
            {...form.getInputProps('roles')}
            w={340}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            {t('admin.users.memberships.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
