import type { Case } from '@kooperacja/domain';
import { Alert, Button, Group, Modal, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { SectionCard } from '../../../../components/SectionCard';
import { formatDateTime } from '../../../../lib/format';
import { useMe } from '../../../auth/useMe';
import { useCaseDictionaries } from '../../shared/casesDictionaries';
import { draftKey, readDraft } from '../../shared/useDraft';
import { DiagnosisForm } from './DiagnosisForm';
import { DiagnosisView } from './DiagnosisView';
import { useDiagnosisHistory } from './useDiagnosisHistory';
import { useDiagnosisVersion } from './useDiagnosisVersion';

const EDIT = 'diagnoza';

/** An earlier version of the diagnosis in a dialog, read-only. */
function VersionDialog({
  caseId,
  versionNo,
  onClose,
}: {
  caseId: string;
  versionNo: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useDiagnosisVersion(caseId, versionNo);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('cases.diagnosis.versionTitle', { version: versionNo })}
    >
      <Stack gap="sm">
        {query.isPending && <Skeleton height={240} />}
        {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && (
          <>
            <Text size="sm" c="dimmed">
              {t('cases.diagnosis.versionMeta', {
                version: query.data.versionNo,
                date: formatDateTime(query.data.createdAt),
                author: query.data.author.name,
              })}
            </Text>
            <DiagnosisView diagnosis={query.data} />
          </>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * The "Diagnoza" tab: the current version readable, "Aktualizuj diagnozę" (a new version), and the
 * history of versions, each openable read-only.
 */
export function DiagnosisSection({ data }: { data: Case }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const query = useDiagnosisHistory(data.id);
  // The labels are needed as soon as the diagnosis is there: ask for them at the same time.
  useCaseDictionaries();
  const [openVersion, setOpenVersion] = useState<number | null>(null);
  const editing = params.get('edycja') === EDIT && data.abilities.update;
  const current = query.data?.current ?? null;
  const hasDraft = !!me && !editing && readDraft(draftKey(me.user.id, 'diagnosis', data.id)) !== null;

  const setEditing = (on: boolean) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('zakladka', 'diagnoza');
        if (on) next.set('edycja', EDIT);
        else next.delete('edycja');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <SectionCard
        titleId="diagnosis-title"
        title={t('cases.diagnosis.title')}
        description={
          current
            ? t('cases.diagnosis.versionMeta', {
                version: current.versionNo,
                date: formatDateTime(current.createdAt),
                author: current.author.name,
              })
            : undefined
        }
        query={{
          isPending: query.isPending,
          error: query.error,
          refetch: query.refetch,
          skeletonHeight: 240,
        }}
      >
        {query.data && editing && (
          // Not keyed by the version: a newer version arriving after a 409 must not reset the draft.
          <DiagnosisForm caseId={data.id} current={current} onDone={() => setEditing(false)} />
        )}
        {query.data && !editing && (
          <Stack gap="md">
            {hasDraft && data.abilities.update && (
              <Alert color="blue" variant="light" role="status">
                <Group gap="sm" justify="space-between">
                  <Text size="sm">{t('cases.diagnosis.draftWaiting')}</Text>
                  <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                    {t('cases.diagnosis.backToDraft')}
                  </Button>
                </Group>
              </Alert>
            )}
            {current ? (
              <DiagnosisView diagnosis={current} />
            ) : (
              <Text size="sm">{t('cases.diagnosis.none')}</Text>
            )}
            {data.abilities.update && (
              <Group>
                <Button onClick={() => setEditing(true)}>
                  {current ? t('cases.diagnosis.update') : t('cases.diagnosis.first')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </SectionCard>

      {query.data && query.data.versions.length > 0 && (
        <SectionCard titleId="diagnosis-history" title={t('cases.diagnosis.historyTitle')}>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.diagnosis.version')}</Table.Th>
                  <Table.Th scope="col">{t('cases.diagnosis.savedAt')}</Table.Th>
                  <Table.Th scope="col">{t('cases.diagnosis.author')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('cases.diagnosis.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...query.data.versions]
                  .sort((a, b) => b.versionNo - a.versionNo)
                  .map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        {v.versionNo}
                        {v.versionNo === current?.versionNo ? ` (${t('cases.diagnosis.currentMark')})` : ''}
                      </Table.Td>
                      <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                      <Table.Td>{v.author.name}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" onClick={() => setOpenVersion(v.versionNo)}>
                          {t('cases.diagnosis.open', { version: v.versionNo })}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </SectionCard>
      )}
      {openVersion !== null && (
        <VersionDialog caseId={data.id} versionNo={openVersion} onClose={() => setOpenVersion(null)} />
      )}
    </Stack>
  );
}
