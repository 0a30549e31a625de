import { Anchor, AppShell, Box, Burger, em, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { markNavigation } from '../lib/pageFocus';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './Layout.module.css';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // On a narrow screen the collapsed menu is only moved off-screen: make it inert so its links are
  // not invisible tab stops (WCAG 2.4.7).
  const narrow = useMediaQuery(`(max-width: ${em(767.98)})`);
  const navHidden = narrow === true && !opened;

  // After client-side navigation move focus to the new page's h1, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change by design
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    close();
    markNavigation();
    document.querySelector<HTMLElement>('#main [data-page-title]')?.focus();
  }, [pathname, close]);

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header component="header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('layout.toggleNavigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('layout.home')}>
                <Group gap={8} wrap="nowrap">
                  <img src="/favicon.svg" alt="" width={28} height={28} />
                  <Text fw={700} size="lg" c="kooperacja.9">
                    {t('app.name')}
                  </Text>
                </Group>
              </Anchor>
              <Text size="sm" c="dimmed" visibleFrom="xl">
                {t('app.tagline')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              <Box visibleFrom="md">
                <UserMenu placement="header" />
              </Box>
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          p="xs"
          component="nav"
          id="main-navigation"
          aria-label={t('layout.mainNavigation')}
          inert={navHidden}
        >
          <AppShell.Section grow>
            <Navigation onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section hiddenFrom="md" pt="md" className={classes.drawerUser}>
            <UserMenu placement="drawer" />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
