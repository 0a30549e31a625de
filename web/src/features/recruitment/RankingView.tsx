import type { Ranking, RankingApproved, RankingEntry } from '@kooperacja/domain';
import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime } from '../../lib/format';
import { useRecruitmentLabels } from './labels';
import { approveRanking, fetchRanking, rankingExportUrl, recruitmentKeys } from './recruitmentApi';

function Rows({ entries, projectId }: { entries: RankingEntry[]; projectId: string }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <>
      {entries.map((e) => (
        <Table.Tr key={e.applicationId}>
          <Table.Td>{e.position ?? '—'}</Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/projekty/${projectId}/zgloszenia/${e.applicationId}`}>
              {e.number}
            </Anchor>
          </Table.Td>
          <Table.Td>
            {e.firstName} {e.lastName}
          </Table.Td>
          <Table.Td>
            {e.score}
            {e.tied && (
              <Text size="xs" c="dimmed">
                {t('recruitment.ranking.tied')}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{formatDateTime(e.submittedAt)}</Table.Td>
          <Table.Td>
            {labels.label('statuses', e.status)}
            {e.missingDocuments > 0 && (
              <Text size="xs">{t('recruitment.ranking.missingDocuments', { n: e.missingDocuments })}</Text>
            )}
          </Table.Td>
          <Table.Td>{t(`recruitment.ranking.place.${e.place}`)}</Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

/** A full-width row of the table that marks where a list ends (in words, not only by a line). */
function CutLine({ children }: { children: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={7} style={{ borderTop: '3px double var(--mantine-color-dark-4)' }}>
        <Text size="sm" fw={700} ta="center">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The ranking of one cohort: the list with its cut line after the places, the reserve list, and
 * everybody else with the reason (beyond the reserve, not meeting the criteria, not checked,
 * rejected or withdrawn). A coordinator approves what they see: the approval sends the list's
 * digest, and a list that changed meanwhile is refused (409) and shown again.
 */
export function RankingView({
  projectId,
  callId,
  cohortId,
}: {
  projectId: string;
  callId: string;
  cohortId: string;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const queryClient = useQueryClient();
  const key = recruitmentKeys.ranking(projectId, callId, cohortId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchRanking(projectId, callId, cohortId, signal),
  });
  const [approved, setApproved] = useState<RankingApproved | null>(null);
  const approve = useMutation({
    mutationFn: (r: Ranking) =>
      approveRanking(projectId, callId, cohortId, { digest: r.digest, version: r.version }),
    onSuccess: (result) => {
      setApproved(result);
      void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(projectId) });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const r = query.data;
  const titleId = `ranking-${cohortId}`;
  return (
    <SectionCard
      titleId={titleId}
      title={
        r ? t('recruitment.ranking.title', { cohort: r.cohortName }) : t('recruitment.ranking.titleShort')
      }
      description={
        r
          ? t('recruitment.ranking.lead', {
              places: r.places,
              reserve: r.reservePlaces,
              rule: labels.label('tieBreaks', r.tieBreak),
            })
          : undefined
      }
      query={{ ...query, skeletonHeight: 160 }}
    >
      {r && (
        <Stack>
          {r.unchecked > 0 && (
            <Alert color="yellow" variant="light">
              {t('recruitment.ranking.unchecked', { n: r.unchecked })}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={760} type="native">
            <Table striped>
              <Table.Caption>{t('recruitment.ranking.caption', { cohort: r.cohortName })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('recruitment.ranking.position')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.applications.number')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.applications.name')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.ranking.points')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.applications.submittedAt')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.applications.status')}</Table.Th>
                  <Table.Th scope="col">{t('recruitment.ranking.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Rows entries={r.ranking} projectId={projectId} />
                <CutLine>{t('recruitment.ranking.cutLine', { places: r.places })}</CutLine>
                <Rows entries={r.reserve} projectId={projectId} />
                {r.reservePlaces > 0 && <CutLine>{t('recruitment.ranking.reserveEnd')}</CutLine>}
                <Rows entries={r.rest} projectId={projectId} />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {r.ranking.length + r.reserve.length + r.rest.length === 0 && (
            <Text>{t('recruitment.ranking.empty')}</Text>
          )}
          <Group gap="xs">
            <Anchor href={rankingExportUrl(projectId, callId, cohortId, 'pdf')} download>
              {t('recruitment.ranking.pdf')}
            </Anchor>
            <Text span aria-hidden>
              ·
            </Text>
            <Anchor href={rankingExportUrl(projectId, callId, cohortId, 'xlsx')} download>
              {t('recruitment.ranking.xlsx')}
            </Anchor>
            <Text span aria-hidden>
              ·
            </Text>
            <Anchor href={rankingExportUrl(projectId, callId, cohortId, 'pdf', true)} download>
              {t('recruitment.ranking.pdfAnonymous')}
            </Anchor>
          </Group>
          {approve.error ? <ProblemAlert error={approve.error} /> : null}
          {approved && (
            <Alert color="green" variant="light" role="status">
              {t('recruitment.ranking.approved', {
                qualified: approved.qualified,
                reserve: approved.reserve,
                rejected: approved.rejected,
                notified: approved.notified,
              })}
            </Alert>
          )}
          {r.abilities.manage && (
            <Group>
              <Button
                onClick={() => {
                  setApproved(null);
                  if (
                    window.confirm(
                      t('recruitment.ranking.confirm', {
                        places: r.ranking.length,
                        reserve: r.reserve.length,
                      }),
                    )
                  )
                    approve.mutate(r);
                }}
                loading={approve.isPending}
                disabled={r.unchecked > 0}
              >
                {t('recruitment.ranking.approve')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('recruitment.ranking.approveHint')}
              </Text>
            </Group>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
