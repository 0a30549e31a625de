import type { Case, Plan } from '@kooperacja/domain';
import { Box, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import { StatusBadge } from '../../../admin/StatusBadge';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { planPdfUrl } from '../caseApi';
import { isPastDay } from '../dates';
import { Facts } from '../Facts';
import { goalProgress, planProgress } from '../planProgress';
import { ActionStatusDialog } from './ActionStatusDialog';
import { PlanVersionsDialog } from './PlanVersionsDialog';
import { SignedScan } from './SignedScan';

export const planName = (labels: ReturnType<typeof useCaseLabels>, plan: Pick<Plan, 'type' | 'title'>) => {
  const type = labels.label('planTypes', plan.type);
  return plan.title ? `${type}: ${plan.title}` : type;
};

/**
 * A plan, read-only: period, reviews, signatures, the assessment, goals with their actions (overdue
 * ones marked), a quick status change per action, the PDF, the signed scan and the version history.
 */
export function PlanView({ caseData, plan, onEdit }: { caseData: Case; plan: Plan; onEdit: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [actionId, setActionId] = useState<string | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const isContract = plan.type === 'kontrakt_socjalny';
  const progress = planProgress(plan);
  const action = plan.goals.flatMap((g) => g.actions).find((a) => a.id === actionId) ?? null;
  const canChange = plan.abilities.update && caseData.status !== 'zamknieta';
  const signed = (d: string | null) => (d ? formatDate(d) : t('cases.plan.notSigned'));

  return (
    <Stack gap="md" component="article" aria-labelledby={`plan-${plan.id}-title`}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={3} size="h4" id={`plan-${plan.id}-title`}>
          {planName(labels, plan)}
        </Title>
        <StatusBadge tone={plan.status === 'aktywny' ? 'success' : 'neutral'}>
          {labels.label('planStatuses', plan.status)}
        </StatusBadge>
      </Group>

      <Facts
        items={[
          ...(isContract
            ? [
                {
                  key: 'variant',
                  label: t('cases.plan.fields.variant'),
                  value: labels.label('contractVariants', plan.variant),
                },
              ]
            : []),
          {
            key: 'period',
            label: t('cases.plan.fields.period'),
            value: `${formatDate(plan.startDate)} – ${formatDate(plan.endDate)}`,
          },
          {
            key: 'reviews',
            label: t('cases.plan.fields.reviewDates'),
            value: plan.reviewDates.length
              ? plan.reviewDates
                  .map((d) => `${formatDate(d)}${isPastDay(d) ? ` (${t('cases.plan.past')})` : ''}`)
                  .join(', ')
              : t('cases.page.none'),
          },
          { key: 'worker', label: t('cases.plan.fields.workerSignedOn'), value: signed(plan.workerSignedOn) },
          { key: 'client', label: t('cases.plan.fields.clientSignedOn'), value: signed(plan.clientSignedOn) },
          {
            key: 'progress',
            label: t('cases.plan.progress'),
            value: t('cases.page.now.actionsDone', { done: progress.done, all: progress.all }),
          },
        ]}
      />

      <Group gap="sm" wrap="wrap">
        {canChange && <Button onClick={onEdit}>{t('cases.plan.edit')}</Button>}
        <Button component="a" href={planPdfUrl(caseData.id, plan.id)} variant="default" download>
          {isContract ? t('cases.plan.pdfContract') : t('cases.plan.pdf')}
        </Button>
        <Button variant="default" onClick={() => setVersionsOpen(true)}>
          {t('cases.plan.versions.open')}
        </Button>
      </Group>

      {plan.assessment && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            {t('cases.plan.fields.assessment')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {plan.assessment}
          </Text>
        </Stack>
      )}

      <Title order={4} size="h5">
        {t('cases.plan.goalsAndActions')}
      </Title>
      <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
        {plan.goals.map((g, i) => {
          const gp = goalProgress(g);
          return (
            <Box component="li" key={g.id}>
              <Stack gap={6}>
                <Title order={5} size="h6">
                  {t('cases.plan.goalN', { n: i + 1 })}: {g.description}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('cases.page.now.goalDone', { done: gp.done, all: gp.all })}
                </Text>
                {g.actions.length === 0 ? (
                  <Text size="sm">{t('cases.plan.noActions')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={640}>
                    <Table verticalSpacing="xs" withTableBorder>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('cases.plan.fields.actionDescription')}</Table.Th>
                          <Table.Th scope="col">{t('cases.plan.fields.responsible')}</Table.Th>
                          <Table.Th scope="col">{t('cases.plan.fields.deadline')}</Table.Th>
                          <Table.Th scope="col">{t('cases.plan.fields.actionStatus')}</Table.Th>
                          {canChange && (
                            <Table.Th scope="col">
                              <VisuallyHidden>{t('cases.plan.status.column')}</VisuallyHidden>
                            </Table.Th>
                          )}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {g.actions.map((a) => (
                          <Table.Tr
                            key={a.id}
                            data-overdue={a.overdue || undefined}
                            style={a.overdue ? { boxShadow: 'inset 4px 0 0 #b3261e' } : undefined}
                          >
                            <Table.Td>{a.description}</Table.Td>
                            <Table.Td>
                              {a.party === 'klient'
                                ? labels.label('actionParties', 'klient')
                                : (a.responsibleInstitution?.name ?? '')}
                              {a.responsiblePerson ? ` — ${a.responsiblePerson}` : ''}
                            </Table.Td>
                            <Table.Td>
                              <Stack gap={2} align="flex-start">
                                <Text
                                  size="sm"
                                  c={a.overdue ? '#b3261e' : undefined}
                                  fw={a.overdue ? 700 : undefined}
                                >
                                  {formatDate(a.deadline) || '—'}
                                </Text>
                                {a.overdue && (
                                  <StatusBadge tone="danger">{t('cases.tasks.overdueBadge')}</StatusBadge>
                                )}
                              </Stack>
                            </Table.Td>
                            <Table.Td>
                              {labels.label('actionStatuses', a.status)}
                              {a.completedOn ? ` (${formatDate(a.completedOn)})` : ''}
                            </Table.Td>
                            {canChange && (
                              <Table.Td>
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  aria-label={t('cases.plan.status.changeFor', { action: a.description })}
                                  onClick={() => setActionId(a.id)}
                                >
                                  {t('cases.plan.status.change')}
                                </Button>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            </Box>
          );
        })}
      </Stack>

      <Stack gap={4}>
        <Title order={4} size="h5">
          {t('cases.plan.scan.title')}
        </Title>
        <SignedScan caseId={caseData.id} plan={plan} />
      </Stack>

      {action && (
        <ActionStatusDialog
          caseId={caseData.id}
          plan={plan}
          action={action}
          onClose={() => setActionId(null)}
        />
      )}
      {versionsOpen && (
        <PlanVersionsDialog caseId={caseData.id} planId={plan.id} onClose={() => setVersionsOpen(false)} />
      )}
    </Stack>
  );
}
