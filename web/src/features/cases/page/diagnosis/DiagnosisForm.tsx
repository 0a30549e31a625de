import type { Diagnosis } from '@kooperacja/domain';
import {
  Accordion,
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { formatDateTime } from '../../../../lib/format';
import { isConflict } from '../../../admin/fieldErrors';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { DraftNotice } from '../../shared/DraftNotice';
import { useDraft } from '../../shared/useDraft';
import { caseKeys, fetchDiagnosis } from '../caseApi';
import { formErrorsOf } from '../formErrors';
import { DiagnosisView } from './DiagnosisView';
import {
  DIAGNOSIS_GROUPS,
  type DiagnosisValues,
  diagnosisInputOf,
  diagnosisValuesOf,
  hasAnyArea,
  INTERVIEW_SECTIONS,
} from './diagnosisModel';
import { useSaveDiagnosis } from './useSaveDiagnosis';

/**
 * "Aktualizuj diagnozę": the current version prefilled; saving makes a new version. What is typed is
 * kept as a draft in the tab (a session time-out loses nothing). When someone saved a newer version
 * meanwhile (409), the newer one is shown next to the form, the user's text stays, and saving again
 * builds on the newer version.
 */
export function DiagnosisForm({
  caseId,
  current,
  onDone,
}: {
  caseId: string;
  current: Diagnosis | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const queryClient = useQueryClient();
  const save = useSaveDiagnosis(caseId);
  const [basedOn, setBasedOn] = useState(current?.versionNo ?? 0);
  const [newer, setNewer] = useState<Diagnosis | null>(null);
  const [emptyError, setEmptyError] = useState(false);
  const initial = diagnosisValuesOf(current);
  const form = useForm<DiagnosisValues>({ initialValues: initial });

  const draft = useDraft<DiagnosisValues>({
    form: 'diagnosis',
    recordId: caseId,
    values: form.values,
    dirty: form.isDirty(),
    version: basedOn,
    onRestore: (d) => {
      form.setValues(d.values);
      // The draft was started from an older version: show what was saved since.
      if (current && d.version !== undefined && d.version < current.versionNo) {
        setNewer(current);
        setBasedOn(current.versionNo);
      }
    },
  });

  const showNewer = async () => {
    try {
      const history = await queryClient.fetchQuery({
        queryKey: caseKeys.diagnosis(caseId),
        queryFn: ({ signal }) => fetchDiagnosis(caseId, signal),
        staleTime: 0,
      });
      if (history.current) {
        setNewer(history.current);
        setBasedOn(history.current.versionNo);
      }
    } catch {
      // The conflict message stays; the user can try saving again.
    }
  };

  const submit = form.onSubmit((values) => {
    if (!hasAnyArea(values)) {
      setEmptyError(true);
      return;
    }
    setEmptyError(false);
    save.mutate(diagnosisInputOf(values, basedOn), {
      onSuccess: (saved) => {
        draft.clear();
        notifications.show({
          color: 'green',
          message: t('cases.diagnosis.saved', { version: saved.versionNo }),
        });
        onDone();
      },
      onError: (error) => {
        if (isConflict(error)) void showNewer();
        else form.setErrors(formErrorsOf(error));
      },
    });
  });

  const loadNewer = () => {
    if (!newer) return;
    const v = diagnosisValuesOf(newer);
    form.setInitialValues(v);
    form.setValues(v);
    form.resetDirty(v);
    draft.clear();
    setNewer(null);
    save.reset();
  };

  const cancel = () => {
    draft.clear();
    onDone();
  };

  const area = (k: (typeof DIAGNOSIS_GROUPS)[number]['areas'][number]) => (
    <Textarea
      key={k}
      label={labels.label('diagnosisAreas', k)}
      autosize
      minRows={3}
      maxLength={8000}
      {...form.getInputProps(`areas.${k}`)}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.diagnosis.formLabel')}>
      <Stack gap="md">
        <DraftNotice
          draft={draft.restored}
          onDiscard={() => {
            form.setValues(initial);
            form.resetDirty(initial);
            draft.clear();
          }}
          onClose={draft.dismiss}
        />

        {newer && (
          <Alert color="orange" variant="light" title={t('cases.diagnosis.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {t('cases.diagnosis.conflictText', {
                  version: newer.versionNo,
                  author: newer.author.name,
                  date: formatDateTime(newer.createdAt),
                })}
              </Text>
              <Group gap="sm">
                <Button size="xs" variant="default" onClick={loadNewer}>
                  {t('cases.diagnosis.loadNewer')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {newer && (
          <Paper withBorder p="md" component="section" aria-labelledby="diagnosis-newer">
            <Stack gap="sm">
              <Title order={3} size="h5" id="diagnosis-newer">
                {t('cases.diagnosis.newerTitle', { version: newer.versionNo })}
              </Title>
              <DiagnosisView diagnosis={newer} level={4} />
            </Stack>
          </Paper>
        )}

        {save.error && !isConflict(save.error) ? <ProblemAlert error={save.error} /> : null}
        {emptyError && (
          <Alert color="red" variant="light" role="alert">
            {t('cases.diagnosis.emptyError')}
          </Alert>
        )}

        <Title order={3} size="h5">
          {t('cases.diagnosis.myVersion')}
        </Title>
        {DIAGNOSIS_GROUPS.map((g, i) => (
          <Stack key={g.key} gap="xs">
            <Title order={4} size="h6">
              {i + 1}. {t(`cases.diagnosis.groups.${g.key}` as 'cases.diagnosis.groups.causes')}
            </Title>
            {g.areas.length > 1 ? (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {g.areas.map(area)}
              </SimpleGrid>
            ) : (
              g.areas.map(area)
            )}
          </Stack>
        ))}

        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('cases.diagnosis.interviewTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cases.diagnosis.interviewHint')}
          </Text>
          <Accordion
            multiple
            variant="separated"
            order={5}
            defaultValue={INTERVIEW_SECTIONS.filter((k) => form.values.interview[k].trim())}
          >
            {INTERVIEW_SECTIONS.map((k) => (
              <Accordion.Item key={k} value={k}>
                <Accordion.Control>
                  {labels.label('interviewSections', k)}
                  {form.values.interview[k].trim() ? ` · ${t('cases.diagnosis.filled')}` : ''}
                </Accordion.Control>
                <Accordion.Panel>
                  <Textarea
                    label={labels.label('interviewSections', k)}
                    autosize
                    minRows={3}
                    maxLength={8000}
                    {...form.getInputProps(`interview.${k}`)}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>

        <Textarea
          label={t('cases.diagnosis.conclusions')}
          autosize
          minRows={3}
          maxLength={8000}
          {...form.getInputProps('conclusions')}
        />

        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {newer ? t('cases.diagnosis.saveMine') : t('cases.diagnosis.save')}
          </Button>
          <Button variant="default" onClick={cancel}>
            {t('cases.diagnosis.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
