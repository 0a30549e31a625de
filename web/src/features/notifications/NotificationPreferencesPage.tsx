import {
  type ChannelPreference,
  type NotificationKind,
  type NotificationPreferences,
  notificationKindKeys,
  notificationKinds,
} from '@kooperacja/domain';
import { Anchor, Button, Group, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api';
import { useNotificationPreferences, useSavePreferences } from './useNotifications';

type Draft = Pick<NotificationPreferences, 'kinds' | 'dailyDigest'>;

/**
 * `/konto/powiadomienia`: per kind, in the app and by e-mail; and the daily digest. Saved with the
 * version read: if the settings changed in another window meanwhile, the user reloads them.
 */
export function NotificationPreferencesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  const query = useNotificationPreferences();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<Draft | null>(null);

  useEffect(() => {
    if (query.data) setDraft({ kinds: query.data.kinds, dailyDigest: query.data.dailyDigest });
  }, [query.data]);

  const setChannel = (kind: NotificationKind, channel: keyof ChannelPreference, on: boolean) =>
    setDraft((d) => (d ? { ...d, kinds: { ...d.kinds, [kind]: { ...d.kinds[kind], [channel]: on } } } : d));

  const conflict = isApiError(save.error) && save.error.status === 409;

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap="xs">
        <PageTitle>{t('notifications.preferences.title')}</PageTitle>
        <Text>{t('notifications.preferences.lead')}</Text>
        <Anchor component={Link} to="/powiadomienia" size="sm">
          {t('notifications.preferences.backToList')}
        </Anchor>
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft || !query.data) return;
          save.mutate(
            { kinds: draft.kinds, dailyDigest: draft.dailyDigest, version: query.data.version },
            {
              onSuccess: () =>
                toasts.show({ color: 'kooperacja', message: t('notifications.preferences.saved') }),
            },
          );
        }}
      >
        <Stack gap="lg">
          <SectionCard
            titleId="notification-kinds"
            title={t('notifications.preferences.kindsTitle')}
            description={t('notifications.preferences.kindsLead')}
            query={{ ...query, skeletonHeight: 320 }}
          >
            {draft && (
              <Table striped withTableBorder={false} aria-labelledby="notification-kinds">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('notifications.preferences.kind')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.preferences.inApp')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.preferences.email')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {notificationKindKeys.map((kind) => {
                    const label = notificationKinds[kind].label[lang];
                    const value = draft.kinds[kind];
                    return (
                      <Table.Tr key={kind} data-kind={kind}>
                        <Table.Th scope="row" fw={400}>
                          {label}
                        </Table.Th>
                        <Table.Td>
                          <Switch
                            checked={value.inApp}
                            onChange={(e) => setChannel(kind, 'inApp', e.currentTarget.checked)}
                            aria-label={t('notifications.preferences.inAppOf', { kind: label })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Switch
                            checked={value.email}
                            onChange={(e) => setChannel(kind, 'email', e.currentTarget.checked)}
                            aria-label={t('notifications.preferences.emailOf', { kind: label })}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </SectionCard>
          <SectionCard titleId="notification-digest" title={t('notifications.preferences.digestTitle')}>
            {draft ? (
              <Switch
                checked={draft.dailyDigest}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setDraft((d) => (d ? { ...d, dailyDigest: on } : d));
                }}
                label={t('notifications.preferences.digest')}
                description={t('notifications.preferences.digestHint')}
              />
            ) : (
              <Skeleton height={40} />
            )}
          </SectionCard>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!draft || conflict}>
              {t('notifications.preferences.save')}
            </Button>
            {conflict && (
              <Button
                variant="default"
                onClick={() => {
                  save.reset();
                  void query.refetch();
                }}
              >
                {t('notifications.preferences.reload')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
