import type { Case } from '@kooperacja/domain';
import { Button, Card, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SectionCard } from '../../../../components/SectionCard';
import { formatDate } from '../../../../lib/format';
import { useCaseLabels } from '../../shared/casesDictionaries';
import { currentPlans, planProgress } from '../planProgress';
import { PlanEditor } from './PlanEditor';
import { PlanView, planName } from './PlanView';
import { usePlans } from './usePlans';

const NEW = 'nowy';

/**
 * The "Plany" tab: every plan of the case in a table (type, variant, period, status, signatures,
 * progress), the chosen one below — read, or in the editor. The chosen plan and the editor are in
 * the URL (`?plan=…&edycja=plan`, `?plan=nowy`).
 */
export function PlansSection({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [params, setParams] = useSearchParams();
  const query = usePlans(data.id);
  const items = query.data?.items ?? [];
  const canCreate = data.abilities.update && data.status !== 'zamknieta';
  const asked = params.get('plan');
  const creating = asked === NEW && canCreate;
  const selected = items.find((p) => p.id === asked) ?? currentPlans(items)[0] ?? items[0] ?? null;
  const editing = !creating && params.get('edycja') === 'plan' && !!selected?.abilities.update;

  const go = (plan: string | null, edit = false) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('zakladka', 'plany');
        if (plan) next.set('plan', plan);
        else next.delete('plan');
        if (edit) next.set('edycja', 'plan');
        else next.delete('edycja');
        return next;
      },
      { replace: true },
    );

  const signatures = (w: string | null, c: string | null) =>
    [
      `${t('cases.plan.workerShort')}: ${w ? formatDate(w) : t('cases.plan.notSigned')}`,
      `${t('cases.plan.clientShort')}: ${c ? formatDate(c) : t('cases.plan.notSigned')}`,
    ].join('\n');

  return (
    <>
      <SectionCard
        titleId="plans-title"
        title={t('cases.plan.title')}
        description={t('cases.plan.lead')}
        query={{
          isPending: query.isPending,
          error: query.error,
          refetch: query.refetch,
          skeletonHeight: 160,
        }}
      >
        {query.data && items.length === 0 && <Text size="sm">{t('cases.plan.none')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.plan.fields.type')}</Table.Th>
                  <Table.Th scope="col">{t('cases.plan.fields.period')}</Table.Th>
                  <Table.Th scope="col">{t('cases.plan.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('cases.plan.fields.signatures')}</Table.Th>
                  <Table.Th scope="col">{t('cases.plan.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => {
                  const isSelected = !creating && p.id === selected?.id;
                  const progress = planProgress(p);
                  const overdue = p.goals.some((g) => g.actions.some((a) => a.overdue));
                  return (
                    <Table.Tr key={p.id} bg={isSelected ? 'kooperacja.0' : undefined}>
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => go(p.id)}
                          aria-current={isSelected ? 'true' : undefined}
                          style={{ textDecoration: 'underline', color: 'var(--mantine-color-anchor)' }}
                          fz="sm"
                        >
                          {planName(labels, p)}
                        </UnstyledButton>
                        {p.variant && (
                          <Text size="xs" c="dimmed">
                            {t('cases.plan.variantShort', { variant: p.variant })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {formatDate(p.startDate)} – {formatDate(p.endDate)}
                      </Table.Td>
                      <Table.Td>{labels.label('planStatuses', p.status)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>
                        {signatures(p.workerSignedOn, p.clientSignedOn)}
                      </Table.Td>
                      <Table.Td>
                        {t('cases.plan.progressShort', { done: progress.done, all: progress.all })}
                        {overdue && (
                          <Text size="xs" c="#b3261e" fw={700}>
                            {t('cases.plan.hasOverdue')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canCreate && !creating && (
          <Group>
            <Button variant="default" onClick={() => go(NEW)}>
              {t('cases.plan.new')}
            </Button>
          </Group>
        )}
      </SectionCard>

      {query.data && (creating || selected) && (
        <Card withBorder padding="lg" mt="lg">
          {creating ? (
            <PlanEditor caseData={data} plan={null} onDone={(saved) => go(saved?.id ?? null)} />
          ) : editing && selected ? (
            <PlanEditor key={selected.id} caseData={data} plan={selected} onDone={() => go(selected.id)} />
          ) : selected ? (
            <PlanView caseData={data} plan={selected} onEdit={() => go(selected.id, true)} />
          ) : null}
        </Card>
      )}
    </>
  );
}
