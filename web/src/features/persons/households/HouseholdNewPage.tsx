import { Alert, Button, Grid, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { formatDate } from '../../../lib/format';
import { fieldErrorsOf } from '../../admin/fieldErrors';
import { useCaseLabels } from '../../cases/shared/casesDictionaries';
import { parsePolishDate, todayIso } from '../dates';
import { PageBreadcrumbs } from '../PageBreadcrumbs';
import { PersonSelect } from '../PersonSelect';
import { usePerson } from '../usePerson';
import { HouseholdAddressFields } from './HouseholdAddressFields';
import {
  type HouseholdAddressValues,
  householdInputOf,
  householdValidation,
  householdValuesFromHead,
} from './householdForm';
import { type ChosenPerson, NewPersonModal } from './NewPersonModal';
import { useCreateHousehold } from './useCreateHousehold';

interface MemberRow {
  personId: string;
  name: string;
  birthDate: string;
  relation: string | null;
  fromDate: string | null;
}

interface Values extends HouseholdAddressValues {
  members: MemberRow[];
}

const rowOf = (p: ChosenPerson, relation: string | null): MemberRow => ({
  personId: p.id,
  name: `${p.firstName} ${p.lastName}`,
  birthDate: p.birthDate,
  relation,
  fromDate: null,
});

/**
 * `/rodziny/nowa?headId=…`: a household with its head and members — existing persons found by search
 * or new ones registered on the spot — each with the relation to the head.
 */
export function HouseholdNewPage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const headId = params.get('headId');
  const head = usePerson(headId);
  const create = useCreateHousehold();
  const [newPersonOpen, newPerson] = useDisclosure(false);
  const [pick, setPick] = useState<string | null>(null);
  const [pickRelation, setPickRelation] = useState<string | null>(null);
  const [picked, setPicked] = useState<ChosenPerson | null>(null);
  const prefilled = useRef(false);

  const validate = householdValidation(t);
  const form = useForm<Values>({
    initialValues: { name: '', teryt: null, street: '', postalCode: '', city: '', members: [] },
    validate: {
      ...validate,
      members: (members) => {
        if (members.length === 0) return t('persons.household.errors.noMembers');
        if (members.some((m) => !m.relation)) return t('persons.household.errors.relation');
        if (members.filter((m) => m.relation === 'glowa').length !== 1)
          return t('persons.household.errors.oneHead');
        return null;
      },
    },
  });

  // Start from the head: the family's name and the head's address.
  useEffect(() => {
    if (prefilled.current || !head.data) return;
    prefilled.current = true;
    form.setValues({
      ...householdValuesFromHead(head.data, t('persons.household.familyWord')),
      members: [rowOf(head.data, 'glowa')],
    });
  }, [head.data, form, t]);

  const members = form.values.members;
  const hasHead = members.some((m) => m.relation === 'glowa');

  const addMember = (p: ChosenPerson, relation: string | null) => {
    if (members.some((m) => m.personId === p.id)) return;
    form.setFieldValue('members', [...members, rowOf(p, relation ?? (hasHead ? null : 'glowa'))]);
    form.clearFieldError('members');
  };

  const setMember = (index: number, change: Partial<MemberRow>) =>
    form.setFieldValue(
      'members',
      members.map((m, i) => (i === index ? { ...m, ...change } : m)),
    );

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        household: householdInputOf(values),
        members: values.members.map((m) => ({
          personId: m.personId,
          relation: m.relation ?? '',
          fromDate: m.fromDate ?? undefined,
        })),
      },
      {
        onSuccess: (h) => {
          notifications.show({ color: 'green', message: t('persons.household.created') });
          navigate(`/rodziny/${h.id}`);
        },
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrorsOf(error)).map(([k, v]) => [
                k.replace(/^household\./, '').replace(/^members\..*/, 'members'),
                v,
              ]),
            ),
          ),
      },
    ),
  );

  const title = t('persons.household.newTitle');
  const relationOptions = labels.options('householdRelations');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs
          items={[
            { label: t('persons.search.title'), to: '/osoby' },
            ...(head.data
              ? [{ label: `${head.data.firstName} ${head.data.lastName}`, to: `/osoby/${head.data.id}` }]
              : []),
            { label: title },
          ]}
        />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('persons.household.newLead')}</Text>
      </Stack>
      {head.error ? <ProblemAlert error={head.error} onRetry={() => void head.refetch()} /> : null}

      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="lg">
          {create.error ? <ProblemAlert error={create.error} /> : null}
          <SectionCard titleId="household-address" title={t('persons.household.addressTitle')}>
            <HouseholdAddressFields form={form} />
          </SectionCard>

          <SectionCard
            titleId="household-members"
            title={t('persons.household.membersTitle')}
            description={t('persons.household.membersHint')}
          >
            {members.length > 0 ? (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" aria-labelledby="household-members">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('persons.columns.name')}</Table.Th>
                      <Table.Th scope="col">{t('persons.columns.birthDate')}</Table.Th>
                      <Table.Th scope="col">{t('persons.households.relation')}</Table.Th>
                      <Table.Th scope="col">{t('persons.households.from')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('persons.household.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((m, i) => (
                      <Table.Tr key={m.personId}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {m.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={t('persons.household.relationOf', { name: m.name })}
                            data={relationOptions}
                            value={m.relation}
                            onChange={(v) => setMember(i, { relation: v })}
                            comboboxProps={{ withinPortal: true }}
                            w={240}
                          />
                        </Table.Td>
                        <Table.Td>
                          <DateInput
                            aria-label={t('persons.household.fromOf', { name: m.name })}
                            valueFormat="DD.MM.YYYY"
                            dateParser={parsePolishDate}
                            placeholder={t('persons.household.fromToday')}
                            clearable
                            maxDate={todayIso()}
                            value={m.fromDate}
                            onChange={(v) => setMember(i, { fromDate: v })}
                            popoverProps={{ withinPortal: true }}
                            w={160}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('persons.household.removeOf', { name: m.name })}
                            onClick={() =>
                              form.setFieldValue(
                                'members',
                                members.filter((_, j) => j !== i),
                              )
                            }
                          >
                            {t('persons.household.remove')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text size="sm">{t('persons.household.noMembersYet')}</Text>
            )}
            {form.errors.members && (
              <Alert color="red" variant="light" role="alert">
                {form.errors.members}
              </Alert>
            )}

            <Grid gap="sm" align="flex-end">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <PersonSelect
                  label={t('persons.household.addExisting')}
                  value={pick}
                  exclude={members.map((m) => m.personId)}
                  onChange={(id, p) => {
                    setPick(id);
                    setPicked(p);
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Select
                  label={t('persons.households.relation')}
                  data={relationOptions}
                  value={pickRelation}
                  onChange={setPickRelation}
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Button
                  variant="default"
                  disabled={!picked}
                  onClick={() => {
                    if (!picked) return;
                    addMember(picked, pickRelation);
                    setPick(null);
                    setPicked(null);
                    setPickRelation(null);
                  }}
                >
                  {t('persons.household.add')}
                </Button>
              </Grid.Col>
            </Grid>
            <Group>
              <Button variant="subtle" onClick={newPerson.open}>
                {t('persons.household.registerNew')}
              </Button>
            </Group>
          </SectionCard>

          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('persons.household.create')}
            </Button>
            <Button
              variant="default"
              onClick={() => navigate(headId ? `/osoby/${headId}` : '/osoby')}
              disabled={create.isPending}
            >
              {t('persons.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>

      <NewPersonModal
        opened={newPersonOpen}
        onClose={newPerson.close}
        initial={{
          lastName: head.data?.lastName ?? '',
          teryt: form.values.teryt,
          street: form.values.street,
          postalCode: form.values.postalCode,
          city: form.values.city,
        }}
        onChosen={(p) => {
          addMember(p, null);
          newPerson.close();
        }}
      />
    </Stack>
  );
}
