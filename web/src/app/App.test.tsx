import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '../features/auth/me.fixtures';
import i18n from '../i18n';
import { setCsrfToken } from '../lib/api';
import { jsonResponse, renderWithProviders } from '../test/render';
import { routes } from './router';

const summary = {
  counts: { wojewodztwo: 16, powiat: 380, gmina: 2479 },
  gminaKinds: { gmina_miejska: 302, gmina_wiejska: 1469, gmina_miejsko_wiejska: 708 },
  withoutGeometry: [],
  stanNa: '2025-01-01',
};

function renderRoute(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return renderWithProviders(<RouterProvider router={router} />, { route: null });
}

const unauthenticated = {
  type: 'https://kooperacja.pl/problems/unauthenticated',
  title: 'Wymagane logowanie',
  status: 401,
  code: 'unauthenticated',
  detail: 'Zaloguj się, aby kontynuować.',
};

let signedIn = true;

beforeEach(() => {
  signedIn = true;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/api/auth/me'))
        return signedIn ? jsonResponse(makeMe()) : jsonResponse(unauthenticated, 401);
      if (url.startsWith('/api/health'))
        return jsonResponse({ status: 'ok', database: 'ok', engine: 'pglite', version: '0.1.0' });
      if (url.startsWith('/api/territory/summary')) return jsonResponse(summary);
      return jsonResponse({ items: [], total: 0 });
    }),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  await i18n.changeLanguage('pl');
});

describe('app shell', () => {
  it('renders the home page with landmarks, skip link, one h1 and the summary', async () => {
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pulpit' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Przejdź do treści' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Nawigacja główna' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pulpit');
    expect(document.title).toBe('Pulpit · Kooperacja');

    const counts = await screen.findByTestId('territory-counts');
    expect(counts).toHaveTextContent(/2\s479\s*gmin/);
    expect(counts).toHaveTextContent(/380\s*powiatów/);
    expect(counts).toHaveTextContent(/16\s*województw/);
    expect(await screen.findByText('pglite')).toBeInTheDocument();
  });

  it('lists the future modules the user may use as disabled navigation entries', async () => {
    renderRoute('/');
    const nav = await screen.findByRole('navigation', { name: 'Nawigacja główna' });
    expect(within(nav).getByRole('link', { name: 'Rejestr terytorialny' })).toHaveAttribute(
      'href',
      '/terytoria',
    );
    expect(within(nav).getByRole('link', { name: 'Sprawy' })).toHaveAttribute('href', '/sprawy');
    expect(within(nav).getByRole('link', { name: 'Moje zadania' })).toHaveAttribute('href', '/zadania');
    expect(within(nav).getByRole('link', { name: 'Osoby i rodziny' })).toHaveAttribute('href', '/osoby');
    expect(within(nav).getByRole('link', { name: 'Skrzynka instytucji' })).toHaveAttribute(
      'href',
      '/skrzynka',
    );
    expect(within(nav).getByRole('link', { name: 'Sprawy współdzielone' })).toHaveAttribute(
      'href',
      '/wspolpraca',
    );
    // A social worker: nothing of theirs is still coming; projects, training and the admin are not theirs.
    expect(within(nav).queryByText('wkrótce')).not.toBeInTheDocument();
    expect(within(nav).queryByText('Projekty')).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Administracja' })).not.toBeInTheDocument();
  });

  it('switches to English and sets <html lang>', async () => {
    const user = userEvent.setup();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Pulpit' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Język interfejsu' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kooperacja.language')).toBe('en');
  });

  it('shows a 404 page for unknown routes', async () => {
    renderRoute('/nie-ma-takiej-strony');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nie znaleziono strony' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Nie znaleziono strony · Kooperacja');
  });

  it('shows the user, a link to the account page and a log-out button in the header', async () => {
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Pulpit' });
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Anna Nowak')).toBeInTheDocument();
    expect(within(header).getByText('MOPS Bochnia')).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'Moje konto' })).toHaveAttribute('href', '/konto');
    expect(within(header).getByRole('button', { name: 'Wyloguj' })).toBeInTheDocument();
  });

  it('sends a visitor without a session to the login page with the way back', async () => {
    signedIn = false;
    const router = createMemoryRouter(routes, { initialEntries: ['/terytoria?q=zabno'] });
    renderWithProviders(<RouterProvider router={router} />, { route: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Logowanie' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/logowanie');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/terytoria?q=zabno')}`);
    // No main navigation on the login page, but the skip link and the language switch stay.
    expect(screen.queryByRole('navigation', { name: 'Nawigacja główna' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Przejdź do treści' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('combobox', { name: 'Język interfejsu' })).toBeInTheDocument();
  });
});
