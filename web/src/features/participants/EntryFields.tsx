import type { ParticipantEntryInput } from '@kooperacja/domain';
import { Fieldset, Grid, Group, Radio, Select, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { useParticipantLabels } from './labels';
import { fetchDegurba, participantKeys } from './participantsApi';

/** The SM EFS data at entry as the form holds it (text fields as strings, choices as keys or null). */
export interface EntryValues {
  cohortId: string | null;
  participantType: string;
  institutionName: string;
  joinedOn: string | null;
  education: string | null;
  citizenship: string;
  country: string;
  teryt: string | null;
  city: string;
  postalCode: string;
  degurba: string | null;
  phone: string;
  email: string;
  labourStatus: string | null;
  labourStatusDetail: string | null;
  disability: string | null;
  foreignOrigin: string | null;
  thirdCountry: string | null;
  minority: string | null;
  homeless: string | null;
}

export const emptyEntry: EntryValues = {
  cohortId: null,
  participantType: 'indywidualny',
  institutionName: '',
  joinedOn: null,
  education: null,
  citizenship: 'polskie',
  country: 'Polska',
  teryt: null,
  city: '',
  postalCode: '',
  degurba: null,
  phone: '',
  email: '',
  labourStatus: null,
  labourStatusDetail: null,
  disability: null,
  foreignOrigin: null,
  thirdCountry: null,
  minority: null,
  homeless: null,
};

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body the server takes (it checks every rule again and answers field by field). */
export function entryInput(v: EntryValues): ParticipantEntryInput {
  return {
    cohortId: v.cohortId,
    participantType: v.participantType as ParticipantEntryInput['participantType'],
    institutionName: v.participantType === 'pracownik_instytucji' ? orNull(v.institutionName) : null,
    joinedOn: v.joinedOn ?? '',
    education: v.education as ParticipantEntryInput['education'],
    citizenship: v.citizenship.trim(),
    country: v.country.trim(),
    teryt: v.teryt,
    city: orNull(v.city),
    postalCode: orNull(v.postalCode),
    degurba: v.degurba ? Number(v.degurba) : null,
    phone: orNull(v.phone),
    email: orNull(v.email),
    labourStatus: v.labourStatus as ParticipantEntryInput['labourStatus'],
    labourStatusDetail: v.labourStatusDetail as ParticipantEntryInput['labourStatusDetail'],
    disability: v.disability as ParticipantEntryInput['disability'],
    foreignOrigin: v.foreignOrigin as ParticipantEntryInput['foreignOrigin'],
    thirdCountry: v.thirdCountry as ParticipantEntryInput['thirdCountry'],
    minority: v.minority as ParticipantEntryInput['minority'],
    homeless: v.homeless as ParticipantEntryInput['homeless'],
  };
}

/** Checks made before sending (the server repeats them and more): what is required is filled in. */
export function entryValidation(requiredMessage: string) {
  const required = (v: unknown) => (v === null || v === undefined || v === '' ? requiredMessage : null);
  return {
    joinedOn: required,
    education: required,
    labourStatus: required,
    labourStatusDetail: required,
    disability: required,
    foreignOrigin: required,
    thirdCountry: required,
    minority: required,
    homeless: required,
  };
}

const TRI_STATE = ['disability', 'foreignOrigin', 'thirdCountry', 'minority', 'homeless'] as const;

/**
 * The fields of the data at entry, in sections: participation, address with TERYT and DEGURBA (from
 * the table when the gmina has a row, else chosen here), labour market and education, and the
 * sensitive characteristics (Tak / Nie / Odmowa podania informacji).
 */
export function EntryFields<V extends EntryValues>({
  form,
  cohorts,
}: {
  form: UseFormReturnType<V>;
  cohorts: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const labels = useParticipantLabels();
  const dateProps = useDateInputProps();
  const v = form.values;
  const degurba = useQuery({
    queryKey: participantKeys.degurba(v.teryt ?? ''),
    queryFn: ({ signal }) => fetchDegurba(v.teryt as string, signal),
    enabled: !!v.teryt,
  });
  const fromTable = v.teryt ? (degurba.data?.degurba ?? null) : null;
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's typed paths do not reach through the generic V.
  const input = (path: keyof EntryValues) => form.getInputProps(path as any);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const set = (values: Partial<EntryValues>) => form.setValues(values as any);

  return (
    <>
      <Fieldset legend={t('participants.form.participation')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput
              label={t('participants.fields.joinedOn')}
              required
              {...dateProps}
              {...input('joinedOn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Select
              label={t('participants.fields.cohort')}
              data={cohorts.map((c) => ({ value: c.id, label: c.name }))}
              clearable
              comboboxProps={{ withinPortal: true }}
              {...input('cohortId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('participants.fields.participantType')}
              data={labels.options('types')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...input('participantType')}
            />
          </Grid.Col>
          {v.participantType === 'pracownik_instytucji' && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('participants.fields.institutionName')}
                required
                {...input('institutionName')}
              />
            </Grid.Col>
          )}
        </Grid>
      </Fieldset>

      <Fieldset legend={t('participants.form.address')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('participants.fields.citizenship')} required {...input('citizenship')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('participants.fields.country')} required {...input('country')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TerritoryPicker
              label={t('participants.fields.teryt')}
              description={t('participants.form.terytHint')}
              {...input('teryt')}
              onChange={(code) => set({ teryt: code, degurba: null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            {fromTable !== null ? (
              <div>
                <Text size="sm" fw={500}>
                  {t('participants.fields.degurba')}
                </Text>
                <Text size="sm">
                  {t('participants.form.degurbaFromTable', { label: labels.label('degurba', fromTable) })}
                </Text>
              </div>
            ) : (
              <Select
                label={t('participants.fields.degurba')}
                description={v.teryt && degurba.data ? t('participants.form.degurbaManual') : undefined}
                data={labels.options('degurba')}
                required={!!v.teryt && !!degurba.data}
                clearable
                comboboxProps={{ withinPortal: true }}
                {...input('degurba')}
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('participants.fields.city')} {...input('city')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('participants.fields.postalCode')}
              placeholder="00-000"
              {...input('postalCode')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('participants.fields.phone')} type="tel" {...input('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('participants.fields.email')} type="email" {...input('email')} />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('participants.form.labour')} variant="unstyled">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('participants.fields.labourStatus')}
              data={labels.options('labour')}
              required
              comboboxProps={{ withinPortal: true }}
              {...input('labourStatus')}
              onChange={(s) => set({ labourStatus: s, labourStatusDetail: null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('participants.fields.labourStatusDetail')}
              data={labels.detailOptions(v.labourStatus)}
              required
              disabled={!v.labourStatus}
              comboboxProps={{ withinPortal: true }}
              {...input('labourStatusDetail')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('participants.fields.education')}
              data={labels.options('isced')}
              required
              comboboxProps={{ withinPortal: true }}
              {...input('education')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('participants.form.characteristics')} variant="unstyled">
        <Text size="sm" mb="sm">
          {t('participants.form.characteristicsHint')}
        </Text>
        {TRI_STATE.map((f) => (
          <Radio.Group key={f} label={t(`participants.fields.${f}`)} required mb="sm" {...input(f)}>
            <Group gap="lg" mt={4}>
              {labels.options('triState').map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </Fieldset>
    </>
  );
}
