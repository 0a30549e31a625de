import type { Permission } from '@kooperacja/domain';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  /** Translation key of the label. */
  label: ParseKeys;
  description?: ParseKeys;
  /** Route; absent for modules not built yet (shown disabled, "wkrótce"). */
  to?: string;
  /** Exact match only (otherwise active for sub-routes too). */
  end?: boolean;
  /** Indented sub-entry of the item above. */
  nested?: boolean;
  /**
   * Shown only to users holding this permission (or any of these) in the active institution;
   * without it the entry is for every logged-in user.
   */
  permission?: Permission | readonly Permission[];
}

/** Main navigation: one entry per server module, in the order of the roadmap. */
export const navigation: NavItem[] = [
  { label: 'nav.home', to: '/', end: true },
  { label: 'nav.territory', to: '/terytoria' },
  { label: 'nav.territoryMap', to: '/terytoria/mapa', nested: true, end: true },
  { label: 'nav.tasks', to: '/zadania', permission: 'cases.read' },
  { label: 'nav.cases', to: '/sprawy', permission: 'cases.read' },
  { label: 'nav.persons', to: '/osoby', permission: 'persons.read' },
  { label: 'services.nav', to: '/zasoby', permission: 'institutions.read' },
  { label: 'partnerships.nav', to: '/partnerstwa', permission: 'institutions.read' },
  { label: 'sharing.nav.inbox', to: '/skrzynka', permission: 'referrals.handle' },
  { label: 'sharing.nav.shared', to: '/wspolpraca', permission: 'referrals.handle' },
  { label: 'nav.projects', to: '/projekty', permission: 'projects.read' },
  {
    label: 'indicators.nav.portfolio',
    to: '/projekty/portfel',
    nested: true,
    end: true,
    permission: 'projects.read',
  },
  {
    label: 'indicators.nav.library',
    to: '/wskazniki',
    nested: true,
    permission: ['projects.read', 'system.admin'],
  },
  { label: 'programmes.nav', to: '/programy', permission: ['projects.read', 'system.admin'] },
  { label: 'nav.monitoring', to: '/region', permission: 'region.monitor' },
  { label: 'nav.training', to: '/szkolenia' },
  { label: 'nav.admin', to: '/admin', permission: ['institution.admin', 'system.admin'] },
  { label: 'nav.audit', to: '/audyt', permission: 'audit.read' },
];

/** The entries a user with these permissions sees. */
export function visibleNavigation(
  permissions: readonly string[],
  items: readonly NavItem[] = navigation,
): NavItem[] {
  return items.filter((item) => {
    if (!item.permission) return true;
    const wanted: readonly string[] =
      typeof item.permission === 'string' ? [item.permission] : item.permission;
    return wanted.some((p) => permissions.includes(p));
  });
}
