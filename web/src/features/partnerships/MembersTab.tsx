import type { Partnership, PartnershipMember } from '@kooperacja/domain';
import {
  Button,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { InstitutionSelect } from '../admin/InstitutionSelect';
import { formErrorsOf } from '../cases/page/formErrors';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { todayIso, usePartnershipLabels } from './labels';
import { addMember, endMember, partnershipKeys } from './partnershipsApi';

/** Members (institutions with their role and work contact); the leader's managers add and end them. */
export function MembersTab({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PartnershipMember | null>(null);
  const current = p.members.filter((m) => !m.leftOn);
  const former = p.members.filter((m) => m.leftOn);
  const row = (m: PartnershipMember) => (
    <Table.Tr key={m.id}>
      <Table.Td>{m.institution.name}</Table.Td>
      <Table.Td>{labels.label('sectors', m.institution.sector)}</Table.Td>
      <Table.Td>{labels.role(p.roleVocabulary, m.role)}</Table.Td>
      <Table.Td>{[m.contactName, m.contactEmail, m.contactPhone].filter(Boolean).join(', ') || '—'}</Table.Td>
      <Table.Td>
        {formatDate(m.joinedOn)}
        {m.leftOn ? ` – ${formatDate(m.leftOn)}` : ''}
      </Table.Td>
      {p.abilities.manage && (
        <Table.Td>
          {!m.leftOn && m.role !== 'lider' && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEnding(m)}
              aria-label={t('partnerships.members.endNamed', { name: m.institution.name })}
            >
              {t('partnerships.members.end')}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
  const table = (list: PartnershipMember[], labelId: string) => (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-labelledby={labelId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partnerships.members.institution')}</Table.Th>
            <Table.Th scope="col">{t('partnerships.members.sector')}</Table.Th>
            <Table.Th scope="col">{t('partnerships.members.role')}</Table.Th>
            <Table.Th scope="col">{t('partnerships.members.contact')}</Table.Th>
            <Table.Th scope="col">{t('partnerships.members.period')}</Table.Th>
            {p.abilities.manage && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('partnerships.members.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{list.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <Stack>
      <SectionCard
        titleId="members-current"
        title={t('partnerships.members.title', { count: current.length })}
      >
        {p.abilities.manage && (
          <Group>
            <Button onClick={() => setAdding(true)}>{t('partnerships.members.add')}</Button>
          </Group>
        )}
        {table(current, 'members-current')}
      </SectionCard>
      {former.length > 0 && (
        <SectionCard titleId="members-former" title={t('partnerships.members.former')}>
          {table(former, 'members-former')}
        </SectionCard>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('partnerships.members.add')} size="lg">
        <AddMemberForm partnership={p} onDone={() => setAdding(false)} />
      </Modal>
      <Modal
        opened={!!ending}
        onClose={() => setEnding(null)}
        title={t('partnerships.members.endNamed', { name: ending?.institution.name ?? '' })}
      >
        {ending && <EndMemberForm partnership={p} member={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </Stack>
  );
}

function AddMemberForm({ partnership: p, onDone }: { partnership: Partnership; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      institutionId: null as string | null,
      role: 'kooperant' as string | null,
      contactName: '',
      contactEmail: '',
      contactPhone: '',
      joinedOn: todayIso() as string | null,
    },
    validate: {
      institutionId: (v) => (v ? null : t('partnerships.form.required')),
      role: (v) => (v ? null : t('partnerships.form.required')),
      joinedOn: (v) => (v ? null : t('partnerships.form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      addMember(p.id, {
        institutionId: v.institutionId as string,
        role: v.role as string,
        contactName: v.contactName,
        contactEmail: v.contactEmail,
        contactPhone: v.contactPhone,
        joinedOn: v.joinedOn as string,
      }),
    onSuccess: (after) => {
      queryClient.setQueryData(partnershipKeys.one(p.id), after);
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.dashboard(p.id) });
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const roles = Object.keys(p.roleVocabulary)
    .filter((k) => k !== 'lider')
    .map((k) => ({ value: k, label: labels.role(p.roleVocabulary, k) }));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <InstitutionSelect
          label={t('partnerships.members.institution')}
          required
          exclude={p.members.filter((m) => !m.leftOn).map((m) => m.institution.id)}
          value={form.values.institutionId}
          error={form.errors.institutionId}
          onChange={(id) => form.setFieldValue('institutionId', id)}
        />
        <Select
          label={t('partnerships.members.role')}
          required
          data={roles}
          {...form.getInputProps('role')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('partnerships.members.contactName')} {...form.getInputProps('contactName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('partnerships.members.contactEmail')}
              type="email"
              {...form.getInputProps('contactEmail')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('partnerships.members.contactPhone')}
              type="tel"
              {...form.getInputProps('contactPhone')}
            />
          </Grid.Col>
        </Grid>
        <DateInput
          label={t('partnerships.members.joinedOn')}
          required
          {...dateProps}
          {...form.getInputProps('joinedOn')}
        />
        <Text size="xs" c="dimmed">
          {t('partnerships.members.contactHint')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('partnerships.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndMemberForm({
  partnership: p,
  member,
  onDone,
}: {
  partnership: Partnership;
  member: PartnershipMember;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const dateProps = useDateInputProps();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { leftOn: todayIso() as string | null } });
  const save = useMutation({
    mutationFn: (leftOn: string) => endMember(p.id, member.id, leftOn),
    onSuccess: (after) => {
      queryClient.setQueryData(partnershipKeys.one(p.id), after);
      onDone();
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        v.leftOn ? save.mutate(v.leftOn) : form.setFieldError('leftOn', t('partnerships.form.required')),
      )}
      noValidate
    >
      <Stack gap="sm">
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <DateInput
          label={t('partnerships.members.leftOn')}
          required
          {...dateProps}
          {...form.getInputProps('leftOn')}
        />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={save.isPending}>
            {t('partnerships.members.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
