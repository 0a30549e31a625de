import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/useMe';
import { TwoFactorSection } from './TwoFactorSection';

/**
 * `/konto/weryfikacja-dwuetapowa`: setting up the second factor. An administrator who must use one
 * is kept here (see RequireAuth) until it is on.
 */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  if (!me) return null;
  return (
    <Stack gap="lg" py="md" maw={720}>
      <PageTitle>{t('account.twoFactor.title')}</PageTitle>
      <Text>{t('account.twoFactor.pageLead')}</Text>
      <TwoFactorSection me={me} />
      <Anchor component={Link} to="/konto">
        {t('layout.account')}
      </Anchor>
    </Stack>
  );
}
