import type { Person } from '@kooperacja/domain';
import { Alert, Button, Group, Modal, Radio, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useCaseLabels } from '../cases/shared/casesDictionaries';
import { PageBreadcrumbs } from './PageBreadcrumbs';
import { PersonSelect } from './PersonSelect';
import { displayPersonValue } from './personDisplay';
import { comparable, PERSON_FIELDS, personValuesOf } from './personForm';
import { useMergePersons } from './useMergePersons';
import { usePerson } from './usePerson';

const nameOf = (p: Person) => `${p.firstName} ${p.lastName}`;

/** Both records side by side, field by field; rows that differ are marked in words. */
function MergeComparison({ a, b }: { a: Person; b: Person }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const va = comparable(personValuesOf(a));
  const vb = comparable(personValuesOf(b));
  const extra: [string, string, string][] = [
    [t('persons.merge.createdAt'), formatDateTime(a.createdAt), formatDateTime(b.createdAt)],
    [t('persons.merge.households'), String(a.households.length), String(b.households.length)],
    [t('persons.merge.cases'), String(a.cases.length), String(b.cases.length)],
  ];
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder verticalSpacing="xs" data-testid="merge-table">
        <caption>{t('persons.merge.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('persons.conflict.field')}</Table.Th>
            <Table.Th scope="col">{t('persons.merge.recordA', { name: nameOf(a) })}</Table.Th>
            <Table.Th scope="col">{t('persons.merge.recordB', { name: nameOf(b) })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PERSON_FIELDS.map((f) => {
            const differs = va[f] !== vb[f];
            return (
              <Table.Tr key={f} bg={differs ? 'yellow.0' : undefined}>
                <Table.Th scope="row">
                  {t(`persons.fields.${f}`)}
                  {differs && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('persons.merge.differs')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{displayPersonValue(t, labels.label, f, va[f], a.unitName)}</Table.Td>
                <Table.Td>{displayPersonValue(t, labels.label, f, vb[f], b.unitName)}</Table.Td>
              </Table.Tr>
            );
          })}
          {extra.map(([label, x, y]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{x}</Table.Td>
              <Table.Td>{y}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * `/osoby/:id/scal` (supervisors): find the duplicate of this record, compare the two side by side,
 * choose which one stays and confirm. The other one's links move to the one that stays.
 */
export function PersonMergePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const first = usePerson(id);
  const [otherId, setOtherId] = useState<string | null>(null);
  const second = usePerson(otherId);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [confirmOpen, confirm] = useDisclosure(false);
  const merge = useMergePersons();
  const title = t('persons.merge.title');

  const crumbs = [
    { label: t('persons.search.title'), to: '/osoby' },
    ...(first.data ? [{ label: nameOf(first.data), to: `/osoby/${id}` }] : []),
    { label: title },
  ];

  if (first.isPending) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={crumbs} />
        <PageTitle>{title}</PageTitle>
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (first.error || !first.data) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={crumbs} />
        <PageTitle>{title}</PageTitle>
        <ProblemAlert error={first.error} onRetry={() => void first.refetch()} />
      </Stack>
    );
  }
  const a = first.data;
  if (!a.abilities.merge) {
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={crumbs} />
        <PageTitle>{title}</PageTitle>
        <Alert color="gray">{t('persons.merge.notAllowed')}</Alert>
      </Stack>
    );
  }
  const b = otherId && second.data?.id === otherId ? second.data : undefined;
  const peselConflict = Boolean(b && a.pesel && b.pesel && a.pesel !== b.pesel);
  const kept = keep === 'a' ? a : b;
  const merged = keep === 'a' ? b : a;

  const doMerge = () => {
    if (!kept || !merged) return;
    merge.mutate(
      { keepId: kept.id, mergeId: merged.id, keepVersion: kept.version, mergeVersion: merged.version },
      {
        onSuccess: (result) => {
          confirm.close();
          notifications.show({ color: 'green', message: t('persons.merge.done', { name: nameOf(result) }) });
          navigate(`/osoby/${result.id}`);
        },
        onError: () => confirm.close(),
      },
    );
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageBreadcrumbs items={crumbs} />
        <PageTitle>{title}</PageTitle>
        <Text maw={820}>{t('persons.merge.lead', { name: nameOf(a) })}</Text>
      </Stack>

      <SectionCard titleId="merge-find" title={t('persons.merge.findTitle')}>
        <PersonSelect
          label={t('persons.merge.find')}
          description={t('persons.merge.findHint')}
          value={otherId}
          exclude={[a.id]}
          onChange={(pid) => {
            setOtherId(pid);
            setKeep('a');
            merge.reset();
          }}
          maw={640}
        />
      </SectionCard>

      {otherId && second.isPending && <Skeleton height={320} />}
      {otherId && second.error ? (
        <ProblemAlert error={second.error} onRetry={() => void second.refetch()} />
      ) : null}

      {b && (
        <SectionCard titleId="merge-compare" title={t('persons.merge.compareTitle')}>
          <MergeComparison a={a} b={b} />
          {peselConflict && (
            <Alert color="red" variant="light" title={t('persons.merge.peselConflictTitle')}>
              {t('persons.merge.peselConflict')}
            </Alert>
          )}
          <Radio.Group
            label={t('persons.merge.keep')}
            description={t('persons.merge.keepHint')}
            value={keep}
            onChange={(v) => setKeep(v === 'b' ? 'b' : 'a')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="a"
                label={t('persons.merge.keepOption', { name: nameOf(a), date: formatDateTime(a.createdAt) })}
              />
              <Radio
                value="b"
                label={t('persons.merge.keepOption', { name: nameOf(b), date: formatDateTime(b.createdAt) })}
              />
            </Stack>
          </Radio.Group>
          {merge.error ? <ProblemAlert error={merge.error} /> : null}
          <Group>
            <Button color="red" onClick={confirm.open} disabled={peselConflict}>
              {t('persons.merge.submit')}
            </Button>
          </Group>
        </SectionCard>
      )}

      <Modal opened={confirmOpen} onClose={confirm.close} title={t('persons.merge.confirmTitle')} centered>
        <Stack>
          <Text size="sm">
            {kept && merged
              ? t('persons.merge.confirmText', { kept: nameOf(kept), merged: nameOf(merged) })
              : null}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} disabled={merge.isPending}>
              {t('persons.form.cancel')}
            </Button>
            <Button color="red" onClick={doMerge} loading={merge.isPending}>
              {t('persons.merge.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
