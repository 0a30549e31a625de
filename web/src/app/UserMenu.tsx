import type { Me } from '@kooperacja/domain';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogout, useSwitchInstitution } from '../features/auth/useAuthActions';
import { useMe } from '../features/auth/useMe';
import { isApiError } from '../lib/api';

/** The active institution; a select when the user works in more than one. */
function InstitutionSwitch({ me, id, wide }: { me: Me; id: string; wide: boolean }) {
  const { t } = useTranslation();
  const switchInstitution = useSwitchInstitution();
  const active = me.memberships.filter((m) => m.active);
  if (active.length === 0) return null;
  if (active.length === 1) {
    return (
      <Text size="sm" fw={500} data-testid="active-institution">
        {active[0]?.institutionName}
      </Text>
    );
  }
  return (
    <Select
      id={id}
      aria-label={t('layout.institution')}
      size="xs"
      w={wide ? '100%' : 320}
      data={active.map((m) => ({ value: m.institutionId, label: m.institutionName }))}
      value={me.activeInstitutionId}
      allowDeselect={false}
      disabled={switchInstitution.isPending}
      data-testid="institution-switch"
      onChange={(value) => {
        if (!value || value === me.activeInstitutionId) return;
        switchInstitution.mutate(value, {
          onSuccess: (next) => {
            const name = next.memberships.find(
              (m) => m.institutionId === next.activeInstitutionId,
            )?.institutionName;
            notifications.show({ color: 'kooperacja', message: t('layout.institutionSwitched', { name }) });
          },
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: isApiError(error) ? error.problem.title : t('errors.boundary.title'),
              message: isApiError(error) ? (error.problem.detail ?? '') : String(error),
            }),
        });
      }}
    />
  );
}

/**
 * The signed-in user in the header (and, on narrow screens, in the navigation drawer): name,
 * institution switcher, link to the account page, log out.
 */
export function UserMenu({ placement }: { placement: 'header' | 'drawer' }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const logout = useLogout();
  if (!me) return null;
  const name = `${me.user.firstName} ${me.user.lastName}`;
  const content = (
    <>
      <InstitutionSwitch me={me} id={`institution-switch-${placement}`} wide={placement === 'drawer'} />
      <Text
        size="sm"
        fw={600}
        data-testid="user-name"
        visibleFrom={placement === 'header' ? 'lg' : undefined}
      >
        {name}
      </Text>
      <Button component={Link} to="/konto" variant="subtle" size="xs">
        {t('layout.account')}
      </Button>
      <Button variant="default" size="xs" loading={logout.isPending} onClick={() => logout.mutate()}>
        {t('layout.logout')}
      </Button>
    </>
  );
  return placement === 'header' ? (
    <Group gap="sm" wrap="nowrap" role="group" aria-label={t('layout.userMenu')}>
      {content}
    </Group>
  ) : (
    <Stack gap="xs" align="stretch" role="group" aria-label={t('layout.userMenu')}>
      {content}
    </Stack>
  );
}
