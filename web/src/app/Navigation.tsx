import { Badge, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../features/auth/useMe';
import classes from './Layout.module.css';
import { navigation, visibleNavigation } from './navigation';

function isActive(pathname: string, to: string, end: boolean | undefined) {
  if (end || to === '/') return pathname === to;
  if (pathname === to || pathname.startsWith(`${to}/`)) {
    // A more specific entry (e.g. the map) wins over its parent.
    return !navigation.some((n) => n.to && n.to !== to && n.to.startsWith(`${to}/`) && pathname === n.to);
  }
  return false;
}

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { me } = useMe();
  const items = visibleNavigation(me?.permissions ?? []);
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const label = t(item.label);
        const description = item.description ? t(item.description) : undefined;
        if (!item.to) {
          return (
            <li key={item.label} data-nav={item.label}>
              {/* Not `disabled`: Mantine dims those to an opacity that fails AA; this stays readable. */}
              <NavLink
                component="div"
                label={label}
                description={description}
                c="dimmed"
                aria-disabled="true"
                aria-label={t('nav.soonLabel', { label })}
                className={classes.soon}
                rightSection={
                  <Badge size="xs" variant="outline" color="gray.7" aria-hidden>
                    {t('nav.soon')}
                  </Badge>
                }
              />
            </li>
          );
        }
        const active = isActive(pathname, item.to, item.end);
        return (
          <li key={item.label} data-nav={item.label}>
            <NavLink
              component={Link}
              to={item.to}
              label={label}
              description={description}
              active={active}
              aria-current={active ? 'page' : undefined}
              pl={item.nested ? 'xl' : undefined}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </Stack>
  );
}
