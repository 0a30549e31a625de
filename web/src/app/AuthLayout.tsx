import { Anchor, Box, Card, Group, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { markNavigation } from '../lib/pageFocus';
import classes from './AuthLayout.module.css';
import { LanguageSwitch } from './LanguageSwitch';
import layoutClasses from './Layout.module.css';

/**
 * The frame of the pages used without a session (login, password reset) and of the session check:
 * skip link, a header with the product name and the language switch, and a centred card — no main
 * navigation.
 */
export function AuthShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className={layoutClasses.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('layout.home')}>
            <Group gap={8} wrap="nowrap">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} size="lg" c="kooperacja.9">
                {t('app.name')}
              </Text>
            </Group>
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        <Card withBorder shadow="sm" padding="xl" radius="md" className={classes.card} maw={wide ? 640 : 460}>
          {children}
        </Card>
        <Text size="sm" c="dimmed" ta="center" mt="md">
          {t('app.tagline')}
        </Text>
      </Box>
    </>
  );
}

/** Route layout of the login and password pages. */
export function AuthLayout() {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // As in the main layout: after client-side navigation focus moves to the new page's h1.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change by design
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    markNavigation();
    document.querySelector<HTMLElement>('#main [data-page-title]')?.focus();
  }, [pathname]);
  return (
    <AuthShell>
      <Outlet />
    </AuthShell>
  );
}
