import { Button, Group, NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { fieldErrorsOf } from '../admin/fieldErrors';
import { useCan } from '../auth/useMe';
import { useAuditSettings } from './useAuditSettings';
import { useUpdateAuditSettings } from './useUpdateAuditSettings';

const MIN_YEARS = 2;
const MAX_YEARS = 50;

function RetentionForm({ years }: { years: number }) {
  const { t } = useTranslation();
  const save = useUpdateAuditSettings();
  const [value, setValue] = useState<number | string>(years);
  const numeric = typeof value === 'number' ? value : Number(value);
  const valid = Number.isInteger(numeric) && numeric >= MIN_YEARS && numeric <= MAX_YEARS;
  return (
    <form
      noValidate
      aria-label={t('audit.retention.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        save.mutate(
          { retentionYears: numeric },
          { onSuccess: () => notifications.show({ color: 'green', message: t('audit.retention.saved') }) },
        );
      }}
    >
      {save.error && !fieldErrorsOf(save.error).retentionYears ? <ProblemAlert error={save.error} /> : null}
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('audit.retention.years')}
          description={t('audit.retention.minimum', { count: MIN_YEARS })}
          min={MIN_YEARS}
          max={MAX_YEARS}
          allowDecimal={false}
          value={value}
          onChange={setValue}
          error={
            fieldErrorsOf(save.error).retentionYears ??
            (valid ? undefined : t('audit.retention.invalid', { min: MIN_YEARS, max: MAX_YEARS }))
          }
          w={220}
        />
        <Button type="submit" loading={save.isPending} disabled={!valid || numeric === years}>
          {t('admin.save')}
        </Button>
      </Group>
    </form>
  );
}

/** How long audit entries are kept: editable by a system administrator, read-only for the auditor. */
export function RetentionCard() {
  const { t } = useTranslation();
  const settings = useAuditSettings();
  const canChange = useCan('system.admin');
  const years = settings.data?.retentionYears;
  return (
    <SectionCard
      titleId="audit-retention"
      title={t('audit.retention.title')}
      description={t('audit.retention.description')}
      query={{ ...settings, skeletonHeight: 60 }}
    >
      {years !== undefined &&
        (canChange ? (
          <RetentionForm key={years} years={years} />
        ) : (
          <Text>
            {t('audit.retention.current', { count: years })}{' '}
            <Text span size="sm" c="dimmed">
              {t('audit.retention.readOnly')}
            </Text>
          </Text>
        ))}
    </SectionCard>
  );
}
