import type { Household } from '@kooperacja/domain';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fieldErrorsOf, isConflict } from '../../admin/fieldErrors';
import { HouseholdAddressFields } from './HouseholdAddressFields';
import {
  type HouseholdAddressValues,
  householdInputOf,
  householdValidation,
  householdValuesOf,
} from './householdForm';
import { useUpdateHousehold } from './useUpdateHousehold';

/** Changes a household's name and address (with its version; a conflict offers the current data). */
export function HouseholdEditForm({
  household,
  onDone,
  onReload,
}: {
  household: Household;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdateHousehold();
  const form = useForm<HouseholdAddressValues>({
    initialValues: householdValuesOf(household),
    validate: householdValidation(t),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: household.id, household: householdInputOf(values), version: household.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('persons.household.saved') });
          onDone();
        },
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k.replace(/^household\./, ''), v]),
            ),
          ),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('persons.household.editLabel')}>
      <Stack gap="md">
        {save.error ? (
          <Stack gap="xs">
            <ProblemAlert error={save.error} />
            {isConflict(save.error) && (
              <Group>
                <Button variant="default" size="sm" onClick={onReload}>
                  {t('persons.conflict.loadCurrent')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : null}
        <HouseholdAddressFields form={form} />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('persons.form.save')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('persons.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
