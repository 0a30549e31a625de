import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TerritoryPicker } from '../../territory/TerritoryPicker';
import type { HouseholdAddressValues } from './householdForm';

/** Name and address of a household (the gmina from the TERYT picker). */
export function HouseholdAddressFields<T extends HouseholdAddressValues>({
  form,
}: {
  form: UseFormReturnType<T>;
}) {
  const { t } = useTranslation();
  // The generic form needs its paths typed loosely; the fields exist on every T.
  const f = form as unknown as UseFormReturnType<HouseholdAddressValues>;
  return (
    <Grid gap="md">
      <Grid.Col span={12}>
        <TextInput
          label={t('persons.household.fields.name')}
          description={t('persons.household.fields.nameHint')}
          required
          autoComplete="off"
          {...f.getInputProps('name')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TerritoryPicker
          label={t('persons.fields.teryt')}
          {...f.getInputProps('teryt')}
          onChange={(code) => f.setFieldValue('teryt', code)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label={t('persons.fields.street')} autoComplete="off" {...f.getInputProps('street')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
        <TextInput
          label={t('persons.fields.postalCode')}
          placeholder="00-000"
          autoComplete="off"
          {...f.getInputProps('postalCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
        <TextInput label={t('persons.fields.city')} autoComplete="off" {...f.getInputProps('city')} />
      </Grid.Col>
    </Grid>
  );
}
