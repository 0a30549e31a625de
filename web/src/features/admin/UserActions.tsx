import type { User } from '@kooperacja/domain';
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { ConfirmButton } from './ConfirmButton';
import { useResetTwoFactor } from './useResetTwoFactor';
import { fullName } from './userLabels';
import { useSendPasswordLink } from './useSendPasswordLink';
import { useUpdateUser } from './useUpdateUser';

export interface UserActionsProps {
  user: User;
  /** Small buttons whose accessible names include the user's name (for table rows). */
  compact?: boolean;
  /** Offer blocking / unblocking (the user page has the status in its form instead). */
  withBlock?: boolean;
}

function notifyError(error: unknown, fallback: string) {
  const problem = isApiError(error) ? error.problem : null;
  notifications.show({
    color: 'red',
    title: problem?.title ?? fallback,
    message: problem?.detail ?? fallback,
  });
}

/**
 * What an administrator may do with an account — only the actions the record's `abilities`
 * allow are shown; the rules themselves live on the server.
 */
export function UserActions({ user, compact = false, withBlock = false }: UserActionsProps) {
  const { t } = useTranslation();
  const sendLink = useSendPasswordLink();
  const resetTwoFactor = useResetTwoFactor();
  const update = useUpdateUser();
  const name = fullName(user);
  const size = compact ? 'xs' : 'sm';
  const labelled = (text: string) => (compact ? { 'aria-label': `${text} — ${name}` } : {});
  const { abilities } = user;

  const sendText = compact ? t('admin.users.actions.sendLinkShort') : t('admin.users.actions.sendLink');
  const resetText = compact ? t('admin.users.actions.reset2faShort') : t('admin.users.actions.reset2fa');
  const blocking = user.status === 'active';
  const blockText = blocking ? t('admin.users.actions.block') : t('admin.users.actions.unblock');

  const actions = [
    abilities.sendPasswordReset && (
      <Button
        key="link"
        size={size}
        variant="default"
        loading={sendLink.isPending}
        {...labelled(sendText)}
        onClick={() =>
          sendLink.mutate(user.id, {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t('admin.users.actions.linkSent', { email: user.email }),
              }),
            onError: (e) => notifyError(e, sendText),
          })
        }
      >
        {sendText}
      </Button>
    ),
    withBlock && abilities.block && (
      <ConfirmButton
        key="block"
        size={size}
        variant={blocking ? 'outline' : 'default'}
        color={blocking ? 'red.9' : undefined}
        loading={update.isPending}
        {...labelled(blockText)}
        title={
          blocking
            ? t('admin.users.actions.blockTitle', { name })
            : t('admin.users.actions.unblockTitle', { name })
        }
        message={blocking ? t('admin.users.actions.blockMessage') : t('admin.users.actions.unblockMessage')}
        onConfirm={() =>
          update.mutate(
            {
              id: user.id,
              firstName: user.firstName,
              lastName: user.lastName,
              status: blocking ? 'blocked' : 'active',
              version: user.version,
            },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'green',
                  message: blocking ? t('admin.users.actions.blocked') : t('admin.users.actions.unblocked'),
                }),
              onError: (e) => notifyError(e, blockText),
            },
          )
        }
      >
        {blockText}
      </ConfirmButton>
    ),
    abilities.resetTwoFactor && (
      <ConfirmButton
        key="2fa"
        size={size}
        variant="outline"
        color="red.9"
        loading={resetTwoFactor.isPending}
        {...labelled(resetText)}
        title={t('admin.users.actions.reset2faTitle', { name })}
        message={t('admin.users.actions.reset2faMessage')}
        confirmLabel={t('admin.users.actions.reset2fa')}
        onConfirm={() =>
          resetTwoFactor.mutate(user.id, {
            onSuccess: () =>
              notifications.show({ color: 'green', message: t('admin.users.actions.reset2faDone') }),
            onError: (e) => notifyError(e, resetText),
          })
        }
      >
        {resetText}
      </ConfirmButton>
    ),
  ].filter(Boolean);

  if (actions.length === 0) return null;
  // In a table row the buttons stack, keeping the column narrow enough to stay on screen.
  if (compact)
    return (
      <Stack gap={4} align="flex-start">
        {actions}
      </Stack>
    );
  return <Group gap="xs">{actions}</Group>;
}
