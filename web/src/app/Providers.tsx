import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import 'dayjs/locale/pl';
import i18n from '../i18n';
import { cssVariablesResolver, localisedTheme } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';
import { createQueryClient } from './queryClient';

/** Date pickers follow the UI language; weeks start on Monday in Poland. */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'pl', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/** Mantine with the theme's texts (names of icon-only buttons) in the UI language. */
export function LocalisedMantine({ children, env }: { children: ReactNode; env?: 'default' | 'test' }) {
  const { t } = useTranslation();
  const theme = useMemo(() => localisedTheme({ close: t('common.close'), clear: t('common.clear') }), [t]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      env={env}
    >
      {children}
    </MantineProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedMantine>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <LocalisedDates>
              <Notifications />
              {children}
            </LocalisedDates>
          </QueryClientProvider>
        </ErrorBoundary>
      </LocalisedMantine>
    </I18nextProvider>
  );
}
