import type { EditionOut, Training } from '@kooperacja/domain';
import { Anchor, Badge, Button, Card, Group, List, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatNumber } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { Facts, formatPeriod, Paragraphs, useEditionWhere } from './common';
import { EditionsTab } from './EditionsTab';
import { useTraining } from './hooks';
import { LessonsTab } from './LessonsTab';
import { formatHours, useTrainingLabels } from './labels';
import { QuestionsTab } from './QuestionsTab';
import { RegisterDialog, type RegisterMode } from './RegisterDialog';
import { StatsTab } from './StatsTab';
import { TrainingForm } from './TrainingForm';

const tabs = ['opis', 'edycje', 'pytania', 'lekcje', 'statystyki'] as const;
type Tab = (typeof tabs)[number];

function TrainingFacts({ training }: { training: Training }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  return (
    <SectionCard titleId="training-facts" title={t('trainings.page.about')}>
      {training.description ? <Paragraphs text={training.description} /> : null}
      <Facts
        items={[
          [t('trainings.fields.form'), labels.label('forms', training.form)],
          [t('trainings.fields.topic'), training.topic],
          [t('trainings.fields.hours'), t('trainings.hoursValue', { hours: formatHours(training.hours) })],
          [t('trainings.fields.organiser'), training.organiser.name],
          [
            t('trainings.fields.targetStaff'),
            training.targetStaff.map((s) => labels.label('targetStaff', s)).join(', '),
          ],
          [t('trainings.fields.trainers'), training.trainers.join(', ')],
          [
            t('trainings.fields.projectId'),
            training.project
              ? `${training.project.number} — ${training.project.title}`
              : t('trainings.form.ownFunds'),
          ],
          [
            t('trainings.page.certificate'),
            !training.issuesCertificate
              ? t('trainings.page.noCertificate')
              : training.form === 'e_learning'
                ? t('trainings.page.certificateRulesLessons', { threshold: training.passThreshold })
                : training.minAttendancePercent === 0
                  ? t('trainings.page.certificateRulesTest', { threshold: training.passThreshold })
                  : t('trainings.page.certificateRules', {
                      threshold: training.passThreshold,
                      attendance: training.minAttendancePercent,
                    }),
          ],
        ]}
      />
    </SectionCard>
  );
}

/** One edition for a learner: dates, mode, place, sessions, free places and the buttons to register. */
function EditionCard({
  training,
  edition,
  canApprove,
  onRegister,
}: {
  training: Training;
  edition: EditionOut;
  canApprove: boolean;
  onRegister: (mode: RegisterMode) => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const where = useEditionWhere();
  const free = Math.max(0, edition.capacity - edition.confirmed);
  const titleId = `edition-${edition.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={titleId}>
              {edition.name}
            </Title>
            <Text size="sm">{formatPeriod(edition.startsOn, edition.endsOn)}</Text>
          </div>
          {edition.status === 'odwolana' ? (
            <Badge color="red" variant="light" tt="none">
              {labels.label('editionStatuses', edition.status)}
            </Badge>
          ) : edition.registrationOpen ? (
            <Badge color="green" variant="light" tt="none">
              {t('trainings.edition.open')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" tt="none">
              {t('trainings.edition.closed')}
            </Badge>
          )}
        </Group>
        <Facts
          cols={3}
          items={[
            [t('trainings.edition.mode'), where(edition)],
            [
              t('trainings.edition.onlineUrl'),
              edition.onlineUrl ? (
                <Anchor
                  key="url"
                  href={edition.onlineUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {edition.onlineUrl}
                </Anchor>
              ) : null,
            ],
            [
              t('trainings.edition.freePlaces'),
              t('trainings.edition.freeOf', {
                free: formatNumber(free),
                capacity: formatNumber(edition.capacity),
              }),
            ],
            [t('trainings.edition.waiting'), formatNumber(edition.waiting)],
            [
              t('trainings.edition.registrationClosesOn'),
              edition.registrationClosesOn
                ? formatDate(edition.registrationClosesOn)
                : edition.sessions.length === 0
                  ? t('trainings.edition.closesDefaultLastDay')
                  : t('trainings.edition.closesDefault'),
            ],
            [
              t('trainings.edition.requiresApproval'),
              edition.requiresApproval ? t('trainings.yes') : t('trainings.no'),
            ],
          ]}
        />
        {edition.sessions.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('trainings.edition.sessions')}
            </Text>
            <List size="sm">
              {edition.sessions.map((s) => (
                <List.Item key={s.id}>
                  {formatDate(s.on)}, {s.startsAt}–{s.endsAt}
                  {s.topic ? ` — ${s.topic}` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm">{t('trainings.edition.noSessions')}</Text>
        )}
        {edition.registrationOpen && (
          <Group gap="xs">
            {free === 0 && <Text size="sm">{t('trainings.edition.fullWaitingList')}</Text>}
            <Button
              onClick={() => onRegister('self')}
              aria-label={t('trainings.edition.registerFor', { name: edition.name })}
            >
              {t('trainings.edition.register')}
            </Button>
            {canApprove && (
              <Button
                variant="default"
                onClick={() => onRegister('employee')}
                aria-label={t('trainings.edition.registerEmployeeFor', { name: edition.name })}
              >
                {t('trainings.edition.registerEmployee')}
              </Button>
            )}
          </Group>
        )}
        {training.abilities.manage && (
          <Anchor component={Link} to={`/szkolenia/${training.id}/edycje/${edition.id}`} size="sm">
            {t('trainings.edition.manageLink', { name: edition.name })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

function Overview({ training }: { training: Training }) {
  const { t } = useTranslation();
  const canApprove = useCan('trainings.approve');
  const [registering, setRegistering] = useState<{ edition: EditionOut; mode: RegisterMode } | null>(null);
  const editions = training.editions.filter((e) => e.status !== 'odwolana' || training.abilities.manage);
  return (
    <Stack gap="lg">
      <TrainingFacts training={training} />
      <SectionCard titleId="training-editions" title={t('trainings.page.editions')}>
        {editions.length === 0 ? (
          <Text size="sm">{t('trainings.page.noEditions')}</Text>
        ) : (
          editions.map((e) => (
            <EditionCard
              key={e.id}
              training={training}
              edition={e}
              canApprove={canApprove}
              onRegister={(mode) => setRegistering({ edition: e, mode })}
            />
          ))
        )}
      </SectionCard>
      {registering && (
        <RegisterDialog
          trainingId={training.id}
          trainingTitle={training.title}
          edition={registering.edition}
          mode={registering.mode}
          onClose={() => setRegistering(null)}
        />
      )}
    </Stack>
  );
}

/**
 * `/szkolenia/:trainingId`: the training — what it is, its editions with dates, mode, place,
 * sessions and free places, with „Zapisz się” (and for a head „Zgłoś pracownika”). Its organiser
 * also edits it here and has the tabs of editions, the test's question bank, the lessons and the
 * statistics (`?karta=`).
 */
export function TrainingPage() {
  const { trainingId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const query = useTraining(trainingId);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const training = query.data;
  const back = (
    <Anchor component={Link} to="/szkolenia" size="sm">
      ← {t('trainings.back')}
    </Anchor>
  );
  if (query.error)
    return (
      <Stack gap="lg">
        {back}
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!training)
    return (
      <Stack gap="lg" aria-busy="true">
        {back}
        <Skeleton height={36} width="50%" />
        <Skeleton height={160} />
        <Text size="sm" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    );
  const manage = training.abilities.manage;
  const requested = params.get('karta') ?? '';
  const tab: Tab = manage && (tabs as readonly string[]).includes(requested) ? (requested as Tab) : 'opis';
  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle>{training.title}</PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light" tt="none">
              {labels.label('forms', training.form)}
            </Badge>
            {training.status !== 'opublikowane' && (
              <Badge variant="outline" color="gray.8" tt="none">
                {labels.label('statuses', training.status)}
              </Badge>
            )}
            <Text size="sm">{t('trainings.hoursValue', { hours: formatHours(training.hours) })}</Text>
          </Group>
        </div>
        {manage && !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('trainings.page.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <TrainingForm
          key={training.version}
          training={training}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : manage ? (
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== 'opis' ? { karta: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="opis">{t('trainings.page.tabs.about')}</Tabs.Tab>
            <Tabs.Tab value="edycje">{t('trainings.page.tabs.editions')}</Tabs.Tab>
            <Tabs.Tab value="pytania">{t('trainings.page.tabs.questions')}</Tabs.Tab>
            <Tabs.Tab value="lekcje">{t('trainings.page.tabs.lessons')}</Tabs.Tab>
            <Tabs.Tab value="statystyki">{t('trainings.page.tabs.stats')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="opis" pt="md">
            <Overview training={training} />
          </Tabs.Panel>
          <Tabs.Panel value="edycje" pt="md">
            <EditionsTab training={training} />
          </Tabs.Panel>
          <Tabs.Panel value="pytania" pt="md">
            <QuestionsTab training={training} />
          </Tabs.Panel>
          <Tabs.Panel value="lekcje" pt="md">
            <LessonsTab training={training} />
          </Tabs.Panel>
          <Tabs.Panel value="statystyki" pt="md">
            <StatsTab />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Overview training={training} />
      )}
    </Stack>
  );
}
