import type { Institution, InstitutionInput, InstitutionType, Sector } from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { fieldErrorsOf, isConflict } from './fieldErrors';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useSaveInstitution } from './useSaveInstitution';

export interface InstitutionFormValues {
  name: string;
  shortName: string;
  type: string | null;
  sector: string | null;
  teryt: string | null;
  street: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  nip: string;
  regon: string;
  active: boolean;
}

const TEXT_FIELDS = [
  'street',
  'postalCode',
  'city',
  'email',
  'phone',
  'website',
  'nip',
  'regon',
] as const satisfies readonly (keyof InstitutionFormValues)[];

export function valuesOf(i: Institution | undefined): InstitutionFormValues {
  return {
    name: i?.name ?? '',
    shortName: i?.shortName ?? '',
    type: i?.type ?? null,
    sector: i?.sector ?? null,
    teryt: i?.teryt ?? null,
    street: i?.street ?? '',
    postalCode: i?.postalCode ?? '',
    city: i?.city ?? '',
    email: i?.email ?? '',
    phone: i?.phone ?? '',
    website: i?.website ?? '',
    nip: i?.nip ?? '',
    regon: i?.regon ?? '',
    active: i?.active ?? true,
  };
}

/** Empty optional fields go as null; the server normalises (trims, lower-cases e-mail, strips NIP dashes). */
function inputOf(v: InstitutionFormValues): InstitutionInput {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: v.name.trim(),
    shortName: opt(v.shortName),
    type: v.type as InstitutionType,
    sector: v.sector as Sector,
    teryt: v.teryt ?? '',
    street: opt(v.street),
    postalCode: opt(v.postalCode),
    city: opt(v.city),
    email: opt(v.email),
    phone: opt(v.phone),
    website: opt(v.website),
    nip: opt(v.nip),
    regon: opt(v.regon),
    active: v.active,
  };
}

export interface InstitutionFormProps {
  /** The loaded record; absent for a new institution. */
  institution?: Institution;
  /** Read-only view (the record's abilities do not allow a change). */
  readOnly?: boolean;
  onSaved?: (saved: Institution) => void;
  /** Reloads the record after a conflict (someone else saved it meanwhile). */
  onReload?: () => void;
}

/**
 * Create or change an institution. The server's validation messages appear next to the fields
 * they concern; choosing a type suggests its usual sector (only while the sector was not chosen by hand).
 */
export function InstitutionForm({ institution, readOnly = false, onSaved, onReload }: InstitutionFormProps) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const save = useSaveInstitution();
  const form = useForm<InstitutionFormValues>({
    initialValues: valuesOf(institution),
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : t('admin.institutions.form.nameRequired')),
      type: (v) => (v ? null : t('admin.required')),
      sector: (v) => (v ? null : t('admin.required')),
      teryt: (v) => (v ? null : t('admin.required')),
    },
  });

  const suggestedSector = (type: string | null) =>
    labels.data?.institutionTypes.find((x) => x.key === type)?.sector ?? null;

  const fieldLabel = (field: string): string => {
    const key = field.replace(/^body\./, '');
    const known = ['name', 'shortName', 'type', 'sector', 'teryt', ...TEXT_FIELDS, 'active'];
    return known.includes(key)
      ? t(`admin.institutions.fields.${key}` as 'admin.institutions.fields.name')
      : key;
  };

  const submit = form.onSubmit((values) => {
    save.mutate(
      { id: institution?.id, version: institution?.version, input: inputOf(values) },
      {
        onSuccess: (saved) => {
          form.setInitialValues(valuesOf(saved));
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({
            color: 'green',
            message: institution ? t('admin.institutions.form.saved') : t('admin.institutions.form.created'),
          });
          onSaved?.(saved);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    );
  });

  const suggested = suggestedSector(form.values.type);
  const disabled = readOnly || save.isPending;

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.institutions.form.label')}>
      <Stack gap="md">
        {save.error && (
          <Stack gap="xs">
            <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
            {isConflict(save.error) && onReload && (
              <Group>
                <Button variant="default" size="sm" onClick={onReload}>
                  {t('admin.reloadRecord')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput
              label={t('admin.institutions.fields.name')}
              required
              readOnly={readOnly}
              {...form.getInputProps('name')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('admin.institutions.fields.shortName')}
              readOnly={readOnly}
              {...form.getInputProps('shortName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('admin.institutions.fields.type')}
              required
              searchable
              readOnly={readOnly}
              data={labels.options.institutionTypes}
              {...form.getInputProps('type')}
              onChange={(type) => {
                const before = suggestedSector(form.values.type);
                form.setFieldValue('type', type);
                const next = suggestedSector(type);
                if (next && (!form.values.sector || form.values.sector === before)) {
                  form.setFieldValue('sector', next);
                }
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('admin.institutions.fields.sector')}
              required
              readOnly={readOnly}
              data={labels.options.sectors}
              description={
                suggested && suggested === form.values.sector && !readOnly
                  ? t('admin.institutions.form.sectorSuggested')
                  : undefined
              }
              {...form.getInputProps('sector')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TerritoryPicker
              label={t('admin.institutions.fields.teryt')}
              description={t('admin.institutions.form.terytHint')}
              levels={['wojewodztwo', 'powiat', 'gmina']}
              required
              readOnly={readOnly}
              {...form.getInputProps('teryt')}
              onChange={(code) => form.setFieldValue('teryt', code)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('admin.institutions.fields.street')}
              readOnly={readOnly}
              {...form.getInputProps('street')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.postalCode')}
              placeholder="00-000"
              readOnly={readOnly}
              {...form.getInputProps('postalCode')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.city')}
              readOnly={readOnly}
              {...form.getInputProps('city')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('admin.institutions.fields.email')}
              type="email"
              autoComplete="off"
              readOnly={readOnly}
              {...form.getInputProps('email')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.phone')}
              type="tel"
              readOnly={readOnly}
              {...form.getInputProps('phone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.website')}
              readOnly={readOnly}
              {...form.getInputProps('website')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.nip')}
              inputMode="numeric"
              readOnly={readOnly}
              {...form.getInputProps('nip')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('admin.institutions.fields.regon')}
              inputMode="numeric"
              readOnly={readOnly}
              {...form.getInputProps('regon')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Switch
              label={t('admin.institutions.fields.active')}
              description={t('admin.institutions.form.activeHint')}
              disabled={readOnly}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          </Grid.Col>
        </Grid>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={disabled}>
              {institution ? t('admin.save') : t('admin.institutions.form.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
