import type { Household } from '@kooperacja/domain';
import { Button, Grid, Group, Select, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCaseLabels } from '../../cases/shared/casesDictionaries';
import { parsePolishDate, todayIso } from '../dates';
import { PersonSelect } from '../PersonSelect';
import { type ChosenPerson, NewPersonModal } from './NewPersonModal';
import { useAddHouseholdMember } from './useAddHouseholdMember';

/** Adds a person to the household: found by search or registered on the spot. */
export function AddMemberForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const add = useAddHouseholdMember();
  const [personId, setPersonId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ChosenPerson | null>(null);
  const [relation, setRelation] = useState<string | null>(null);
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [relationError, setRelationError] = useState<string | null>(null);
  const [newOpen, newPerson] = useDisclosure(false);
  const currentIds = household.members.filter((m) => !m.toDate).map((m) => m.person.id);
  const hasHead = household.members.some((m) => !m.toDate && m.relation === 'glowa');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!personId) return;
    if (!relation) {
      setRelationError(t('persons.household.errors.relationOne'));
      return;
    }
    add.mutate(
      {
        id: household.id,
        member: { personId, relation, fromDate: fromDate ?? undefined },
        version: household.version,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('persons.household.added', {
              name: chosen ? `${chosen.firstName} ${chosen.lastName}` : '',
            }),
          });
          setPersonId(null);
          setChosen(null);
          setRelation(null);
          setFromDate(null);
        },
      },
    );
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={t('persons.household.addTitle')}>
        <Stack gap="sm">
          {add.error ? <ProblemAlert error={add.error} /> : null}
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <PersonSelect
                label={t('persons.household.addExisting')}
                value={personId}
                initialLabel={chosen ? `${chosen.firstName} ${chosen.lastName}` : null}
                exclude={currentIds}
                onChange={(id, p) => {
                  setPersonId(id);
                  setChosen(p);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <Select
                label={t('persons.households.relation')}
                data={labels.options('householdRelations').filter((o) => !(hasHead && o.value === 'glowa'))}
                value={relation}
                onChange={(v) => {
                  setRelation(v);
                  setRelationError(null);
                }}
                error={relationError}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
              <DateInput
                label={t('persons.households.from')}
                valueFormat="DD.MM.YYYY"
                dateParser={parsePolishDate}
                placeholder={t('persons.household.fromToday')}
                clearable
                maxDate={todayIso()}
                value={fromDate}
                onChange={setFromDate}
                popoverProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <Button type="submit" disabled={!personId} loading={add.isPending}>
                {t('persons.household.add')}
              </Button>
            </Grid.Col>
          </Grid>
          <Group>
            <Button variant="subtle" onClick={newPerson.open}>
              {t('persons.household.registerNew')}
            </Button>
          </Group>
        </Stack>
      </form>
      <NewPersonModal
        opened={newOpen}
        onClose={newPerson.close}
        initial={{
          teryt: household.teryt,
          unitName: household.unitName,
          street: household.street ?? '',
          postalCode: household.postalCode ?? '',
          city: household.city ?? '',
        }}
        onChosen={(p) => {
          setPersonId(p.id);
          setChosen(p);
          newPerson.close();
        }}
      />
    </>
  );
}
