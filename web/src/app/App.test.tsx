import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
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

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/api/health'))
        return jsonResponse({ status: 'ok', database: 'ok', engine: 'pglite', version: '0.1.0' });
      if (url.startsWith('/api/territory/summary')) return jsonResponse(summary);
      return jsonResponse({ items: [], total: 0 });
    }),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('pl');
});

describe('app shell', () => {
  it('renders the home page with landmarks, skip link, one h1 and the summary', async () => {
    renderRoute('/');
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

  it('lists the future modules as disabled navigation entries', () => {
    renderRoute('/');
    const nav = screen.getByRole('navigation', { name: 'Nawigacja główna' });
    expect(within(nav).getByRole('link', { name: 'Rejestr terytorialny' })).toHaveAttribute(
      'href',
      '/terytoria',
    );
    expect(within(nav).getByText('Osoby i sprawy')).toBeInTheDocument();
    expect(within(nav).getAllByText('wkrótce').length).toBeGreaterThanOrEqual(7);
  });

  it('switches to English and sets <html lang>', async () => {
    const user = userEvent.setup();
    renderRoute('/');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Język interfejsu' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kooperacja.language')).toBe('en');
  });

  it('shows a 404 page for unknown routes', () => {
    renderRoute('/nie-ma-takiej-strony');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Nie znaleziono strony');
    expect(document.title).toBe('Nie znaleziono strony · Kooperacja');
  });
});
