import type { Membership, Role, User } from '@kooperacja/domain';
import { Anchor, Button, MultiSelect, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from './fieldErrors';
import { useDictionaryLabels } from './useDictionaryLabels';
import { useSetMembership } from './useSetMembership';

interface RowProps {
  user: User;
  membership: Membership;
  editable: boolean;
}

function sameRoles(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function MembershipRow({ user, membership, editable }: RowProps) {
  const { t } = useTranslation();
  const labels = useDictionaryLabels();
  const save = useSetMembership();
  const [roles, setRoles] = useState<string[]>(membership.roles);
  const [active, setActive] = useState(membership.active);
  const dirty = !sameRoles(roles, membership.roles) || active !== membership.active;
  const name = membership.institutionName;
  const rolesError = fieldErrorsOf(save.error).roles;

  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={600}>
          <Anchor component={Link} to={`/admin/instytucje/${membership.institutionId}`}>
            {name}
          </Anchor>
          <Text size="xs" c="dimmed" fw={400}>
            {labels.institutionType(membership.institutionType)}
          </Text>
        </Table.Th>
        <Table.Td miw={280}>
          {editable ? (
            <MultiSelect
              aria-label={t('admin.users.memberships.rolesIn', { institution: name })}
              data={labels.options.roles}
              value={roles}
              onChange={setRoles}
              searchable
              error={rolesError}
            />
          ) : (
            membership.roles.map((r) => labels.role(r)).join(', ')
          )}
        </Table.Td>
        <Table.Td>
          {editable ? (
            <Switch
              aria-label={t('admin.users.memberships.activeIn', { institution: name })}
              label={active ? t('admin.users.memberships.active') : t('admin.users.memberships.inactive')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          ) : active ? (
            t('admin.users.memberships.active')
          ) : (
            t('admin.users.memberships.inactive')
          )}
        </Table.Td>
        {editable && (
          <Table.Td>
            <Button
              size="xs"
              disabled={!dirty || roles.length === 0}
              loading={save.isPending}
              aria-label={t('admin.users.memberships.saveIn', { institution: name })}
              onClick={() =>
                save.mutate(
                  {
                    userId: user.id,
                    institutionId: membership.institutionId,
                    roles: roles as Role[],
                    active,
                  },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        message: t('admin.users.memberships.saved', { institution: name }),
                      }),
                  },
                )
              }
            >
              {t('admin.users.memberships.save')}
            </Button>
          </Table.Td>
        )}
      </Table.Tr>
      {save.error && !rolesError ? (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <ProblemAlert error={save.error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

/** A user's memberships: roles per institution and whether each is active, editable per abilities. */
export function MembershipsTable({ user }: { user: User }) {
  const { t } = useTranslation();
  const editable = user.abilities.manageMemberships;
  if (user.memberships.length === 0) return <Text>{t('admin.users.noMemberships')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" data-testid="membership-table">
        <VisuallyHidden component="caption">{t('admin.users.memberships.caption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.memberships.institution')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.memberships.roles')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.memberships.state')}</Table.Th>
            {editable && <Table.Th scope="col">{t('admin.users.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {user.memberships.map((m) => (
            // Remount after a save so the row starts from the server's values.
            <MembershipRow
              key={`${m.id}:${m.roles.join()}:${m.active}`}
              user={user}
              membership={m}
              editable={editable}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
