import type { Permission } from '@kooperacja/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../features/auth/me.fixtures';
import { authKeys } from '../features/auth/useMe';
import { renderWithProviders } from '../test/render';
import { Navigation } from './Navigation';
import { navigation, visibleNavigation } from './navigation';

function labelsFor(permissions: Permission[]) {
  return visibleNavigation(permissions).map((item) => item.label);
}

const everyone = ['nav.home', 'nav.territory', 'nav.territoryMap'];

describe('visibleNavigation', () => {
  it('shows only the entries for everyone to a user without permissions', () => {
    expect(labelsFor([])).toEqual([...everyone, 'nav.training']);
  });

  it('shows administration to system and institution administrators', () => {
    expect(labelsFor(['system.admin', 'institution.admin', 'institutions.read'])).toEqual([
      ...everyone,
      'services.nav',
      'partnerships.nav',
      'indicators.nav.library',
      'programmes.nav',
      'nav.training',
      'nav.admin',
    ]);
    expect(labelsFor(['institution.admin'])).toEqual([...everyone, 'nav.training', 'nav.admin']);
  });

  it('shows the resource map to everyone who reads the registry of institutions', () => {
    expect(labelsFor(['institutions.read'])).toEqual([
      ...everyone,
      'services.nav',
      'partnerships.nav',
      'nav.training',
    ]);
    expect(navigation.find((i) => i.label === 'services.nav')?.to).toBe('/zasoby');
  });

  it('shows partnerships to everyone who reads the registry of institutions', () => {
    expect(labelsFor(['institutions.read', 'partnerships.manage'])).toEqual([
      ...everyone,
      'services.nav',
      'partnerships.nav',
      'nav.training',
    ]);
    expect(navigation.find((i) => i.label === 'partnerships.nav')?.to).toBe('/partnerstwa');
  });

  it('shows the audit log to the auditor and nothing of administration', () => {
    expect(labelsFor(['audit.read'])).toEqual([...everyone, 'nav.training', 'nav.audit']);
  });

  it('maps the coming modules to their permissions (any of several)', () => {
    expect(labelsFor(['cases.read', 'persons.read', 'referrals.handle'])).toEqual([
      ...everyone,
      'nav.tasks',
      'nav.cases',
      'nav.persons',
      'sharing.nav.inbox',
      'sharing.nav.shared',
      'nav.training',
    ]);
    expect(labelsFor(['persons.read', 'projects.read'])).toEqual([
      ...everyone,
      'nav.persons',
      'nav.projects',
      'indicators.nav.portfolio',
      'indicators.nav.library',
      'programmes.nav',
      'nav.training',
    ]);
    expect(labelsFor(['partnerships.manage'])).toEqual([...everyone, 'nav.training']);
    expect(labelsFor(['projects.read', 'region.monitor'])).toEqual([
      ...everyone,
      'nav.projects',
      'indicators.nav.portfolio',
      'indicators.nav.library',
      'programmes.nav',
      'nav.monitoring',
      'nav.training',
    ]);
    // Trainings are for every member of staff: no permission needed.
    expect(labelsFor(['trainings.manage'])).toEqual([...everyone, 'nav.training']);
    expect(navigation.find((i) => i.label === 'nav.training')?.to).toBe('/szkolenia');
  });

  it('links the institution inbox and the shared cases for those who handle referrals', () => {
    expect(navigation.find((i) => i.label === 'sharing.nav.inbox')?.to).toBe('/skrzynka');
    expect(navigation.find((i) => i.label === 'sharing.nav.shared')?.to).toBe('/wspolpraca');
  });

  it('links the projects, the indicator portfolio and library, and the programme catalogue', () => {
    expect(navigation.find((i) => i.label === 'nav.projects')?.to).toBe('/projekty');
    expect(navigation.find((i) => i.label === 'indicators.nav.portfolio')?.to).toBe('/projekty/portfel');
    expect(navigation.find((i) => i.label === 'indicators.nav.library')?.to).toBe('/wskazniki');
    expect(navigation.find((i) => i.label === 'programmes.nav')?.to).toBe('/programy');
  });

  it('links regional monitoring to /region for those who monitor a region', () => {
    expect(navigation.find((i) => i.label === 'nav.monitoring')?.to).toBe('/region');
    expect(labelsFor(['region.monitor'])).toEqual([...everyone, 'nav.monitoring', 'nav.training']);
  });

  it('links administration to /admin and the audit log to /audyt', () => {
    expect(navigation.find((i) => i.label === 'nav.admin')?.to).toBe('/admin');
    expect(navigation.find((i) => i.label === 'nav.audit')?.to).toBe('/audyt');
  });
});

describe('<Navigation>', () => {
  function renderFor(permissions: Permission[]) {
    const result = renderWithProviders(<Navigation />, { route: '/' });
    result.queryClient.setQueryData(authKeys.me, makeMe({ permissions }));
    return result;
  }

  it('hides the entries the user lacks the permission for', async () => {
    renderFor(['audit.read']);
    const list = await screen.findByRole('list');
    expect(await within(list).findByRole('link', { name: 'Dziennik zdarzeń' })).toHaveAttribute(
      'href',
      '/audyt',
    );
    expect(within(list).queryByRole('link', { name: 'Administracja' })).not.toBeInTheDocument();
    expect(within(list).queryByText('Osoby i sprawy')).not.toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Rejestr terytorialny' })).toBeInTheDocument();
  });

  it('shows regional monitoring only with region.monitor', async () => {
    renderFor(['region.monitor', 'projects.read']);
    expect(await screen.findByRole('link', { name: 'Monitoring regionalny' })).toHaveAttribute(
      'href',
      '/region',
    );
  });

  it('hides regional monitoring without region.monitor', async () => {
    renderFor(['projects.read']);
    expect(await screen.findByRole('link', { name: 'Projekty' })).toBeInTheDocument();
    expect(screen.queryByText('Monitoring regionalny')).not.toBeInTheDocument();
  });

  it('shows administration to an institution administrator', async () => {
    renderFor(['institution.admin', 'institutions.read']);
    expect(await screen.findByRole('link', { name: 'Administracja' })).toHaveAttribute('href', '/admin');
    expect(screen.getByRole('link', { name: 'Mapa zasobów' })).toHaveAttribute('href', '/zasoby');
    expect(screen.queryByRole('link', { name: 'Dziennik zdarzeń' })).not.toBeInTheDocument();
  });
});
