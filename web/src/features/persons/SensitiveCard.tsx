import type { Person, PersonSensitiveInput } from '@kooperacja/domain';
import { Badge, Button, DataList, Grid, Group, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useCaseLabels } from '../cases/shared/casesDictionaries';
import { parsePolishDate } from './dates';
import { useUpdateSensitive } from './useUpdateSensitive';

interface Values {
  disabilityLevel: string | null;
  disabilityUntil: string | null;
  health: string;
  addiction: string;
}

const valuesOf = (p: Person): Values => ({
  disabilityLevel: p.sensitive?.disabilityLevel ?? null,
  disabilityUntil: p.sensitive?.disabilityUntil ?? null,
  health: p.sensitive?.health ?? '',
  addiction: p.sensitive?.addiction ?? '',
});

const inputOf = (v: Values): PersonSensitiveInput => ({
  disabilityLevel: (v.disabilityLevel ?? null) as PersonSensitiveInput['disabilityLevel'],
  disabilityUntil: v.disabilityUntil ?? null,
  health: v.health.trim() || null,
  addiction: v.addiction.trim() || null,
});

/**
 * "Dane szczególnie chronione" (RODO art. 9): disability, health and addiction, kept apart from the
 * rest of the record and shown only to those whose scope includes them. Not kept as a draft in the
 * browser on purpose.
 */
export function SensitiveCard({ person, onReload }: { person: Person; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [editing, setEditing] = useState(false);
  const save = useUpdateSensitive();
  const form = useForm<Values>({ initialValues: valuesOf(person) });
  const s = person.sensitive;

  const startEditing = () => {
    form.setInitialValues(valuesOf(person));
    form.setValues(valuesOf(person));
    form.resetDirty(valuesOf(person));
    save.reset();
    setEditing(true);
  };

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: person.id, sensitive: inputOf(values), version: person.sensitive?.version ?? 0 },
      {
        onSuccess: () => {
          setEditing(false);
          notifications.show({ color: 'green', message: t('persons.sensitive.saved') });
        },
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k.replace(/^sensitive\./, ''), v]),
            ),
          ),
      },
    ),
  );

  return (
    <SectionCard
      titleId="person-sensitive"
      title={
        <Group gap="xs" component="span">
          <span>{t('persons.sensitive.title')}</span>
          <Badge color="red.9" variant="outline" tt="none" component="span">
            {t('persons.sensitive.badge')}
          </Badge>
        </Group>
      }
      description={t('persons.sensitive.description')}
    >
      {!editing && (
        <>
          {s ? (
            <DataList labelWidth={200}>
              <DataList.Item>
                <DataList.ItemLabel>{t('persons.sensitive.disabilityLevel')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {labels.label('disabilityLevels', s.disabilityLevel) || '—'}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('persons.sensitive.disabilityUntil')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {s.disabilityUntil ? formatDate(s.disabilityUntil) : t('persons.sensitive.indefinite')}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('persons.sensitive.health')}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{s.health ?? '—'}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('persons.sensitive.addiction')}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>
                  {s.addiction ?? '—'}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          ) : (
            <span>{t('persons.sensitive.none')}</span>
          )}
          {person.abilities.update && (
            <Group>
              <Button variant="default" onClick={startEditing}>
                {s ? t('persons.sensitive.edit') : t('persons.sensitive.add')}
              </Button>
            </Group>
          )}
        </>
      )}
      {editing && (
        <form onSubmit={submit} noValidate aria-label={t('persons.sensitive.formLabel')}>
          <Stack gap="md">
            {save.error ? (
              <Stack gap="xs">
                <ProblemAlert error={save.error} />
                {isConflict(save.error) && (
                  <Group>
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => void onReload().then(() => setEditing(false))}
                    >
                      {t('persons.conflict.loadCurrent')}
                    </Button>
                  </Group>
                )}
              </Stack>
            ) : null}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('persons.sensitive.disabilityLevel')}
                  data={labels.options('disabilityLevels')}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('disabilityLevel')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput
                  label={t('persons.sensitive.disabilityUntil')}
                  description={t('persons.sensitive.disabilityUntilHint')}
                  valueFormat="DD.MM.YYYY"
                  dateParser={parsePolishDate}
                  placeholder={t('persons.form.datePlaceholder')}
                  clearable
                  popoverProps={{ withinPortal: true }}
                  {...form.getInputProps('disabilityUntil')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label={t('persons.sensitive.health')}
                  rows={3}
                  resize="vertical"
                  {...form.getInputProps('health')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label={t('persons.sensitive.addiction')}
                  rows={3}
                  resize="vertical"
                  {...form.getInputProps('addiction')}
                />
              </Grid.Col>
            </Grid>
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {t('persons.form.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)} disabled={save.isPending}>
                {t('persons.form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
