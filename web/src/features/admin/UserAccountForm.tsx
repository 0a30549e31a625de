import type { User, UserStatus } from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf, isConflict } from './fieldErrors';
import { StatusBadge } from './StatusBadge';
import { useUpdateUser } from './useUpdateUser';

interface Values {
  firstName: string;
  lastName: string;
  status: UserStatus;
}

/** Name and status of an account; the status (blocking) only when the record's abilities allow it. */
export function UserAccountForm({ user, onReload }: { user: User; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const canBlock = user.abilities.block;
  const form = useForm<Values>({
    initialValues: { firstName: user.firstName, lastName: user.lastName, status: user.status },
    validate: {
      firstName: (v) => (v.trim() ? null : t('admin.required')),
      lastName: (v) => (v.trim() ? null : t('admin.required')),
    },
  });
  const fieldLabel = (field: string) =>
    ({
      firstName: t('admin.users.fields.firstName'),
      lastName: t('admin.users.fields.lastName'),
      status: t('admin.users.fields.status'),
    })[field] ?? field;

  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        id: user.id,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        status: canBlock ? v.status : user.status,
        version: user.version,
      },
      {
        onSuccess: (saved) => {
          const values = { firstName: saved.firstName, lastName: saved.lastName, status: saved.status };
          form.setInitialValues(values);
          form.setValues(values);
          form.resetDirty(values);
          notifications.show({ color: 'green', message: t('admin.users.form.saved') });
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.users.account')}>
      <Stack gap="md">
        {update.error && (
          <Stack gap="xs">
            <ProblemAlert error={update.error} fieldLabel={fieldLabel} />
            {isConflict(update.error) && (
              <Group>
                <Button variant="default" size="sm" onClick={onReload}>
                  {t('admin.reloadRecord')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('admin.users.fields.firstName')}
              required
              {...form.getInputProps('firstName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('admin.users.fields.lastName')}
              required
              {...form.getInputProps('lastName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            {canBlock ? (
              <Select
                label={t('admin.users.fields.status')}
                description={t('admin.users.form.blockHint')}
                allowDeselect={false}
                data={(['active', 'blocked'] as const).map((s) => ({
                  value: s,
                  label: t(`admin.users.status.${s}`),
                }))}
                {...form.getInputProps('status')}
              />
            ) : (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('admin.users.fields.status')}
                </Text>
                <div>
                  <StatusBadge tone={user.status === 'active' ? 'success' : 'danger'}>
                    {t(`admin.users.status.${user.status}`)}
                  </StatusBadge>
                </div>
              </Stack>
            )}
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
