import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { parsePolishDate, todayIso } from '../dates';
import { useEndHouseholdMembership } from './useEndHouseholdMembership';

/** "Zakończ członkostwo": asks for the date the person left, then ends the membership. */
export function EndMembershipButton({
  householdId,
  memberId,
  name,
  version,
  fromDate,
}: {
  householdId: string;
  memberId: string;
  name: string;
  version: number;
  fromDate: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [toDate, setToDate] = useState<string | null>(todayIso());
  const end = useEndHouseholdMembership();
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => {
          end.reset();
          setToDate(todayIso());
          open();
        }}
        aria-label={t('persons.household.endOf', { name })}
      >
        {t('persons.household.end')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('persons.household.endTitle', { name })} centered>
        <Stack>
          <Text size="sm">{t('persons.household.endText')}</Text>
          {end.error ? <ProblemAlert error={end.error} /> : null}
          <DateInput
            label={t('persons.household.endDate')}
            valueFormat="DD.MM.YYYY"
            dateParser={parsePolishDate}
            minDate={fromDate}
            maxDate={todayIso()}
            value={toDate}
            onChange={setToDate}
            popoverProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={end.isPending}>
              {t('persons.form.cancel')}
            </Button>
            <Button
              color="red"
              loading={end.isPending}
              onClick={() =>
                end.mutate(
                  { id: householdId, memberId, toDate: toDate ?? undefined, version },
                  { onSuccess: close },
                )
              }
            >
              {t('persons.household.end')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
