import type { Person, PersonInput, PersonSummary } from '@kooperacja/domain';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { DraftNotice } from '../cases/shared/DraftNotice';
import { useDraft } from '../cases/shared/useDraft';
import { ConflictDialog, type ConflictState } from './ConflictDialog';
import { type DuplicateCandidateView, DuplicateWarning } from './DuplicateWarning';
import { PersonFormFields } from './PersonFormFields';
import {
  mergeMyChanges,
  type PersonFormValues,
  personFieldOf,
  personInputOf,
  personValuesOf,
} from './personForm';
import { fetchPerson, personKeys } from './personsApi';
import { peselState } from './pesel';
import { useCheckDuplicates } from './useCheckDuplicates';
import { useCreatePerson } from './useCreatePerson';
import { useUpdatePerson } from './useUpdatePerson';

const FORM_FIELDS = new Set<string>([
  'firstName',
  'lastName',
  'pesel',
  'otherIdType',
  'otherIdNumber',
  'birthDate',
  'sex',
  'citizenship',
  'teryt',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'notes',
]);

export interface PersonFormProps {
  /** The record being changed; absent to register a new person. */
  person?: Person;
  onSaved: (person: Person) => void;
  onCancel?: () => void;
  /** Values to start a new person with (e.g. the household's address). */
  initial?: Partial<PersonFormValues>;
  /** Keep a draft in the browser tab while typing (off for a form inside a dialog). */
  keepDraft?: boolean;
  /** Instead of a link to an existing record, an action on a duplicate candidate. */
  renderDuplicateAction?: (person: PersonSummary) => ReactNode;
}

/**
 * Registers a person (after a duplicate check) or changes one (with its version: a conflict shows
 * what differs). The server's validation messages appear on the fields they concern.
 */
export function PersonForm({
  person,
  onSaved,
  onCancel,
  initial,
  keepDraft = true,
  renderDuplicateAction,
}: PersonFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const check = useCheckDuplicates();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [duplicates, setDuplicates] = useState<DuplicateCandidateView[] | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [version, setVersion] = useState(person?.version ?? 0);
  const base = useRef<PersonFormValues>({ ...personValuesOf(person), ...initial });

  const form = useForm<PersonFormValues>({
    initialValues: base.current,
    validate: {
      firstName: (v) => (v.trim() ? null : t('persons.form.required')),
      lastName: (v) => (v.trim() ? null : t('persons.form.required')),
      pesel: (v, all) => {
        if (all.noPesel) return null;
        const s = peselState(v);
        if (s.kind === 'empty') return t('persons.form.peselRequired');
        if (s.kind !== 'valid') return t('persons.form.peselInvalid');
        return null;
      },
      otherIdType: (v, all) => (all.noPesel && !v ? t('persons.form.otherIdTypeRequired') : null),
      otherIdNumber: (v, all) =>
        all.noPesel && all.otherIdType && all.otherIdType !== 'brak' && !v.trim()
          ? t('persons.form.otherIdNumberRequired')
          : null,
      birthDate: (v, all) => (all.noPesel && !v ? t('persons.form.birthDateRequired') : null),
      sex: (v, all) => (all.noPesel && !v ? t('persons.form.sexRequired') : null),
      citizenship: (v) => (v.trim().length >= 2 ? null : t('persons.form.required')),
      postalCode: (v) => (!v.trim() || /^\d{2}-\d{3}$/.test(v.trim()) ? null : t('persons.form.postalCode')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('persons.form.email'),
    },
  });

  const draft = useDraft<PersonFormValues>({
    form: 'person',
    recordId: person?.id ?? 'new',
    values: form.values,
    dirty: form.isDirty(),
    version: person ? version : undefined,
    enabled: keepDraft,
    onRestore: (d) => {
      form.setValues(d.values);
      if (person && typeof d.version === 'number') setVersion(d.version);
    },
  });

  const showServerErrors = (error: unknown) => {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
      const key = personFieldOf(field);
      if (FORM_FIELDS.has(key)) errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
    }
    form.setErrors(errors);
  };

  const problemCodes = (error: unknown) =>
    isApiError(error) ? (error.problem.errors ?? []).map((e) => e.code) : [];

  const saved = (p: Person, message: string) => {
    draft.clear();
    const values = personValuesOf(p);
    base.current = values;
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    setVersion(p.version);
    setDuplicates(null);
    setConflict(null);
    notifications.show({ color: 'green', message });
    onSaved(p);
  };

  const doCreate = (input: PersonInput, confirmNotDuplicate: boolean) => {
    create.mutate(
      { person: input, confirmNotDuplicate },
      {
        onSuccess: (p) => saved(p, t('persons.form.created')),
        onError: (error) => {
          showServerErrors(error);
          const codes = problemCodes(error);
          // A duplicate appeared meanwhile (or the PESEL exists): show who it is.
          if (codes.some((c) => c === 'person.possibleDuplicate' || c === 'person.peselExists')) {
            check.mutate(input, {
              onSuccess: (r) => setDuplicates(r.candidates.length > 0 ? r.candidates : null),
            });
          }
        },
      },
    );
  };

  const doUpdate = (values: PersonFormValues, onVersion: number) => {
    if (!person) return;
    update.mutate(
      { id: person.id, person: personInputOf(values), version: onVersion },
      {
        onSuccess: (p) => saved(p, t('persons.form.saved')),
        onError: (error) => {
          if (isConflict(error)) {
            setConflict({ mine: values, base: base.current });
            queryClient
              .fetchQuery({
                queryKey: personKeys.person(person.id),
                queryFn: ({ signal }) => fetchPerson(person.id, signal),
                staleTime: 0,
              })
              .then((current) => setConflict((c) => c && { ...c, current }))
              .catch((loadError: unknown) => setConflict((c) => c && { ...c, error: loadError }));
            return;
          }
          showServerErrors(error);
        },
      },
    );
  };

  const submit = form.onSubmit((values) => {
    const input = personInputOf(values);
    if (person) {
      doUpdate(values, version);
      return;
    }
    check.mutate(input, {
      onSuccess: (result) => {
        if (result.candidates.length > 0) setDuplicates(result.candidates);
        else doCreate(input, false);
      },
      onError: showServerErrors,
    });
  });

  const error = person ? update.error : (create.error ?? check.error);
  const showError = error && !(person && isConflict(error));
  const busy = check.isPending || create.isPending || update.isPending;

  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        aria-label={person ? t('persons.form.editLabel') : t('persons.form.newLabel')}
      >
        <Stack gap="lg">
          <DraftNotice
            draft={draft.restored}
            onClose={draft.dismiss}
            onDiscard={() => {
              draft.clear();
              form.setValues(base.current);
              form.resetDirty(base.current);
              setVersion(person?.version ?? 0);
            }}
          />
          {showError ? (
            <ProblemAlert
              error={error}
              fieldLabel={(f) => {
                const key = personFieldOf(f);
                return FORM_FIELDS.has(key) ? t(`persons.fields.${key}` as 'persons.fields.pesel') : key;
              }}
            />
          ) : null}
          <PersonFormFields form={form} />
          {duplicates ? (
            <DuplicateWarning
              candidates={duplicates}
              confirming={create.isPending}
              onConfirm={() => {
                if (!form.validate().hasErrors) doCreate(personInputOf(form.values), true);
              }}
              onBack={() => setDuplicates(null)}
              renderAction={renderDuplicateAction}
            />
          ) : (
            <Group gap="sm">
              <Button type="submit" loading={busy}>
                {person ? t('persons.form.save') : t('persons.form.create')}
              </Button>
              {onCancel && (
                <Button
                  variant="default"
                  onClick={() => {
                    draft.clear();
                    onCancel();
                  }}
                  disabled={busy}
                >
                  {t('persons.form.cancel')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      <ConflictDialog
        conflict={conflict}
        saving={update.isPending}
        onClose={() => setConflict(null)}
        onKeepMine={(current) => {
          const currentValues = personValuesOf(current);
          const merged = mergeMyChanges(
            conflict?.mine ?? form.values,
            currentValues,
            conflict?.base ?? base.current,
          );
          setVersion(current.version);
          base.current = currentValues;
          form.setValues(merged);
          doUpdate(merged, current.version);
        }}
        onLoadCurrent={(current) => {
          const values = personValuesOf(current);
          draft.clear();
          base.current = values;
          form.setInitialValues(values);
          form.setValues(values);
          form.resetDirty(values);
          setVersion(current.version);
          setConflict(null);
          update.reset();
        }}
      />
    </>
  );
}
