import type { Service, ServiceInput } from '@kooperacja/domain';
import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { isConflict } from '../admin/fieldErrors';
import { formErrorsOf } from '../cases/page/formErrors';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { useServiceLabels } from './serviceLabels';
import { useSaveService } from './useSaveService';

export interface ServiceFormValues {
  name: string;
  serviceType: string | null;
  targetGroups: string[];
  description: string;
  eligibility: string;
  capacity: number | string;
  freePlaces: number | string;
  hours: string;
  howToRefer: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  teryt: string | null;
  address: string;
}

const FIELDS = [
  'name',
  'serviceType',
  'targetGroups',
  'description',
  'eligibility',
  'capacity',
  'freePlaces',
  'hours',
  'howToRefer',
  'contactName',
  'contactPhone',
  'contactEmail',
  'teryt',
  'address',
] as const;

export function valuesOf(s: Service | undefined, defaultTeryt?: string | null): ServiceFormValues {
  return {
    name: s?.name ?? '',
    serviceType: s?.serviceType ?? null,
    targetGroups: s?.targetGroups ?? [],
    description: s?.description ?? '',
    eligibility: s?.eligibility ?? '',
    capacity: s?.capacity ?? '',
    freePlaces: s?.freePlaces ?? '',
    hours: s?.hours ?? '',
    howToRefer: s?.howToRefer ?? '',
    contactName: s?.contactName ?? '',
    contactPhone: s?.contactPhone ?? '',
    contactEmail: s?.contactEmail ?? '',
    teryt: s?.teryt ?? defaultTeryt ?? null,
    address: s?.address ?? '',
  };
}

/** Empty texts and numbers go as null; the server trims, de-duplicates and checks the rest. */
export function inputOf(v: ServiceFormValues): ServiceInput {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  const num = (n: number | string) => (n === '' || n === null ? null : Number(n));
  return {
    name: v.name.trim(),
    serviceType: v.serviceType as ServiceInput['serviceType'],
    targetGroups: v.targetGroups as ServiceInput['targetGroups'],
    description: opt(v.description),
    eligibility: opt(v.eligibility),
    capacity: num(v.capacity),
    freePlaces: num(v.freePlaces),
    hours: opt(v.hours),
    howToRefer: opt(v.howToRefer),
    contactName: opt(v.contactName),
    contactPhone: opt(v.contactPhone),
    contactEmail: opt(v.contactEmail),
    teryt: v.teryt ?? '',
    address: opt(v.address),
  };
}

export interface ServiceFormProps {
  /** The loaded record; absent for a new service. */
  service?: Service;
  /** The gmina of the active institution, proposed for a new service. */
  defaultTeryt?: string | null;
  onSaved?: (saved: Service) => void;
  onCancel?: () => void;
  /** Reloads the record after a conflict (someone else saved it meanwhile). */
  onReload?: () => void;
}

/**
 * Add or change a service of the own institution. The server's messages appear next to the fields
 * they concern (free places over capacity, phone, e-mail, gmina); a stale save offers to reload.
 */
export function ServiceForm({ service, defaultTeryt, onSaved, onCancel, onReload }: ServiceFormProps) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const save = useSaveService();
  const form = useForm<ServiceFormValues>({
    initialValues: valuesOf(service, defaultTeryt),
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : t('services.form.required')),
      serviceType: (v) => (v ? null : t('services.form.required')),
      teryt: (v) => (v ? null : t('services.form.required')),
    },
  });

  const fieldLabel = (field: string) => {
    const key = field.replace(/^(body\.)?(service\.)?/, '');
    return (FIELDS as readonly string[]).includes(key)
      ? t(`services.form.${key as (typeof FIELDS)[number]}`)
      : key;
  };

  const submit = form.onSubmit((values) => {
    save.mutate(
      { id: service?.id, version: service?.version, input: inputOf(values) },
      {
        onSuccess: (saved) => {
          form.resetDirty(valuesOf(saved));
          notifications.show({
            color: 'green',
            message: service ? t('services.form.saved') : t('services.form.created'),
          });
          onSaved?.(saved);
        },
        onError: (error) => form.setErrors(formErrorsOf(error, 'service')),
      },
    );
  });

  const conflict = isConflict(save.error);
  const forbidden = isApiError(save.error) && save.error.status === 403;

  return (
    <form onSubmit={submit} noValidate aria-label={t('services.form.label')}>
      <Stack gap="md">
        {conflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('services.form.conflict')}>
            {onReload && (
              <Button variant="default" size="sm" mt="xs" onClick={onReload}>
                {t('services.form.reload')}
              </Button>
            )}
          </Alert>
        ) : forbidden ? (
          <Alert color="red" variant="light" role="alert">
            {t('services.form.forbidden')}
          </Alert>
        ) : save.error ? (
          <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TextInput label={t('services.form.name')} required {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Select
              label={t('services.form.serviceType')}
              required
              searchable
              data={labels.typeOptions()}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('serviceType')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <MultiSelect
              label={t('services.form.targetGroups')}
              data={labels.groupOptions}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('targetGroups')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label={t('services.form.description')}
              rows={3}
              {...form.getInputProps('description')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label={t('services.form.eligibility')}
              rows={3}
              {...form.getInputProps('eligibility')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <NumberInput
              label={t('services.form.capacity')}
              description={t('services.form.placesHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('capacity')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <NumberInput
              label={t('services.form.freePlaces')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('freePlaces')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('services.form.hours')} {...form.getInputProps('hours')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('services.form.howToRefer')} rows={2} {...form.getInputProps('howToRefer')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('services.form.contactName')} {...form.getInputProps('contactName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              label={t('services.form.contactPhone')}
              type="tel"
              {...form.getInputProps('contactPhone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              label={t('services.form.contactEmail')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('contactEmail')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TerritoryPicker
              label={t('services.form.teryt')}
              required
              {...form.getInputProps('teryt')}
              onChange={(code) => form.setFieldValue('teryt', code)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('services.form.address')} {...form.getInputProps('address')} />
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {service ? t('services.form.save') : t('services.form.create')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('services.form.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
