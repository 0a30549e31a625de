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
}

/** Main navigation: one entry per server module, in the order of the roadmap. */
export const navigation: NavItem[] = [
  { label: 'nav.home', to: '/', end: true },
  { label: 'nav.territory', to: '/terytoria' },
  { label: 'nav.territoryMap', to: '/terytoria/mapa', nested: true, end: true },
  { label: 'nav.cases' },
  { label: 'nav.cooperation', description: 'nav.cooperationDescription' },
  { label: 'nav.projects' },
  { label: 'nav.recruitment' },
  { label: 'nav.monitoring' },
  { label: 'nav.training' },
  { label: 'nav.admin' },
];
