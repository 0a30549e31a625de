import type { Role } from '@kooperacja/domain';
import { Button, Grid, Group, MultiSelect, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { fieldErrorsOf } from './fieldErrors';
import { InstitutionSelect } from './InstitutionSelect';
import { useCreateUser } from './useCreateUser';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useUserSearch } from './useUserSearch';

interface NewUserValues {
  email: string;
  firstName: string;
  lastName: string;
  membership: { institutionId: string | null; roles: string[] };
}

/** `/admin/uzytkownicy/nowy`: a new account with its first membership; an invitation goes out by e-mail. */
export function UserNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const labels = useDictionaryLabels();
  // The list answers whether the signed-in user may create accounts; the rule stays on the server.
  const abilities = useUserSearch({ limit: 1 });
  const create = useCreateUser();
  const form = useForm<NewUserValues>({
    initialValues: {
      email: '',
      firstName: '',
      lastName: '',
      membership: { institutionId: params.get('instytucja'), roles: [] },
    },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('admin.users.form.emailInvalid')),
      firstName: (v) => (v.trim() ? null : t('admin.required')),
      lastName: (v) => (v.trim() ? null : t('admin.required')),
      membership: {
        institutionId: (v) => (v ? null : t('admin.required')),
        roles: (v) => (v.length > 0 ? null : t('admin.users.form.rolesRequired')),
      },
    },
  });

  const fieldLabel = (field: string) => {
    const labelsByField: Record<string, string> = {
      email: t('admin.users.fields.email'),
      firstName: t('admin.users.fields.firstName'),
      lastName: t('admin.users.fields.lastName'),
      'membership.institutionId': t('admin.users.fields.institution'),
      'membership.roles': t('admin.users.fields.roles'),
    };
    return labelsByField[field.replace(/^body\./, '')] ?? field;
  };

  const title = t('admin.users.new');
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        email: v.email.trim(),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        membership: { institutionId: v.membership.institutionId ?? '', roles: v.membership.roles as Role[] },
      },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            message: t('admin.users.form.invited', { email: user.email }),
          });
          void navigate(`/admin/uzytkownicy/${user.id}`);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AdminBreadcrumbs
          items={[{ label: t('admin.users.title'), to: '/admin/uzytkownicy' }, { label: title }]}
        />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('admin.users.form.lead')}</Text>
      </Stack>
      {abilities.isPending && <Skeleton height={280} />}
      {abilities.error && <ProblemAlert error={abilities.error} onRetry={() => void abilities.refetch()} />}
      {abilities.data && !abilities.data.abilities.create && <Text>{t('admin.users.cannotCreate')}</Text>}
      {abilities.data?.abilities.create && (
        <SectionCard titleId="new-user" title={t('admin.users.form.title')}>
          <form onSubmit={submit} noValidate aria-label={title}>
            <Stack gap="md">
              {create.error && <ProblemAlert error={create.error} fieldLabel={fieldLabel} />}
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <TextInput
                    label={t('admin.users.fields.firstName')}
                    required
                    {...form.getInputProps('firstName')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <TextInput
                    label={t('admin.users.fields.lastName')}
                    required
                    {...form.getInputProps('lastName')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <TextInput
                    label={t('admin.users.fields.email')}
                    description={t('admin.users.form.emailHint')}
                    type="email"
                    autoComplete="off"
                    required
                    {...form.getInputProps('email')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <InstitutionSelect
                    label={t('admin.users.fields.institution')}
                    required
                    {...form.getInputProps('membership.institutionId')}
                    value={form.values.membership.institutionId}
                    onChange={(id) => form.setFieldValue('membership.institutionId', id)}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <MultiSelect
                    label={t('admin.users.fields.roles')}
                    required
                    searchable
                    data={labels.options.roles}
                    {...form.getInputProps('membership.roles')}
                  />
                </Grid.Col>
              </Grid>
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('admin.users.form.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </SectionCard>
      )}
    </Stack>
  );
}
