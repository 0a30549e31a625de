import { Fieldset, Grid, Select, Switch, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useCaseLabels } from '../cases/shared/casesDictionaries';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { parsePolishDate, todayIso } from './dates';
import type { PersonFormValues } from './personForm';
import { peselState } from './pesel';

/**
 * The fields of the person form. With a PESEL the birth date and sex are read from it and locked; the
 * "no PESEL" switch reveals another identifier and makes them editable.
 */
export function PersonFormFields({ form }: { form: UseFormReturnType<PersonFormValues> }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const v = form.values;
  const pesel = peselState(v.pesel);
  const derived = !v.noPesel;

  const sexOptions = [
    { value: 'K', label: t('persons.sex.K') },
    { value: 'M', label: t('persons.sex.M') },
  ];

  const peselHint =
    pesel.kind === 'valid'
      ? t('persons.form.peselValid', {
          date: formatDate(pesel.info.birthDate),
          sex: t(`persons.sex.${pesel.info.sex}`),
        })
      : pesel.kind === 'partial'
        ? t('persons.form.peselDigits', { count: pesel.digits })
        : t('persons.form.peselHint');
  const peselError =
    form.errors.pesel ?? (pesel.kind === 'invalid' ? t('persons.form.peselInvalid') : undefined);

  const onPesel = (text: string) => {
    const value = text.replace(/\s/g, '');
    const before = peselState(v.pesel);
    const after = peselState(value);
    const next: Partial<PersonFormValues> = { pesel: value };
    if (after.kind === 'valid') {
      next.birthDate = after.info.birthDate;
      next.sex = after.info.sex;
    } else if (before.kind === 'valid') {
      next.birthDate = null;
      next.sex = null;
    }
    form.setValues(next);
    form.clearFieldError('pesel');
  };

  const dateProps = {
    valueFormat: 'DD.MM.YYYY',
    dateParser: parsePolishDate,
    placeholder: t('persons.form.datePlaceholder'),
    popoverProps: { withinPortal: true },
    maxDate: todayIso(),
  } as const;

  return (
    <>
      <Fieldset legend={t('persons.form.identity')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('persons.fields.firstName')}
              required
              autoComplete="off"
              {...form.getInputProps('firstName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('persons.fields.lastName')}
              required
              autoComplete="off"
              {...form.getInputProps('lastName')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Switch
              label={t('persons.form.noPesel')}
              description={t('persons.form.noPeselHint')}
              checked={v.noPesel}
              onChange={(e) => {
                const noPesel = e.currentTarget.checked;
                form.setValues(
                  noPesel
                    ? { noPesel, pesel: '' }
                    : { noPesel, otherIdType: null, otherIdNumber: '', birthDate: null, sex: null },
                );
                form.clearErrors();
              }}
            />
          </Grid.Col>
          {!v.noPesel && (
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <TextInput
                label={t('persons.fields.pesel')}
                required
                inputMode="numeric"
                autoComplete="off"
                maxLength={11}
                description={peselHint}
                value={v.pesel}
                onChange={(e) => onPesel(e.currentTarget.value)}
                onBlur={() => form.validateField('pesel')}
                error={peselError}
              />
              <VisuallyHidden role="status" aria-live="polite">
                {pesel.kind === 'valid' ? peselHint : pesel.kind === 'invalid' ? peselError : ''}
              </VisuallyHidden>
            </Grid.Col>
          )}
          {v.noPesel && (
            <>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select
                  label={t('persons.fields.otherIdType')}
                  required
                  data={labels.options('otherIdTypes')}
                  {...form.getInputProps('otherIdType')}
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('persons.fields.otherIdNumber')}
                  required={v.otherIdType !== 'brak'}
                  disabled={v.otherIdType === 'brak'}
                  autoComplete="off"
                  {...form.getInputProps('otherIdNumber')}
                />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <DateInput
              label={t('persons.fields.birthDate')}
              required={v.noPesel}
              readOnly={derived}
              description={derived ? t('persons.form.fromPesel') : undefined}
              {...dateProps}
              {...form.getInputProps('birthDate')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('persons.fields.sex')}
              required={v.noPesel}
              readOnly={derived}
              description={derived ? t('persons.form.fromPesel') : undefined}
              data={sexOptions}
              {...form.getInputProps('sex')}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              label={t('persons.fields.citizenship')}
              required
              {...form.getInputProps('citizenship')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('persons.form.address')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TerritoryPicker
              label={t('persons.fields.teryt')}
              description={t('persons.form.terytHint')}
              {...form.getInputProps('teryt')}
              onChange={(code, unit) => form.setValues({ teryt: code, unitName: unit?.name ?? null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('persons.fields.street')}
              autoComplete="off"
              {...form.getInputProps('street')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <TextInput
              label={t('persons.fields.postalCode')}
              placeholder="00-000"
              autoComplete="off"
              {...form.getInputProps('postalCode')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
            <TextInput label={t('persons.fields.city')} autoComplete="off" {...form.getInputProps('city')} />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('persons.form.contact')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('persons.fields.phone')}
              type="tel"
              autoComplete="off"
              {...form.getInputProps('phone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('persons.fields.email')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('persons.fields.notes')}
              description={t('persons.form.notesHint')}
              rows={3}
              resize="vertical"
              {...form.getInputProps('notes')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>
    </>
  );
}
