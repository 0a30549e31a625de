import { formatAmount, formatRate, type Project, type ProjectPartner } from '@kooperacja/domain';
import { Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { formErrorsOf } from '../cases/page/formErrors';
import { useProjectLabels } from './labels';
import { amountText, groszeOf, MoneyInput, useMoneyError } from './MoneyInput';
import {
  addPartner,
  addTeamMember,
  changeTeamRole,
  projectKeys,
  removePartner,
  removeTeamMember,
  updatePartner,
} from './projectsApi';
import { useTeamCandidates } from './useTeamCandidates';

function useStoreProject(projectId: string) {
  const queryClient = useQueryClient();
  return (p: Project) => {
    queryClient.setQueryData(projectKeys.one(projectId), p);
    void queryClient.invalidateQueries({ queryKey: projectKeys.candidates(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
  };
}

interface PartnerValues {
  institutionId: string | null;
  role: string | null;
  budgetShare: string;
  description: string;
}

/** Adds a partner institution or changes a partner's role, budget share and description. */
function PartnerForm({
  project,
  partner,
  onDone,
}: {
  project: Project;
  partner?: ProjectPartner;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const moneyError = useMoneyError();
  const store = useStoreProject(project.id);
  const form = useForm<PartnerValues>({
    initialValues: {
      institutionId: partner?.institution.id ?? null,
      role: partner?.role ?? 'partner',
      budgetShare: amountText(partner?.budgetShare ?? 0),
      description: partner?.description ?? '',
    },
    validate: {
      institutionId: (v) => (v ? null : t('projects.form.required')),
      budgetShare: (v) => moneyError(v, { required: false }),
    },
  });
  const save = useMutation({
    mutationFn: (v: PartnerValues) => {
      const body = {
        role: (v.role ?? 'partner') as ProjectPartner['role'],
        budgetShare: groszeOf(v.budgetShare),
        description: v.description.trim() || null,
        version: project.version,
      };
      return partner
        ? updatePartner(project.id, partner.institution.id, body)
        : addPartner(project.id, { ...body, institutionId: v.institutionId as string });
    },
    onSuccess: (p) => {
      store(p);
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {partner ? (
          <Text fw={600}>{partner.institution.name}</Text>
        ) : (
          <InstitutionSelect
            label={t('projects.partners.institution')}
            required
            exclude={[project.leader.id, ...project.partners.map((p) => p.institution.id)]}
            value={form.values.institutionId}
            error={form.errors.institutionId}
            onChange={(id) => form.setFieldValue('institutionId', id)}
          />
        )}
        <Select
          label={t('projects.partners.role')}
          data={labels.options('partnerRoles')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        <MoneyInput
          label={t('projects.partners.budgetShare')}
          description={t('projects.partners.budgetShareHint', { total: formatAmount(project.totalValue) })}
          {...form.getInputProps('budgetShare')}
        />
        <Textarea
          label={t('projects.partners.description')}
          rows={3}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('projects.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {partner ? t('projects.form.save') : t('projects.partners.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a person of the leader or a partner institution to the team. */
function TeamForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const store = useStoreProject(project.id);
  const candidates = useTeamCandidates(project.id, true);
  const form = useForm<{ userId: string | null; role: string | null }>({
    initialValues: { userId: null, role: 'czlonek' },
    validate: { userId: (v) => (v ? null : t('projects.form.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { userId: string | null; role: string | null }) =>
      addTeamMember(project.id, {
        userId: v.userId as string,
        role: (v.role ?? 'czlonek') as 'czlonek',
        version: project.version,
      }),
    onSuccess: (p) => {
      store(p);
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const options = (candidates.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${c.institution.name})`,
  }));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {candidates.error ? <ProblemAlert error={candidates.error} /> : null}
        <Select
          label={t('projects.team.person')}
          description={t('projects.team.personHint')}
          data={options}
          searchable
          required
          nothingFoundMessage={t('projects.team.noCandidates')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('userId')}
        />
        <Select
          label={t('projects.team.role')}
          data={labels.options('teamRoles')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('projects.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('projects.team.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Partnerzy i zespół: the leader and partners with roles and budget shares; the people of the team. */
export function PartnersTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useProjectLabels();
  const store = useStoreProject(project.id);
  const manage = project.abilities.manage;
  const [partnerForm, setPartnerForm] = useState<ProjectPartner | 'new' | null>(null);
  const [teamForm, setTeamForm] = useState(false);
  const change = useMutation({
    mutationFn: (f: () => Promise<Project>) => f(),
    onSuccess: store,
  });
  return (
    <Stack gap="lg">
      <SectionCard titleId="project-partners" title={t('projects.partners.title')}>
        {change.error ? <ProblemAlert error={change.error} /> : null}
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>{t('projects.partners.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.partners.institution')}</Table.Th>
                <Table.Th scope="col">{t('projects.partners.role')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('projects.partners.budgetShare')}
                </Table.Th>
                <Table.Th scope="col">{t('projects.partners.description')}</Table.Th>
                {manage && <Table.Th scope="col">{t('projects.partners.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" fw={600}>
                  {project.leader.name}
                </Table.Th>
                <Table.Td>{t('projects.partners.leader')}</Table.Td>
                <Table.Td ta="right">—</Table.Td>
                <Table.Td />
                {manage && <Table.Td />}
              </Table.Tr>
              {project.partners.map((p) => (
                <Table.Tr key={p.institution.id}>
                  <Table.Th scope="row" fw={400}>
                    {p.institution.name}
                  </Table.Th>
                  <Table.Td>{labels.label('partnerRoles', p.role)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatAmount(p.budgetShare)}
                    <Text size="xs" c="dimmed">
                      {t('projects.partners.shareOfTotal', { rate: formatRate(p.budgetShareRate) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.description}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="default" onClick={() => setPartnerForm(p)}>
                          {t('projects.partners.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('projects.partners.removeNamed', { name: p.institution.name })}
                          onClick={() =>
                            change.mutate(() => removePartner(project.id, p.institution.id, project.version))
                          }
                        >
                          {t('projects.partners.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={2}>
                  {t('projects.partners.sharesTotal')}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatAmount(project.money.partnerSharesTotal)}
                </Table.Td>
                <Table.Td colSpan={manage ? 2 : 1}>
                  {t('projects.partners.ofTotal', { total: formatAmount(project.totalValue) })}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {manage && (
          <Group>
            <Button onClick={() => setPartnerForm('new')}>{t('projects.partners.add')}</Button>
          </Group>
        )}
      </SectionCard>
      <SectionCard
        titleId="project-team"
        title={t('projects.team.title')}
        description={t('projects.team.lead')}
      >
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('projects.team.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.team.person')}</Table.Th>
                <Table.Th scope="col">{t('projects.team.role')}</Table.Th>
                <Table.Th scope="col">{t('projects.team.institutions')}</Table.Th>
                {manage && <Table.Th scope="col">{t('projects.partners.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.team.map((m) => (
                <Table.Tr key={m.user.id}>
                  <Table.Th scope="row" fw={400}>
                    {m.user.name}
                    <Text size="xs" c="dimmed">
                      {m.user.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {manage ? (
                      <Select
                        aria-label={t('projects.team.roleOf', { name: m.user.name })}
                        size="xs"
                        data={labels.options('teamRoles')}
                        value={m.role}
                        allowDeselect={false}
                        onChange={(role) =>
                          role &&
                          role !== m.role &&
                          change.mutate(() => changeTeamRole(project.id, m.user.id, role, project.version))
                        }
                      />
                    ) : (
                      labels.label('teamRoles', m.role)
                    )}
                  </Table.Td>
                  <Table.Td>{m.institutions.join(', ') || '—'}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('projects.team.removeNamed', { name: m.user.name })}
                        onClick={() =>
                          change.mutate(() => removeTeamMember(project.id, m.user.id, project.version))
                        }
                      >
                        {t('projects.team.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {manage && (
          <Group>
            <Button onClick={() => setTeamForm(true)}>{t('projects.team.add')}</Button>
          </Group>
        )}
      </SectionCard>
      <Modal
        opened={partnerForm !== null}
        onClose={() => setPartnerForm(null)}
        title={partnerForm === 'new' ? t('projects.partners.add') : t('projects.partners.edit')}
        size="lg"
      >
        {partnerForm !== null && (
          <PartnerForm
            project={project}
            partner={partnerForm === 'new' ? undefined : partnerForm}
            onDone={() => setPartnerForm(null)}
          />
        )}
      </Modal>
      <Modal opened={teamForm} onClose={() => setTeamForm(false)} title={t('projects.team.add')} size="lg">
        {teamForm && <TeamForm project={project} onDone={() => setTeamForm(false)} />}
      </Modal>
    </Stack>
  );
}
