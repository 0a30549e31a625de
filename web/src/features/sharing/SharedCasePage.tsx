import type { SharedCase } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { Facts } from '../cases/page/Facts';
import { formErrorsOf } from '../cases/page/formErrors';
import { useSharedCase } from './hooks';
import { useSharingLabels } from './labels';
import { MessageThread } from './MessageThread';
import { ScopeChips } from './ScopeChips';
import { addPartnerNote, completeSharedAction, sharingKeys } from './sharingApi';
import { TeamMeetingsSection } from './TeamMeetingsSection';

/**
 * `/wspolpraca/:caseId`: a case as a partner institution sees it — exactly the parts of the shared
 * scopes (the server leaves the others out), the team, the team meetings my institution attends, my
 * institution's notes and the team thread.
 */
export function SharedCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const query = useSharedCase(caseId);
  const crumbs = (
    <nav aria-label={t('sharing.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6}>
        <Anchor component={Link} to="/wspolpraca" size="sm">
          {t('sharing.shared.listTitle')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {query.data?.number ?? '…'}
        </Text>
      </Breadcrumbs>
    </nav>
  );
  if (query.isPending)
    return (
      <Stack gap="lg">
        {crumbs}
        <PageTitle>{t('sharing.shared.loading')}</PageTitle>
        <Skeleton height={240} />
      </Stack>
    );
  if (query.error || !query.data) {
    const gone = isApiError(query.error) && query.error.status === 404;
    return (
      <Stack gap="lg">
        {crumbs}
        <PageTitle>{gone ? t('sharing.shared.goneTitle') : t('sharing.shared.loading')}</PageTitle>
        {gone ? (
          <Alert color="gray" variant="light" role="status" data-testid="shared-case-gone">
            <Stack gap="xs">
              <Text>{t('sharing.shared.gone')}</Text>
              <Anchor component={Link} to="/wspolpraca">
                {t('sharing.shared.backToList')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  const c = query.data;
  return (
    <Stack gap="lg" data-testid="shared-case">
      {crumbs}
      <PageTitle documentTitle={t('sharing.shared.documentTitle', { number: c.number })}>
        {t('sharing.shared.title', { number: c.number, subject: c.subject.name })}
      </PageTitle>
      <Group gap="xs">
        <Text size="sm">{t('sharing.shared.scopesNow')}</Text>
        <ScopeChips scopes={c.scopes} />
      </Group>
      <SubjectSection c={c} />
      {c.plans && <PlansSection c={c} />}
      {c.diagnosis && <DiagnosisSection diagnosis={c.diagnosis} />}
      {c.health && <HealthSection health={c.health} />}
      <TeamList c={c} />
      <TeamMeetingsSection caseId={c.id} side="partner" headingId="shared-meetings" />
      <NotesSection c={c} />
      {c.via.some((v) => v.kind === 'team') && (
        <Card withBorder padding="lg">
          <MessageThread
            caseId={c.id}
            headingId="shared-thread"
            headingOrder={2}
            title={t('sharing.messages.teamTitle')}
          />
        </Card>
      )}
    </Stack>
  );
}

function SubjectSection({ c }: { c: SharedCase }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const items = [
    { key: 'name', label: t('sharing.shared.subject'), value: c.subject.name },
    { key: 'address', label: t('sharing.shared.address'), value: c.subject.address ?? '—' },
    { key: 'phone', label: t('sharing.shared.phone'), value: c.subject.phone ?? '—' },
    { key: 'owner', label: t('sharing.shared.owner'), value: c.owner.name },
    {
      key: 'lead',
      label: t('sharing.shared.leadWorker'),
      value: [c.leadWorker.name, c.leadWorker.email].filter(Boolean).join(' · '),
    },
    {
      key: 'via',
      label: t('sharing.shared.via'),
      value: c.via
        .map((v) =>
          v.until
            ? t('sharing.shared.viaUntil', {
                kind: t(`sharing.shared.viaKinds.${v.kind}`),
                date: formatDate(v.until),
              })
            : t(`sharing.shared.viaKinds.${v.kind}`),
        )
        .join(', '),
    },
  ];
  return (
    <SectionCard titleId="shared-subject" title={t('sharing.shared.subjectTitle')}>
      <Facts items={items} />
      {c.subject.members.length > 0 && (
        <List size="sm" aria-label={t('sharing.shared.members')}>
          {c.subject.members.map((m) => (
            <List.Item key={`${m.name}-${m.birthDate ?? ''}`}>
              {m.name}
              {m.relation ? ` — ${labels.label('relations', m.relation)}` : ''}
              {m.birthDate ? `, ${t('sharing.shared.born', { date: formatDate(m.birthDate) })}` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}

function PlansSection({ c }: { c: SharedCase }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const queryClient = useQueryClient();
  const complete = useMutation({
    mutationFn: (actionId: string) => completeSharedAction(c.id, actionId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sharingKeys.shared(c.id) }),
  });
  const plans = c.plans ?? [];
  return (
    <SectionCard titleId="shared-plans" title={t('sharing.shared.plansTitle')}>
      {complete.error ? <ProblemAlert error={complete.error} /> : null}
      {plans.length === 0 && <Text size="sm">{t('sharing.shared.noPlans')}</Text>}
      {plans.map((p) => (
        <Stack key={p.id} gap="xs" component="section" aria-labelledby={`plan-${p.id}`}>
          <Title order={3} size="h5" id={`plan-${p.id}`}>
            {p.title ?? labels.label('planTypes', p.type)} · {labels.label('planStatuses', p.status)}
          </Title>
          {p.goals.map((g) => (
            <Stack key={g.id} gap={4}>
              <Text size="sm" fw={600}>
                {t('sharing.shared.goal', { goal: g.description })}
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('sharing.shared.action')}</Table.Th>
                      <Table.Th scope="col">{t('sharing.shared.responsible')}</Table.Th>
                      <Table.Th scope="col">{t('sharing.shared.deadline')}</Table.Th>
                      <Table.Th scope="col">{t('sharing.shared.actionStatus')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.actions.map((a) => (
                      <Table.Tr key={a.id} data-testid={`shared-action-${a.id}`}>
                        <Table.Td>
                          {a.description}
                          {a.ours && (
                            <Badge ml="xs" variant="light" tt="none">
                              {t('sharing.shared.ours')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{a.responsible ?? '—'}</Table.Td>
                        <Table.Td>{a.deadline ? formatDate(a.deadline) : '—'}</Table.Td>
                        <Table.Td>
                          <Stack gap={4} align="flex-start">
                            <Text size="sm">
                              {labels.label('actionStatuses', a.status)}
                              {a.completedOn ? ` (${formatDate(a.completedOn)})` : ''}
                            </Text>
                            {a.ours && a.status !== 'wykonane' && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                loading={complete.isPending && complete.variables === a.id}
                                onClick={() => complete.mutate(a.id)}
                                aria-label={t('sharing.shared.markDoneNamed', { action: a.description })}
                              >
                                {t('sharing.shared.markDone')}
                              </Button>
                            )}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ))}
        </Stack>
      ))}
    </SectionCard>
  );
}

function DiagnosisSection({ diagnosis: d }: { diagnosis: NonNullable<SharedCase['diagnosis']> }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const areas = Object.entries(d.areas).filter(([, v]) => v);
  return (
    <SectionCard
      titleId="shared-diagnosis"
      title={t('sharing.shared.diagnosisTitle')}
      description={t('sharing.shared.diagnosisMeta', { version: d.versionNo, date: formatDate(d.createdAt) })}
    >
      <Facts
        min={280}
        items={[
          ...areas.map(([k, v]) => ({ key: k, label: labels.label('diagnosisAreas', k), value: v })),
          ...(d.conclusions
            ? [{ key: 'conclusions', label: t('sharing.shared.conclusions'), value: d.conclusions }]
            : []),
        ]}
      />
    </SectionCard>
  );
}

function HealthSection({ health }: { health: NonNullable<SharedCase['health']> }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  return (
    <SectionCard
      titleId="shared-health"
      title={t('sharing.shared.healthTitle')}
      description={t('sharing.shared.healthSpecial')}
    >
      <Badge color="orange" variant="light" tt="none" data-testid="special-category">
        {t('sharing.shared.specialCategory')}
      </Badge>
      {health.length === 0 && <Text size="sm">{t('sharing.shared.noHealth')}</Text>}
      {health.map((h) => (
        <Stack key={h.name} gap={4}>
          <Text size="sm" fw={600}>
            {h.name}
          </Text>
          <Facts
            items={[
              {
                key: 'disability',
                label: t('sharing.shared.disability'),
                value: labels.label('disabilityLevels', h.disabilityLevel) || '—',
              },
              { key: 'health', label: t('sharing.shared.health'), value: h.health ?? '—' },
              { key: 'addiction', label: t('sharing.shared.addiction'), value: h.addiction ?? '—' },
            ]}
          />
        </Stack>
      ))}
    </SectionCard>
  );
}

function TeamList({ c }: { c: SharedCase }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  return (
    <SectionCard titleId="shared-team" title={t('sharing.shared.teamTitle')}>
      {c.team.length === 0 ? (
        <Text size="sm">{t('sharing.shared.noTeam')}</Text>
      ) : (
        <List size="sm">
          {c.team.map((m) => (
            <List.Item key={`${m.institution.id}-${m.role}`}>
              {m.institution.name} — {labels.label('roles', m.role)}
              {m.user ? ` (${m.user.name})` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}

function NotesSection({ c }: { c: SharedCase }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : t('sharing.form.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { body: string }) => addPartnerNote(c.id, v.body),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: sharingKeys.shared(c.id) });
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <SectionCard
      titleId="shared-notes"
      title={t('sharing.shared.notesTitle')}
      description={t('sharing.shared.notesLead')}
    >
      {c.notes.length === 0 && <Text size="sm">{t('sharing.shared.noNotes')}</Text>}
      {c.notes.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {c.notes.map((n) => (
            <Card key={n.id} component="li" withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {n.author.name} · {formatDateTime(n.at)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="xs">
          {save.error && !Object.keys(formErrorsOf(save.error)).length ? (
            <ProblemAlert error={save.error} />
          ) : null}
          <Textarea
            label={t('sharing.shared.newNote')}
            autosize
            minRows={2}
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end">
            <Button type="submit" size="sm" loading={save.isPending}>
              {t('sharing.shared.addNote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
