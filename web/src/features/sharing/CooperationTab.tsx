import type { Case } from '@kooperacja/domain';
import { Card, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConsentsSection } from './ConsentsSection';
import { useCaseTeam } from './hooks';
import { MessageThread } from './MessageThread';
import { ReferralsSection } from './ReferralsSection';
import { TeamMeetingsSection } from './TeamMeetingsSection';
import { TeamSection } from './TeamSection';

/**
 * The case page tab "Współpraca" (`?zakladka=wspolpraca`): the case team, the person's consents,
 * referrals with their outcomes and threads, the team's meetings and messages. Owner side only.
 */
export function CooperationTab({ data }: { data: Case }) {
  const { t } = useTranslation();
  const team = useCaseTeam(data.id);
  if (team.isPending) return <Skeleton height={240} />;
  if (team.error || !team.data)
    return <ProblemAlert error={team.error} onRetry={() => void team.refetch()} />;
  return (
    <Stack gap="lg" data-testid="cooperation-tab">
      <TeamSection caseId={data.id} team={team.data} />
      <ConsentsSection data={data} team={team.data} />
      <ReferralsSection caseId={data.id} team={team.data} canWrite={data.abilities.update} />
      <TeamMeetingsSection caseId={data.id} side="owner" headingId="coop-meetings" />
      <Card withBorder padding="lg">
        <MessageThread
          caseId={data.id}
          headingId="coop-messages"
          headingOrder={2}
          title={t('sharing.messages.teamTitle')}
          readOnly={data.status === 'zamknieta'}
        />
      </Card>
    </Stack>
  );
}
