import { Button, Grid, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { fieldErrorsOf } from '../../admin/fieldErrors';
import { useCan, useMe } from '../../auth/useMe';
import { parsePolishDate, todayIso } from '../../persons/dates';
import { useHousehold } from '../../persons/households/useHousehold';
import { PageBreadcrumbs } from '../../persons/PageBreadcrumbs';
import { usePerson } from '../../persons/usePerson';
import { useCaseWorkers } from '../list/useCaseWorkers';
import { useCaseLabels } from '../shared/casesDictionaries';
import { DraftNotice } from '../shared/DraftNotice';
import { useDraft } from '../shared/useDraft';
import { type CaseFormValues, caseFieldOf, caseInputOf, emptyCaseValues, toggleReason } from './caseForm';
import { ReasonsField } from './ReasonsField';
import { SubjectField } from './SubjectField';
import { useCreateCase } from './useCreateCase';

/**
 * `/sprawy/nowa?personId=…|householdId=…`: opening a case — whom it is for, where it came from, the
 * reasons (exactly one main), the lead worker (the user unless a supervisor assigns another) and
 * co-workers. Kept as a draft while typed; on save the case page opens.
 */
export function CaseNewPage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me } = useMe();
  const canAssign = useCan('cases.supervise');
  const workers = useCaseWorkers();
  const personId = params.get('personId');
  const householdId = params.get('householdId');
  const person = usePerson(personId);
  const household = useHousehold(householdId);
  const create = useCreateCase();

  const meId = me?.user.id ?? null;
  const meName = me ? `${me.user.firstName} ${me.user.lastName}` : '';
  const base = useRef(
    emptyCaseValues({
      subjectKind: householdId ? 'household' : 'person',
      personId,
      householdId,
      leadWorkerId: meId,
    }),
  );

  const form = useForm<CaseFormValues>({
    initialValues: base.current,
    validate: (v) => {
      const errors: Record<string, string | null> = {};
      if (v.subjectKind === 'person' ? !v.personId : !v.householdId)
        errors.subject = t('cases.new.errors.subject');
      if (!v.source) errors.source = t('cases.new.errors.source');
      if (v.reasons.length === 0) errors.reasons = t('cases.new.errors.reasons');
      else if (!v.mainReason || !v.reasons.includes(v.mainReason))
        errors.reasons = t('cases.new.errors.mainReason');
      if (v.openedOn && v.openedOn > todayIso()) errors.openedOn = t('cases.new.errors.openedFuture');
      if (!v.leadWorkerId) errors.leadWorkerId = t('cases.new.errors.lead');
      return errors;
    },
  });

  // Labels of a subject given in the address (the person's or household's name); a label alone does
  // not make the form "changed" (no draft for a form nobody typed in).
  const labelled = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the subject's record arrives
  useEffect(() => {
    if (labelled.current) return;
    let change: Partial<CaseFormValues> | null = null;
    if (person.data && form.values.personId === person.data.id)
      change = { personLabel: `${person.data.firstName} ${person.data.lastName}` };
    else if (household.data && form.values.householdId === household.data.id)
      change = { householdLabel: household.data.name };
    if (!change) return;
    labelled.current = true;
    const wasDirty = form.isDirty();
    base.current = { ...base.current, ...change };
    form.setValues(change);
    if (!wasDirty) {
      form.setInitialValues(base.current);
      form.resetDirty(base.current);
    }
  }, [person.data, household.data]);

  // The lead worker defaults to me (also when the session is read after the form opened).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the user becomes known
  useEffect(() => {
    if (!meId || form.values.leadWorkerId) return;
    const wasDirty = form.isDirty();
    base.current = { ...base.current, leadWorkerId: meId };
    form.setFieldValue('leadWorkerId', meId);
    if (!wasDirty) {
      form.setInitialValues(base.current);
      form.resetDirty(base.current);
    }
  }, [meId]);

  const draft = useDraft<CaseFormValues>({
    form: 'case',
    recordId: `new:${personId ?? householdId ?? ''}`,
    values: form.values,
    dirty: form.isDirty(),
    enabled: !!meId,
    onRestore: (d) => form.setValues(d.values),
  });

  const onSubjectChange = useCallback(
    (change: Partial<CaseFormValues>) => {
      form.setValues(change);
      form.clearFieldError('subject');
    },
    [form],
  );

  const submit = form.onSubmit((values) =>
    create.mutate(caseInputOf(values, meId ?? undefined), {
      onSuccess: (c) => {
        draft.clear();
        notifications.show({ color: 'green', message: t('cases.new.created', { number: c.number }) });
        navigate(`/sprawy/${c.id}`);
      },
      onError: (error) => {
        const errors: Record<string, string> = {};
        for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
          const key = caseFieldOf(field);
          errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
        }
        form.setErrors(errors);
      },
    }),
  );

  const workerOptions = (workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }));
  if (meId && !workerOptions.some((w) => w.value === meId))
    workerOptions.unshift({ value: meId, label: meName });
  const coWorkerOptions = workerOptions.filter((w) => w.value !== form.values.leadWorkerId);

  const title = t('cases.new.title');
  const fieldLabel = (f: string) => {
    const key = caseFieldOf(f);
    const known: Record<string, string> = {
      subject: t('cases.new.subject'),
      source: t('cases.new.source'),
      sourceDetails: t('cases.new.sourceDetails'),
      openedOn: t('cases.new.openedOn'),
      reasons: t('cases.new.reasons'),
      leadWorkerId: t('cases.new.leadWorker'),
      coWorkerIds: t('cases.new.coWorkers'),
      summary: t('cases.new.summary'),
    };
    return known[key] ?? key;
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs items={[{ label: t('cases.list.title'), to: '/sprawy' }, { label: title }]} />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('cases.new.lead')}</Text>
      </Stack>

      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="lg">
          <DraftNotice
            draft={draft.restored}
            onClose={draft.dismiss}
            onDiscard={() => {
              draft.clear();
              form.setValues(base.current);
              form.resetDirty(base.current);
            }}
          />
          {create.error ? <ProblemAlert error={create.error} fieldLabel={fieldLabel} /> : null}

          <SectionCard titleId="case-subject" title={t('cases.new.subject')}>
            {(person.error || household.error) && <ProblemAlert error={person.error ?? household.error} />}
            <SubjectField
              value={form.values}
              onChange={onSubjectChange}
              error={form.errors.subject as string}
            />
          </SectionCard>

          <SectionCard titleId="case-intake" title={t('cases.new.intake')}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('cases.new.source')}
                  required
                  data={labels.options('sources')}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('source')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <DateInput
                  label={t('cases.new.openedOn')}
                  description={t('cases.new.openedOnHint')}
                  valueFormat="DD.MM.YYYY"
                  dateParser={parsePolishDate}
                  placeholder={t('persons.form.datePlaceholder')}
                  clearable
                  maxDate={todayIso()}
                  popoverProps={{ withinPortal: true }}
                  {...form.getInputProps('openedOn')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput
                  label={t('cases.new.sourceDetails')}
                  description={t('cases.new.sourceDetailsHint')}
                  {...form.getInputProps('sourceDetails')}
                />
              </Grid.Col>
            </Grid>
          </SectionCard>

          <SectionCard titleId="case-reasons" title={t('cases.new.reasonsTitle')}>
            <ReasonsField
              reasons={form.values.reasons}
              mainReason={form.values.mainReason}
              error={form.errors.reasons as string | undefined}
              onToggle={(code, checked) => {
                form.setValues(toggleReason(form.values, code, checked));
                form.clearFieldError('reasons');
              }}
              onMain={(code) => {
                form.setFieldValue('mainReason', code);
                form.clearFieldError('reasons');
              }}
            />
          </SectionCard>

          <SectionCard titleId="case-team" title={t('cases.new.team')}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('cases.new.leadWorker')}
                  description={canAssign ? t('cases.new.leadHintSupervisor') : t('cases.new.leadHint')}
                  required
                  readOnly={!canAssign}
                  data={workerOptions}
                  searchable
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('leadWorkerId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <MultiSelect
                  label={t('cases.new.coWorkers')}
                  description={t('cases.new.coWorkersHint')}
                  data={coWorkerOptions}
                  searchable
                  maxValues={10}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('coWorkerIds')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label={t('cases.new.summary')}
                  description={t('cases.new.summaryHint')}
                  rows={5}
                  resize="vertical"
                  {...form.getInputProps('summary')}
                />
              </Grid.Col>
            </Grid>
          </SectionCard>

          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('cases.new.submit')}
            </Button>
            <Button
              variant="default"
              disabled={create.isPending}
              onClick={() => {
                draft.clear();
                navigate(
                  personId ? `/osoby/${personId}` : householdId ? `/rodziny/${householdId}` : '/sprawy',
                );
              }}
            >
              {t('persons.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
