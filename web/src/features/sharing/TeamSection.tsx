import type { CaseTeam, TeamMember } from '@kooperacja/domain';
import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { FormProblem } from './FormProblem';
import { InviteForm } from './InviteForm';
import { memberStatusColor, useSharingLabels } from './labels';
import { ScopeChips } from './ScopeChips';
import { endMember, sharingKeys } from './sharingApi';

/** (a) The case team (ZZK): who works on the family, in what role, with what data, on what basis. */
export function TeamSection({ caseId, team }: { caseId: string; team: CaseTeam }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const [inviting, setInviting] = useState(false);
  const [ending, setEnding] = useState<TeamMember | null>(null);
  const basisText = (m: TeamMember) =>
    m.basis === 'przepis'
      ? labels.label('legalBases', m.legalBasis)
      : t('sharing.team.basisConsent', {
          person: team.consents.find((c) => c.id === m.consentId)?.person.name ?? '—',
        });
  return (
    <SectionCard titleId="coop-team" title={t('sharing.team.title')} description={t('sharing.team.lead')}>
      {team.canManage && (
        <Group>
          <Button onClick={() => setInviting(true)} data-testid="team-invite-open">
            {t('sharing.team.invite')}
          </Button>
        </Group>
      )}
      {team.members.length === 0 ? (
        <Text size="sm">{t('sharing.team.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-labelledby="coop-team" data-testid="team-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sharing.team.institution')}</Table.Th>
                <Table.Th scope="col">{t('sharing.team.role')}</Table.Th>
                <Table.Th scope="col">{t('sharing.team.worker')}</Table.Th>
                <Table.Th scope="col">{t('sharing.team.status')}</Table.Th>
                <Table.Th scope="col">{t('sharing.share.scopes')}</Table.Th>
                <Table.Th scope="col">{t('sharing.share.basis')}</Table.Th>
                <Table.Th scope="col">{t('sharing.team.period')}</Table.Th>
                <Table.Th scope="col">{t('sharing.team.sharingNow')}</Table.Th>
                {team.canManage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('sharing.form.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.members.map((m) => (
                <Table.Tr key={m.id} data-testid={`team-member-${m.id}`}>
                  <Table.Td>{m.institution.name}</Table.Td>
                  <Table.Td>{labels.label('roles', m.role)}</Table.Td>
                  <Table.Td>
                    {m.user ? (
                      <Stack gap={0}>
                        <Text size="sm">{m.user.name}</Text>
                        {m.user.email && (
                          <Text size="xs" c="dimmed">
                            {m.user.email}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      t('sharing.team.noWorker')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={memberStatusColor[m.status]} tt="none">
                      {labels.label('memberStatuses', m.status)}
                    </Badge>
                    {m.endReason && (
                      <Text size="xs" c="dimmed">
                        {m.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ScopeChips scopes={m.scopes} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{basisText(m)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(m.startsOn)}
                    {' – '}
                    {m.endsOn ? formatDate(m.endsOn) : t('sharing.team.open')}
                  </Table.Td>
                  <Table.Td>{m.sharing ? t('common.yes') : t('common.no')}</Table.Td>
                  {team.canManage && (
                    <Table.Td>
                      {(m.status === 'aktywny' || m.status === 'zaproszony') && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setEnding(m)}
                          aria-label={t('sharing.team.endNamed', { name: m.institution.name })}
                        >
                          {t('sharing.team.end')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={inviting}
        onClose={() => setInviting(false)}
        title={t('sharing.team.inviteTitle')}
        size="lg"
      >
        <InviteForm
          caseId={caseId}
          team={team}
          onDone={() => setInviting(false)}
          onCancel={() => setInviting(false)}
        />
      </Modal>
      <Modal
        opened={!!ending}
        onClose={() => setEnding(null)}
        title={t('sharing.team.endNamed', { name: ending?.institution.name ?? '' })}
      >
        {ending && <EndMemberForm caseId={caseId} member={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </SectionCard>
  );
}

function EndMemberForm({
  caseId,
  member,
  onDone,
}: {
  caseId: string;
  member: TeamMember;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('sharing.form.required')) },
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: sharingKeys.team(caseId) });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: { reason: string }) =>
      endMember(caseId, member.id, { reason: v.reason, version: member.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('sharing.team.endLead')}</Text>
        <FormProblem error={save.error} onReload={reload} />
        <Textarea
          label={t('sharing.team.endReason')}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('sharing.form.cancel')}
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            {t('sharing.team.endSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
