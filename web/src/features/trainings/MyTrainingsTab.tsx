import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CertificateInfo, Facts, formatPeriod, StatusWithPlace, useTestResultText } from './common';
import { useMyTrainings } from './hooks';
import { formatHours, useTrainingLabels } from './labels';

/**
 * Moje szkolenia: each of the user's registrations — the training, the edition's dates, the status
 * (with the place on the waiting list), the tests' results and the certificate to download.
 */
export function MyTrainingsTab() {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const testResult = useTestResultText();
  const query = useMyTrainings();
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton height={160} />;
  if (query.data.items.length === 0) return <Text>{t('trainings.mine.empty')}</Text>;
  return (
    <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {query.data.items.map((r) => (
        <Card key={r.id} component="li" withBorder padding="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/szkolenia/zapisy/${r.id}`}>
                    {r.training.title}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed">
                  {labels.label('forms', r.training.form)} ·{' '}
                  {t('trainings.hoursValue', { hours: formatHours(r.training.hours) })}
                </Text>
              </div>
              <StatusWithPlace registration={r} />
            </Group>
            <Facts
              cols={3}
              items={[
                [
                  t('trainings.edition.one'),
                  `${r.edition.name}, ${formatPeriod(r.edition.startsOn, r.edition.endsOn)}`,
                ],
                [t('trainings.test.pre'), testResult(r.preTest, false)],
                [t('trainings.test.final'), testResult(r.finalTest)],
              ]}
            />
            <CertificateInfo registrationId={r.id} certificate={r.certificate} />
            <Anchor component={Link} to={`/szkolenia/zapisy/${r.id}`} size="sm">
              {t('trainings.mine.open', { title: r.training.title })}
            </Anchor>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
