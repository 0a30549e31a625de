/**
 * Roles and their permissions as data (issue "Identity, institutions, access control and the audit
 * log"). Routes declare a permission; a user holds roles per institution membership; policies add
 * the relation to the record (own institution, assigned case, shared by referral…) on top.
 */

export const permissions = {
  'system.admin': 'Zarządzanie całym systemem: instytucje, użytkownicy, słowniki',
  'institution.admin': 'Zarządzanie użytkownikami i danymi własnej instytucji',
  'institutions.read': 'Przeglądanie rejestru instytucji',
  'persons.read': 'Odczyt osób związanych ze sprawami w zakresie użytkownika',
  'persons.write': 'Zakładanie i zmiana danych osób',
  'cases.read': 'Odczyt spraw w zakresie użytkownika',
  'cases.write': 'Prowadzenie spraw: diagnoza, plan, kontrakt, zamknięcie',
  'cases.supervise': 'Nadzór nad sprawami pracowników instytucji',
  'referrals.handle': 'Przyjmowanie i realizacja skierowań do instytucji',
  'partnerships.manage': 'Prowadzenie partnerstw, porozumień, spotkań i mapy zasobów',
  'projects.read': 'Odczyt projektów i wskaźników',
  'projects.manage': 'Prowadzenie projektów, naborów, uczestników i wsparcia',
  'region.monitor': 'Monitoring regionalny: rejestr JST, mapa, raporty',
  'trainings.manage': 'Organizacja szkoleń, testów i certyfikatów',
  'trainings.approve': 'Zgłaszanie pracowników instytucji na szkolenia i akceptacja ich zgłoszeń',
  'audit.read': 'Przeglądanie i eksport dziennika zdarzeń',
} as const;
export type Permission = keyof typeof permissions;

/** What a social worker does with the cases of their institution; a supervisor does it too. */
const socialWork = [
  'institutions.read',
  'persons.read',
  'persons.write',
  'cases.read',
  'cases.write',
  'referrals.handle',
] as const satisfies readonly Permission[];

export const roles = {
  administrator_systemu: {
    label: { pl: 'Administrator systemu', en: 'System administrator' },
    permissions: ['system.admin', 'institution.admin', 'institutions.read'],
  },
  administrator_instytucji: {
    label: { pl: 'Administrator instytucji', en: 'Institution administrator' },
    permissions: ['institution.admin', 'institutions.read', 'trainings.approve'],
  },
  pracownik_socjalny: {
    label: { pl: 'Pracownik socjalny', en: 'Social worker' },
    permissions: socialWork,
  },
  kierownik: {
    label: { pl: 'Kierownik', en: 'Supervisor' },
    permissions: [...socialWork, 'cases.supervise', 'trainings.approve'],
  },
  pracownik_partnera: {
    label: { pl: 'Pracownik instytucji partnerskiej', en: 'Partner institution worker' },
    permissions: ['institutions.read', 'persons.read', 'cases.read', 'referrals.handle'],
  },
  koordynator_projektu: {
    label: { pl: 'Koordynator projektu', en: 'Project coordinator' },
    permissions: ['institutions.read', 'persons.read', 'persons.write', 'projects.read', 'projects.manage'],
  },
  animator_partnerstwa: {
    label: { pl: 'Animator partnerstwa', en: 'Partnership animator' },
    permissions: ['institutions.read', 'partnerships.manage'],
  },
  analityk_regionalny: {
    label: { pl: 'Analityk regionalny (ROPS)', en: 'Regional analyst (ROPS)' },
    permissions: ['institutions.read', 'projects.read', 'region.monitor'],
  },
  trener: {
    label: { pl: 'Trener / organizator szkoleń', en: 'Trainer / training organiser' },
    permissions: ['institutions.read', 'trainings.manage'],
  },
  audytor: {
    label: { pl: 'Audytor / IOD', en: 'Auditor / DPO' },
    permissions: ['audit.read'],
  },
} as const satisfies Record<
  string,
  { label: { pl: string; en: string }; permissions: readonly Permission[] }
>;
export type Role = keyof typeof roles;

export function permissionsOf(roleNames: readonly Role[]): Set<Permission> {
  return new Set(roleNames.flatMap((r) => roles[r].permissions));
}

/** The role × permission matrix as Markdown (docs/security.md is generated from it). */
export function permissionMatrixMarkdown(): string {
  const roleNames = Object.keys(roles) as Role[];
  const header = `| uprawnienie | ${roleNames.map((r) => roles[r].label.pl).join(' | ')} |`;
  const sep = `|---|${roleNames.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(permissions) as Permission[]).map(
    (p) =>
      `| \`${p}\` — ${permissions[p]} | ${roleNames
        .map((r) => ((roles[r].permissions as readonly Permission[]).includes(p) ? '✓' : ''))
        .join(' | ')} |`,
  );
  return [header, sep, ...rows].join('\n');
}
