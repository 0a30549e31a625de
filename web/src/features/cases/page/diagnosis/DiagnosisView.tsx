import type { Diagnosis } from '@kooperacja/domain';
import { Accordion, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { DIAGNOSIS_GROUPS, INTERVIEW_SECTIONS } from './diagnosisModel';

const prose = { whiteSpace: 'pre-wrap' } as const;

function Prose({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation();
  return text?.trim() ? (
    <Text size="sm" style={prose}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('cases.diagnosis.notFilled')}
    </Text>
  );
}

/**
 * A diagnosis version, read-only: the four areas of the model (causes; strengths and weaknesses;
 * resources and deficits; expectations and needs), the filled sections of the community interview
 * in an accordion, and the conclusions. Headings start at `level` (h3 inside a section).
 */
export function DiagnosisView({ diagnosis, level = 3 }: { diagnosis: Diagnosis; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const sub = (level + 1) as 4 | 5;
  const filledInterview = INTERVIEW_SECTIONS.filter((k) => diagnosis.interview[k]?.trim());

  return (
    <Stack gap="md" data-testid={`diagnosis-v${diagnosis.versionNo}`}>
      {DIAGNOSIS_GROUPS.map((g, i) => (
        <Stack key={g.key} gap={6}>
          <Title order={level} size="h5">
            {i + 1}. {t(`cases.diagnosis.groups.${g.key}` as 'cases.diagnosis.groups.causes')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: g.areas.length }} spacing="md">
            {g.areas.map((a) => (
              <Stack key={a} gap={2}>
                {g.areas.length > 1 && (
                  <Title order={sub} size="h6">
                    {labels.label('diagnosisAreas', a)}
                  </Title>
                )}
                <Prose text={diagnosis.areas[a]} />
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      ))}

      <Stack gap={6}>
        <Title order={level} size="h5">
          {t('cases.diagnosis.interviewTitle')}
        </Title>
        {filledInterview.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.diagnosis.interviewEmpty')}
          </Text>
        ) : (
          <Accordion multiple variant="separated" order={sub}>
            {filledInterview.map((k) => (
              <Accordion.Item key={k} value={k}>
                <Accordion.Control>{labels.label('interviewSections', k)}</Accordion.Control>
                <Accordion.Panel>
                  <Prose text={diagnosis.interview[k]} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>

      <Stack gap={6}>
        <Title order={level} size="h5">
          {t('cases.diagnosis.conclusions')}
        </Title>
        <Prose text={diagnosis.conclusions} />
      </Stack>
    </Stack>
  );
}
