import type { JstRegisterEntry, LpdiStatus } from '@kooperacja/domain';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import {
  type CusField,
  formValuesOf,
  type JstFormValues,
  type LpdiField,
  lpdiFieldsOf,
  lpdiRequiredOf,
  ruleIssues,
  updateOf,
} from './jstForm';
import { useRegionLabels } from './labels';
import { regionKeys } from './regionApi';
import { useSaveJstEntry } from './useSaveJstEntry';

/** A field path as the form knows it: errors of one planned service belong to the whole list. */
const formField = (path: string) => (path.startsWith('lpdi.plannedServices') ? 'lpdi.plannedServices' : path);

/**
 * The message of a broken rule: the contract's message keys (`region.lpdi.periodOrder`) have their
 * words under `region.rules`; the generic checks (too long, out of range) a common sentence.
 */
export function useRuleMessage() {
  const { t, i18n } = useTranslation();
  return (rule: string) => {
    if (rule.startsWith('region.')) {
      const key = `region.rules.${rule.slice('region.'.length)}`;
      return i18n.exists(key) ? t(key as never) : t('region.rules.invalid');
    }
    if (rule === 'date.format') return t('region.rules.dateFormat');
    if (rule === 'too_big') return t('region.rules.too_big');
    if (rule === 'too_small') return t('region.rules.too_small');
    return t('region.rules.invalid');
  };
}

export interface JstFormProps {
  woj: string;
  entry: JstRegisterEntry;
  /** Called with the saved entry (the page says so; the form starts again on its version). */
  onSaved: (saved: JstRegisterEntry) => void;
}

/**
 * The register entry of one JST as a form: the LPDI (its fields follow the status) and, for a
 * gmina, the CUS. The contract's field rules are checked before sending and shown at their fields,
 * as are the server's; a stale version (409) offers to load the current entry.
 */
export function JstForm({ woj, entry, onSaved }: JstFormProps) {
  const { t } = useTranslation();
  const labels = useRegionLabels();
  const dateProps = useDateInputProps();
  const ruleMessage = useRuleMessage();
  const queryClient = useQueryClient();
  const save = useSaveJstEntry(woj, entry.teryt);
  const [invalid, setInvalid] = useState(false);
  const form = useForm<JstFormValues>({
    initialValues: formValuesOf(entry),
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const issue of ruleIssues(updateOf(values, entry.version))) {
        const field = formField(issue.field);
        errors[field] ??= ruleMessage(issue.rule);
      }
      return errors;
    },
  });

  const status: LpdiStatus = form.values.lpdi.status;
  const shown = new Set<LpdiField>(lpdiFieldsOf[status]);
  const required = new Set<LpdiField>(lpdiRequiredOf[status]);
  const cus = form.values.cus;

  const lpdiProps = (field: LpdiField) => ({
    label: t(`region.lpdi.${field}`),
    description: t(`region.lpdi.hints.${field}`),
    withAsterisk: required.has(field),
    ...form.getInputProps(`lpdi.${field}`),
  });
  const cusProps = (field: Exclude<CusField, 'exists' | 'ipusOpen' | 'ipusClosed'>) => ({
    label: t(`region.cus.${field}`),
    description: t(`region.cus.hints.${field}`),
    ...form.getInputProps(`cus.${field}`),
  });

  const submit = form.onSubmit(
    (values) => {
      setInvalid(false);
      save.mutate(updateOf(values, entry.version), {
        onSuccess: onSaved,
        onError: (error) => {
          const errors: Record<string, string> = {};
          for (const [field, message] of Object.entries(fieldErrorsOf(error)))
            errors[formField(field)] ??= message;
          form.setErrors(errors);
        },
      });
    },
    () => setInvalid(true),
  );

  const fieldLabel = (path: string) => {
    const [section, field] = formField(path)
      .replace(/^body\./, '')
      .split('.');
    if (section === 'lpdi' && field) return t(`region.lpdi.${field as LpdiField}`);
    if (section === 'cus' && field)
      return field === 'exists'
        ? t('region.cus.exists')
        : t(`region.cus.${field as Exclude<CusField, 'exists'>}`);
    return path;
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('region.jst.formLabel')}>
      <Stack gap="lg">
        {save.error ? (
          <Stack gap="xs">
            <ProblemAlert error={save.error} fieldLabel={fieldLabel} />
            {isConflict(save.error) && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    void queryClient.invalidateQueries({ queryKey: regionKeys.entry(woj, entry.teryt) })
                  }
                >
                  {t('region.jst.reload')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : null}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('region.jst.fixErrors')}
          </Alert>
        )}

        <SectionCard titleId="jst-lpdi" title={t('region.lpdi.title')}>
          <Radio.Group
            label={t('region.lpdi.status')}
            description={t('region.lpdi.hints.status')}
            withAsterisk
            {...form.getInputProps('lpdi.status')}
          >
            <Group gap="lg" mt={6}>
              {labels.options('lpdiStatuses').map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <Grid>
            {shown.has('preparationStartedOn') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput {...dateProps} {...lpdiProps('preparationStartedOn')} />
              </Grid.Col>
            )}
            {shown.has('resolutionNumber') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput maxLength={100} {...lpdiProps('resolutionNumber')} />
              </Grid.Col>
            )}
            {shown.has('adoptedOn') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput {...dateProps} {...lpdiProps('adoptedOn')} />
              </Grid.Col>
            )}
            {shown.has('updatedOn') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput {...dateProps} {...lpdiProps('updatedOn')} />
              </Grid.Col>
            )}
            {shown.has('periodFrom') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput allowDecimal={false} allowNegative={false} {...lpdiProps('periodFrom')} />
              </Grid.Col>
            )}
            {shown.has('periodTo') && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput allowDecimal={false} allowNegative={false} {...lpdiProps('periodTo')} />
              </Grid.Col>
            )}
            {shown.has('plannedServices') && (
              <Grid.Col span={12}>
                <Textarea minRows={4} rows={4} resize="vertical" {...lpdiProps('plannedServices')} />
              </Grid.Col>
            )}
          </Grid>
        </SectionCard>

        {cus && (
          <SectionCard titleId="jst-cus" title={t('region.cus.title')}>
            <Checkbox
              label={t('region.cus.exists')}
              description={t('region.cus.hints.exists')}
              {...form.getInputProps('cus.exists', { type: 'checkbox' })}
            />
            {cus.exists && (
              <Grid>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    {...cusProps('mode')}
                    withAsterisk
                    data={labels.options('cusModes')}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <DateInput {...dateProps} {...cusProps('createdOn')} withAsterisk />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <DateInput {...dateProps} {...cusProps('programmeAdoptedOn')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <DateInput {...dateProps} {...cusProps('lastDiagnosisOn')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NumberInput
                    label={t('region.cus.ipusOpen')}
                    description={t('region.cus.hints.ipus')}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('cus.ipusOpen')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NumberInput
                    label={t('region.cus.ipusClosed')}
                    description={t('region.cus.hints.ipus')}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('cus.ipusClosed')}
                  />
                </Grid.Col>
              </Grid>
            )}
          </SectionCard>
        )}

        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('region.jst.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
