import { Button, Grid, Group, Select, TextInput } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { UserSelect } from '../admin/UserSelect';
import { useDictionaryLabels } from '../admin/useDictionaryLabels';
import { useCan } from '../auth/useMe';
import type { AuditFilters } from './auditApi';
import { auditOutcomes, isUuid } from './auditFilters';

interface Values {
  userId: string;
  institutionId: string;
  action: string | null;
  outcome: string | null;
  recordType: string;
  recordId: string;
  from: string | null;
  to: string | null;
}

/** Parses what a person types in a date field: DD.MM.YYYY (also with / or -), or YYYY-MM-DD. */
export const parsePolishDate: NonNullable<DateInputProps['dateParser']> = (input) => {
  const text = input.trim();
  const pl = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = pl ? [pl[3], pl[2], pl[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d))
    return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

const valuesOf = (f: AuditFilters): Values => ({
  userId: f.userId ?? '',
  institutionId: f.institutionId ?? '',
  action: f.action ?? null,
  outcome: f.outcome ?? null,
  recordType: f.recordType ?? '',
  recordId: f.recordId ?? '',
  from: f.from ?? null,
  to: f.to ?? null,
});

function filtersOf(v: Values): AuditFilters {
  const text = (s: string) => s.trim() || undefined;
  return {
    userId: text(v.userId),
    institutionId: text(v.institutionId),
    action: (v.action ?? undefined) as AuditFilters['action'],
    outcome: (v.outcome ?? undefined) as AuditFilters['outcome'],
    recordType: text(v.recordType),
    recordId: text(v.recordId),
    from: v.from ?? undefined,
    to: v.to ?? undefined,
  };
}

/**
 * The audit filters. A user or an institution is picked from a search where the signed-in person
 * may search them (administrators); otherwise (an auditor) the id is typed in — or set by clicking
 * a name in the table.
 */
export function AuditFiltersForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const location = useLocation();
  const userLabel = (location.state as { userLabel?: string } | null)?.userLabel ?? null;
  const canSearchUsers = useCan(['institution.admin', 'system.admin']);
  const canSearchInstitutions = useCan(['institutions.read', 'system.admin']);
  const form = useForm<Values>({
    initialValues: valuesOf(filters),
    validate: {
      userId: (v) => (!v.trim() || isUuid(v) ? null : t('audit.filters.uuidInvalid')),
      institutionId: (v) => (!v.trim() || isUuid(v) ? null : t('audit.filters.uuidInvalid')),
      to: (v, all) => (v && all.from && v < all.from ? t('audit.filters.toBeforeFrom') : null),
    },
  });

  const dateProps = {
    valueFormat: 'DD.MM.YYYY',
    dateParser: parsePolishDate,
    placeholder: t('audit.filters.datePlaceholder'),
    clearable: true,
    popoverProps: { withinPortal: true },
  } as const;

  return (
    <form
      onSubmit={form.onSubmit((v) => onApply(filtersOf(v)))}
      onReset={(e) => {
        e.preventDefault();
        onApply({});
      }}
      noValidate
      aria-label={t('audit.filters.label')}
    >
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          {canSearchUsers ? (
            <UserSelect
              label={t('audit.filters.user')}
              placeholder={t('audit.filters.userPlaceholder')}
              initialLabel={userLabel}
              value={form.values.userId || null}
              onChange={(id) => form.setFieldValue('userId', id ?? '')}
              error={form.errors.userId}
            />
          ) : (
            <TextInput
              label={t('audit.filters.userId')}
              description={t('audit.filters.idHint')}
              {...form.getInputProps('userId')}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          {canSearchInstitutions ? (
            <InstitutionSelect
              label={t('audit.filters.institution')}
              placeholder={t('audit.filters.institutionPlaceholder')}
              active="all"
              value={form.values.institutionId || null}
              onChange={(id) => form.setFieldValue('institutionId', id ?? '')}
              error={form.errors.institutionId}
            />
          ) : (
            <TextInput
              label={t('audit.filters.institutionId')}
              description={t('audit.filters.idHint')}
              {...form.getInputProps('institutionId')}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('audit.filters.action')}
            placeholder={t('admin.any')}
            data={labels.options.auditActions}
            searchable
            clearable
            {...form.getInputProps('action')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('audit.filters.outcome')}
            placeholder={t('admin.any')}
            data={auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
            clearable
            {...form.getInputProps('outcome')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput
            label={t('audit.filters.recordType')}
            placeholder={t('audit.filters.recordTypePlaceholder')}
            {...form.getInputProps('recordType')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput label={t('audit.filters.recordId')} {...form.getInputProps('recordId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 3 }}>
          <DateInput label={t('audit.filters.from')} {...dateProps} {...form.getInputProps('from')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 3 }}>
          <DateInput label={t('audit.filters.to')} {...dateProps} {...form.getInputProps('to')} />
        </Grid.Col>
      </Grid>
      <Group gap="xs" mt="sm">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button type="reset" variant="default">
          {t('audit.filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
