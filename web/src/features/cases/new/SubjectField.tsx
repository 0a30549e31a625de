import { Alert, Anchor, Button, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonSelect } from '../../persons/PersonSelect';
import { usePerson } from '../../persons/usePerson';
import type { CaseFormValues, SubjectKind } from './caseForm';

type SubjectValues = Pick<
  CaseFormValues,
  'subjectKind' | 'personId' | 'personLabel' | 'householdId' | 'householdLabel' | 'memberId' | 'memberLabel'
>;

/**
 * Whom the case is for: a person (found by name or PESEL) or a household — found through one of its
 * members, since a household is reached through the people in it.
 */
export function SubjectField({
  value,
  onChange,
  error,
}: {
  value: SubjectValues;
  onChange: (change: Partial<SubjectValues>) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const member = usePerson(value.subjectKind === 'household' && !value.householdId ? value.memberId : null);
  const households = (member.data?.households ?? []).filter((h) => !h.toDate);

  // A member of exactly one household: that household is the subject.
  useEffect(() => {
    const only = households.length === 1 ? households[0] : undefined;
    if (value.subjectKind === 'household' && !value.householdId && only) {
      onChange({ householdId: only.householdId, householdLabel: only.name });
    }
  }, [households, value.subjectKind, value.householdId, onChange]);

  const setKind = (kind: SubjectKind) =>
    onChange({
      subjectKind: kind,
      personId: null,
      personLabel: null,
      householdId: null,
      householdLabel: null,
      memberId: null,
      memberLabel: null,
    });

  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('cases.new.subjectKind')}
        value={value.subjectKind}
        onChange={(v) => setKind(v === 'household' ? 'household' : 'person')}
      >
        <Group gap="lg" mt={4}>
          <Radio value="person" label={t('cases.new.subjectPerson')} />
          <Radio value="household" label={t('cases.new.subjectHousehold')} />
        </Group>
      </Radio.Group>
      {value.subjectKind === 'person' && (
        <PersonSelect
          label={t('cases.new.person')}
          required
          value={value.personId}
          initialLabel={value.personLabel}
          error={error}
          onChange={(id, p) =>
            onChange({ personId: id, personLabel: p ? `${p.firstName} ${p.lastName}` : null })
          }
          maw={640}
        />
      )}
      {value.subjectKind === 'household' && value.householdId && (
        <Group gap="sm">
          <Text fw={600} data-testid="chosen-household">
            {value.householdLabel ?? value.householdId}
          </Text>
          <Button
            variant="subtle"
            size="xs"
            onClick={() =>
              onChange({ householdId: null, householdLabel: null, memberId: null, memberLabel: null })
            }
          >
            {t('cases.new.changeHousehold')}
          </Button>
        </Group>
      )}
      {value.subjectKind === 'household' && !value.householdId && (
        <>
          <PersonSelect
            label={t('cases.new.member')}
            description={t('cases.new.memberHint')}
            required
            value={value.memberId}
            initialLabel={value.memberLabel}
            error={error}
            onChange={(id, p) =>
              onChange({ memberId: id, memberLabel: p ? `${p.firstName} ${p.lastName}` : null })
            }
            maw={640}
          />
          {member.data && households.length > 1 && (
            <Select
              label={t('cases.new.household')}
              required
              data={households.map((h) => ({ value: h.householdId, label: h.name }))}
              value={null}
              onChange={(id) => {
                const h = households.find((x) => x.householdId === id);
                if (h) onChange({ householdId: h.householdId, householdLabel: h.name });
              }}
              comboboxProps={{ withinPortal: true }}
              maw={640}
            />
          )}
          {member.data && households.length === 0 && (
            <Alert color="yellow" variant="light">
              <Text size="sm">{t('cases.new.noHousehold')}</Text>
              {member.data.abilities.update && (
                <Anchor component={Link} to={`/rodziny/nowa?headId=${member.data.id}`} size="sm">
                  {t('cases.new.createHousehold')}
                </Anchor>
              )}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
