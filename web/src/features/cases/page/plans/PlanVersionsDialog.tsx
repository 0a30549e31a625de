import { Button, List, Modal, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { useCaseLabels } from '../../shared/casesDictionaries';
import type { PlanVersion } from '../caseApi';
import { usePlanVersions } from './usePlanVersions';

type Snapshot = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const arr = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Snapshot) : {});

/** A stored snapshot of the plan, read-only (whatever of the plan's fields it holds). */
function SnapshotView({ snapshot: raw }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  // A snapshot may hold the plan itself or wrap it (`{ plan: … }`).
  const snapshot = obj(raw.plan).goals ? obj(raw.plan) : raw;
  const labels = useCaseLabels();
  const goals = arr(snapshot.goals).map(obj);
  const facts: [string, string | null][] = [
    [t('cases.plan.fields.type'), str(snapshot.type) && labels.label('planTypes', str(snapshot.type))],
    [
      t('cases.plan.fields.variant'),
      str(snapshot.variant) && labels.label('contractVariants', str(snapshot.variant)),
    ],
    [t('cases.plan.fields.title'), str(snapshot.title)],
    [
      t('cases.plan.fields.status'),
      str(snapshot.status) && labels.label('planStatuses', str(snapshot.status)),
    ],
    [
      t('cases.plan.fields.period'),
      str(snapshot.startDate)
        ? `${formatDate(str(snapshot.startDate))} – ${formatDate(str(snapshot.endDate))}`
        : null,
    ],
    [t('cases.plan.fields.assessment'), str(snapshot.assessment)],
  ];
  return (
    <Stack gap="xs">
      {facts
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <Text key={label} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
      {goals.length > 0 && (
        <>
          <Title order={4} size="h6">
            {t('cases.plan.fields.goals')}
          </Title>
          <List type="ordered" size="sm" spacing={4}>
            {goals.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's goals are fixed and ordered
              <List.Item key={i}>
                {str(g.description)}
                {arr(g.actions).length > 0 && (
                  <List size="sm" withPadding>
                    {arr(g.actions)
                      .map(obj)
                      .map((a, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <List.Item key={j}>
                          {str(a.description)}
                          {str(obj(a.responsibleInstitution).name)
                            ? ` (${str(obj(a.responsibleInstitution).name)})`
                            : ''}
                          {str(a.status) ? ` — ${labels.label('actionStatuses', str(a.status))}` : ''}
                          {str(a.deadline) ? `, ${formatDate(str(a.deadline))}` : ''}
                        </List.Item>
                      ))}
                  </List>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** Who changed the plan and when; any version can be opened read-only. */
export function PlanVersionsDialog({
  caseId,
  planId,
  onClose,
}: {
  caseId: string;
  planId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = usePlanVersions(caseId, planId);
  const [open, setOpen] = useState<PlanVersion | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Modal opened onClose={onClose} size="xl" title={t('cases.plan.versions.title')}>
      <Stack gap="md">
        {query.isPending && <Skeleton height={120} />}
        {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && items.length === 0 && <Text size="sm">{t('cases.plan.versions.none')}</Text>}
        {items.length > 0 && (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.plan.versions.version')}</Table.Th>
                <Table.Th scope="col">{t('cases.plan.versions.at')}</Table.Th>
                <Table.Th scope="col">{t('cases.plan.versions.author')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('cases.plan.versions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>{formatDateTime(v.at)}</Table.Td>
                  <Table.Td>{v.author.name}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-pressed={open?.version === v.version}
                      onClick={() => setOpen(open?.version === v.version ? null : v)}
                    >
                      {t('cases.plan.versions.show', { version: v.version })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open && (
          <Stack gap="xs" component="section" aria-labelledby="plan-version-open">
            <Title order={3} size="h5" id="plan-version-open">
              {t('cases.plan.versions.openTitle', { version: open.version, date: formatDateTime(open.at) })}
            </Title>
            <SnapshotView snapshot={open.snapshot} />
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
