import type { Call } from '@kooperacja/domain';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from '../admin/fieldErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import {
  ApplicationForm,
  type ApplicationValues,
  checkApplication,
  emptyApplication,
  type FormCall,
  fieldLabel,
  toApplicationInput,
} from './ApplicationForm';
import { createPaperApplication, fetchCall, recruitmentKeys } from './recruitmentApi';

/** A staff call as the form sees it: which characteristics its cohorts' rules and criteria ask about. */
export function formCallOf(call: Call): FormCall {
  const uses = (kind: string) =>
    call.cohorts.some(
      (c) =>
        c.eligibilityRules.some((r) => r.kind === kind) || c.scoringCriteria.some((s) => s.kind === kind),
    );
  return {
    formKinds: call.formKinds,
    cohorts: call.cohorts.map((c) => ({ id: c.id, name: c.name, year: c.year, places: c.places })),
    questions: call.questions,
    clauses: call.clauses,
    asks: {
      labourStatus: uses('status_na_rynku_pracy'),
      disability: uses('niepelnosprawnosc'),
      povertyGrounds: uses('zagrozenie_wykluczeniem'),
      institution: uses('instytucja'),
      residence: uses('zamieszkanie'),
    },
  };
}

function PaperForm({ call }: { call: Call }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dateProps = useDateInputProps();
  const formCall = formCallOf(call);
  const [values, setValues] = useState<ApplicationValues>(() => emptyApplication(formCall));
  const [handedIn, setHandedIn] = useState<string | null>(null);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      createPaperApplication(
        call.projectId,
        call.id,
        toApplicationInput(values, formCall),
        handedIn ? new Date(`${handedIn}T12:00:00`).toISOString() : undefined,
      ),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(call.projectId) });
      navigate(`/projekty/${call.projectId}/zgloszenia/${a.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkApplication(values, formCall, t as never);
    setChecked(problems);
    if (Object.keys(problems).length === 0) save.mutate();
    else save.reset();
  };
  const errors = { ...fieldErrorsOf(save.error), ...checked };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="paper-title">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/projekty/${call.projectId}?karta=nabor&nabor=${call.id}`} size="sm">
            ← {t('recruitment.paper.back', { call: call.name })}
          </Anchor>
          <PageTitle id="paper-title" documentTitle={t('recruitment.paper.title')}>
            {t('recruitment.paper.title')}
          </PageTitle>
          <Text size="sm">{t('recruitment.paper.lead', { call: call.name })}</Text>
        </div>
        <DateInput
          label={t('recruitment.paper.handedIn')}
          description={t('recruitment.paper.handedInHint')}
          {...dateProps}
          value={handedIn}
          onChange={setHandedIn}
          w={260}
        />
        {Object.keys(checked).length > 0 && (
          <ProblemAlert
            error={{
              type: 'about:blank',
              title: t('recruitment.form.fixTitle'),
              status: 400,
              code: 'validation_failed',
              errors: Object.entries(checked).map(([field, message]) => ({ field, code: 'form', message })),
            }}
            fieldLabel={(f) => fieldLabel(f, formCall, t as never)}
          />
        )}
        {save.error ? (
          <ProblemAlert error={save.error} fieldLabel={(f) => fieldLabel(f, formCall, t as never)} />
        ) : null}
        <ApplicationForm
          call={formCall}
          values={values}
          onChange={setValues}
          errors={errors}
          disabled={save.isPending}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('recruitment.paper.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/projekty/:projectId/nabory/:callId/zgloszenie-papierowe`: staff enter a paper application. */
export function PaperApplicationPage() {
  const { projectId = '', callId = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: recruitmentKeys.call(projectId, callId),
    queryFn: ({ signal }) => fetchCall(projectId, callId, signal),
  });
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Text>{t('common.loading')}</Text>;
  return <PaperForm call={query.data} />;
}
